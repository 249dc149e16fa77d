/**
 * The checked text with the evidence marked: overlapping spans of several signals are merged into one
 * <mark>, titled with what each of them means. Offsets are UTF-16, as the verdict gives them.
 */
import type { Signal } from "@scamguard/contracts";

interface Segment {
  text: string;
  labels: string[];
}

export function segmentsOf(text: string, signals: readonly Signal[]): Segment[] {
  const spans = signals
    .filter((s) => s.family !== "protective")
    .flatMap((s) => s.evidence.map((e) => ({ start: Math.max(0, e.start), end: Math.min(text.length, e.end), label: s.description })))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; labels: string[] }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (!last.labels.includes(span.label)) last.labels.push(span.label);
    } else merged.push({ start: span.start, end: span.end, labels: [span.label] });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) segments.push({ text: text.slice(at, span.start), labels: [] });
    segments.push({ text: text.slice(span.start, span.end), labels: span.labels });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), labels: [] });
  return segments;
}

export function HighlightedText({ text, signals }: { text: string; signals: readonly Signal[] }) {
  return (
    <blockquote className="checked-text" data-testid="evidence-text">
      {segmentsOf(text, signals).map((segment, index) =>
        segment.labels.length === 0 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <span key={index}>{segment.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <mark key={index} title={segment.labels.join("; ")}>
            {segment.text}
          </mark>
        ),
      )}
    </blockquote>
  );
}
