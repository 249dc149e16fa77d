/** Renders a verdict for a terminal: what it is, how far it has gone, why, and what to do now. */
import { FRAUD_MODES, PLAYBOOK_STAGES, RISK_LEVELS, SIGNAL_FAMILIES, stageRank, type Verdict } from "@scamguard/contracts";

export interface RenderOptions {
  color: boolean;
}

const ansi = (code: string, on: boolean) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/**
 * @example renderVerdict(text, analyze(text), { color: false })
 */
export function renderVerdict(text: string, verdict: Verdict, { color }: RenderOptions): string {
  const bold = ansi("1", color);
  const mark = color ? ansi("1;41;97", true) : (t: string) => `«${t}»`;
  const riskColor = verdict.risk === "low" ? ansi("32", color) : verdict.risk === "medium" ? ansi("33", color) : ansi("1;31", color);
  const lang = verdict.lang;
  const lines: string[] = [];
  const risk = RISK_LEVELS.names[verdict.risk];
  lines.push(`${riskColor(bold(`${risk.zh} / ${risk.en}`))}  (scam probability ${verdict.score.toFixed(2)})`);
  if (verdict.mode) {
    const mode = FRAUD_MODES.names[verdict.mode];
    lines.push(`Mode:  ${mode.zh} · ${mode.en}`);
  }
  if (verdict.stage) {
    const stage = PLAYBOOK_STAGES.names[verdict.stage];
    lines.push(`Stage: ${stageRank(verdict.stage) + 1}/${PLAYBOOK_STAGES.ids.length} ${stage.zh} · ${stage.en}`);
  }
  for (const reason of verdict.reasons) lines.push(`Note:  ${reason}`);
  if (verdict.advice.length > 0) {
    lines.push("", bold(lang === "zh" ? "现在该做什么 / What to do now" : "What to do now"));
    for (const [i, advice] of verdict.advice.entries()) lines.push(`  ${i + 1}. ${advice.text}`);
  }
  if (verdict.signals.length > 0) {
    lines.push("", bold("Evidence"));
    for (const signal of verdict.signals) {
      const family = SIGNAL_FAMILIES.names[signal.family];
      const quotes = signal.evidence.map((e) => `"${e.text}"`).join(", ");
      lines.push(`  - [${family.en}] ${signal.description}: ${quotes}`);
    }
    lines.push("", bold("Text"), `  ${highlight(text.slice(0, verdict.analyzedChars), verdict, mark).slice(0, 4000)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Wraps every evidence span (merged where they overlap) with the marker. */
function highlight(text: string, verdict: Verdict, mark: (t: string) => string): string {
  const spans = verdict.signals
    .flatMap((s) => s.evidence)
    .filter((e) => e.end > e.start && e.end <= text.length)
    .sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    if (span.end <= cursor) continue;
    const start = Math.max(span.start, cursor);
    out += text.slice(cursor, start) + mark(text.slice(start, span.end));
    cursor = span.end;
  }
  return out + text.slice(cursor);
}
