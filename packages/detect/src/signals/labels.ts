/**
 * Signal labels in the verdict's language (data/lexicons/labels.json): a Chinese verdict reads Chinese
 * reasons and evidence, an English one English, never a mix. One file keyed by signal id, for the
 * lexicon entries and the code detectors (contact, link, amount) alike.
 */
import type { Lang } from "@scamguard/contracts";
import labelData from "../../data/lexicons/labels.json" with { type: "json" };

/** A label in both languages. */
export interface SignalLabel {
  zh: string;
  en: string;
}

const LABELS: ReadonlyMap<string, SignalLabel> = new Map(Object.entries(labelData.labels as Record<string, SignalLabel>));

/**
 * Both labels of a signal id, or undefined for an id without one (labels.test.ts keeps that from shipping).
 * @example signalLabels("channel:screen-share")?.zh // "要求共享或录制屏幕"
 */
export function signalLabels(id: string): SignalLabel | undefined {
  return LABELS.get(id);
}

/**
 * The label of a signal id in `lang`; `fallback` (a developer description) when the id has none.
 * @example signalLabel("money:safe-account", "zh", "") // "要求把钱转到“安全账户”或指定账户"
 */
export function signalLabel(id: string, lang: Lang, fallback: string): string {
  return LABELS.get(id)?.[lang] ?? fallback;
}

/** Every labelled id (tests). @example labelledIds().includes("pretext:prize") // true */
export function labelledIds(): string[] {
  return [...LABELS.keys()];
}
