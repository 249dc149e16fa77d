/** Keyset (cursor) pagination shared by every list route: never offsets. */
import { z } from "zod";

/**
 * Query of a list route. `cursor` is the opaque `nextCursor` of the previous page.
 * @example PageQuerySchema.parse({ limit: "50" }) // { limit: 50 }
 */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/**
 * A page of items; `nextCursor` is null on the last page.
 * @example pageSchema(z.string()).parse({ items: ["a"], nextCursor: null })
 */
export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
