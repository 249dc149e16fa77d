/**
 * An enum as a request may spell it: the canonical values, or another name clients send for one of them
 * (a report's `phone_call` is the contacts API's `phone`), answered as the canonical value. Three routes
 * name the channel of a contact three ways; each reads the others' names instead of refusing them.
 */
import { z } from "zod";

/**
 * The input schema of `canonical` that also reads every key of `aliases` as its value; anything else is
 * refused with the canonical list and the aliases each value takes.
 * @example aliasedEnum(["phone", "sms"], { phone_call: "phone", text: "sms" }).parse("phone_call") // "phone"
 */
export function aliasedEnum<const T extends string>(canonical: readonly T[], aliases: Readonly<Record<string, NoInfer<T>>>) {
  const names = [...canonical, ...Object.keys(aliases)] as [string, ...string[]];
  const taken = canonical
    .map((value) => [value, Object.keys(aliases).filter((alias) => aliases[alias] === value)] as const)
    .filter(([, spelled]) => spelled.length > 0)
    .map(([value, spelled]) => `${spelled.map((s) => `"${s}"`).join(", ")} for ${value}`);
  const message = `Invalid option: expected one of ${canonical.map((v) => `"${v}"`).join("|")}${taken.length > 0 ? ` (also accepted: ${taken.join("; ")})` : ""}`;
  return z.enum(names, { error: message }).transform((name): T => (Object.hasOwn(aliases, name) ? (aliases[name] as T) : (name as T)));
}
