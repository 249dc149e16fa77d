/**
 * The seeded randomness the adversarial and form suites share: every choice a transform makes is seeded from
 * the text and the transform's id, so a run is the same on every machine and a changed figure means a changed
 * detector, never a different draw.
 */
import { fnv1a } from "@scamguard/detect/model/hash";
import { seededRandom } from "@scamguard/detect/model/rng";

/** The generator for one transform of one text. @example randomFor("请转账", "emoji")() // same number on every run */
export const randomFor = (text: string, transformId: string): (() => number) =>
  seededRandom(fnv1a(text, 0, text.length) ^ fnv1a(transformId, 0, transformId.length));

/** One element of `list`, drawn with `random`. */
export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Whether a character is a Chinese (Han) character. */
export const isHan = (c: string): boolean => /\p{Script=Han}/u.test(c);
