/**
 * What `scamguard lookup` was given, as the value it names and the identifiers to look up. The words of one
 * number typed with spaces ("+86 170 1234 0001", "6222 0212 3456 7890 123", "(202) 555-0148") are one value;
 * several values typed side by side ("95588 13912345678", "jd-kefu@icloud.com https://x.top") are each looked
 * up alone, never run together into one 16-digit "bank account".
 */
import type { ExtractedIdentifier } from "@scamguard/detect";

type Extract = (text: string) => ExtractedIdentifier[];

/** Only digits and the marks people type between digit groups: the words of one number. */
const DIGIT_GROUPS = /^[\d\s()+-]+$/;

/**
 * @example lookupWords(["95588", "13912345678"], extractIdentifiers).identifiers.map((i) => i.value) // ["95588", "13912345678"]
 * @example lookupWords(["170", "1234", "0001"], extractIdentifiers).identifiers.map((i) => i.value) // ["170 1234 0001"]
 */
export function lookupWords(words: readonly string[], extract: Extract): { value: string; identifiers: ExtractedIdentifier[] } {
  const parts = words.map((w) => w.trim()).filter((w) => w !== "");
  const value = parts.join(" ");
  const alone = parts.map((w) => standsAlone(w, extract));
  // One word, no word that is an identifier by itself, or digit groups that only make sense together: one value.
  if (parts.length <= 1 || !alone.some(Boolean) || (DIGIT_GROUPS.test(value) && !alone.every(Boolean))) {
    return { value, identifiers: extract(value) };
  }
  // Each word that is an identifier by itself is looked up alone; the words between are read together.
  const identifiers: ExtractedIdentifier[] = [];
  let run: { start: number; text: string } | null = null;
  const flush = () => {
    if (run) identifiers.push(...extract(run.text).map((i) => ({ ...i, start: i.start + run!.start, end: i.end + run!.start })));
    run = null;
  };
  let offset = 0;
  for (const [i, word] of parts.entries()) {
    if (alone[i]) {
      flush();
      identifiers.push(...extract(word).map((id) => ({ ...id, start: id.start + offset, end: id.end + offset })));
    } else if (run) run.text += ` ${word}`;
    else run = { start: offset, text: word };
    offset += word.length + 1;
  }
  flush();
  return { value, identifiers };
}

/** The word is one identifier from its first character to its last ("95588", "jd-kefu@icloud.com"). */
function standsAlone(word: string, extract: Extract): boolean {
  const found = extract(word);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === word.length;
}
