/** The record `scamguard classify` reads, one per JSON line, and the shared way to word a zod issue. */
import { z } from "zod";
import { LangSchema } from "./taxonomy.js";

/**
 * Extra fields (label, source…) are allowed and ignored.
 * @example { "id": "m1", "text": "您的学生账户需要注销" }
 */
export const ClassifyInputSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  lang: z.union([LangSchema, z.literal("auto")]).optional(),
});
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>;

/**
 * Words a zod issue as `path: message` so people see which field is wrong.
 * @example formatZodIssue({ path: ["text"], message: "Invalid input: expected string, received number" }) // "text: Invalid input: expected string, received number"
 */
export function formatZodIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
