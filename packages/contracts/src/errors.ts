/** The one error shape every API answers with. */
import { z } from "zod";

/**
 * @example { error: { code: "validation_failed", message: "text: expected string, received number" } }
 */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
