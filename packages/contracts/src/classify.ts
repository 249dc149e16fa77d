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
  lang: z.enum([...LangSchema.options, "auto"]).optional(),
});
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>;

/**
 * Words a zod issue as `path: message` so people see which field is wrong.
 * @example formatZodIssue({ path: ["text"], message: "Invalid input: expected string, received number" }) // "text: Invalid input: expected string, received number"
 */
export function formatZodIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join(".");
  const message = readableIssueMessage(issue.message);
  return path ? `${path}: ${message}` : message;
}

/**
 * zod's words for a field that is missing, "Invalid input: expected string, received undefined", say what a
 * person must do: "required (a string)". Other messages pass unchanged.
 * @example readableIssueMessage("Invalid input: expected string, received undefined") // "required (a string)"
 */
export function readableIssueMessage(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (!missing) return message;
  const type = missing[1] as string;
  return `required (${/^[aeiou]/.test(type) ? "an" : "a"} ${type})`;
}
