/** Renders a verdict for a terminal: what it is, how far it has gone, why, and what to do now. */
import { FRAUD_MODES, LOW_VERDICT_WORDS, PLAYBOOK_STAGES, RISK_LEVELS, SIGNAL_FAMILIES, readsAsWarning, stageRank, type Verdict } from "@scamguard/contracts";

export interface RenderOptions {
  color: boolean;
  /**
   * The reports about a number, address or link in the text raised the risk above what the words alone
   * scored: the probability shown is then the words', and says so ("中风险 (诈骗概率 0.01)" read as a contradiction).
   */
  raisedByReports?: boolean;
}

/** The words around a verdict, in the verdict's language: a person reads one language, never a mix. */
const WORDS = {
  zh: {
    probability: "诈骗概率",
    wordsProbability: "仅凭文字的诈骗概率",
    mode: "类型：",
    stage: "阶段：",
    note: "说明：",
    advice: "现在该做什么",
    evidence: "证据",
    // The low verdict's words are the Check page's (contracts), so the terminal and the page never drift.
    evidenceLow: `${LOW_VERDICT_WORDS.zh.cuesLow}：${LOW_VERDICT_WORDS.zh.cuesLowWhy}`,
    lowNote: LOW_VERDICT_WORDS.zh.lowNote,
    text: "原文",
    colon: "：",
    warning: `${LOW_VERDICT_WORDS.zh.warning}。`,
  },
  en: {
    probability: "scam probability",
    wordsProbability: "scam probability from the words alone",
    mode: "Mode:  ",
    stage: "Stage: ",
    note: "Note:  ",
    advice: "What to do now",
    evidence: "Evidence",
    evidenceLow: `${LOW_VERDICT_WORDS.en.cuesLow}: ${LOW_VERDICT_WORDS.en.cuesLowWhy}`,
    lowNote: LOW_VERDICT_WORDS.en.lowNote,
    text: "Text",
    colon: ": ",
    warning: `${LOW_VERDICT_WORDS.en.warning}.`,
  },
} as const;

const ansi = (code: string, on: boolean) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/**
 * Said after an offline verdict on a text that names numbers, addresses or links: the words alone were
 * judged, so "low risk" on a bare number is not "nobody reported it".
 * @example offlineLookupHint("zh")
 */
export function offlineLookupHint(lang: "zh" | "en"): string {
  return lang === "zh"
    ? "\n只检查了文字，没有查询其中号码、邮箱和链接的举报记录。加上 --server 网址（或设置 SCAMGUARD_SERVER）即可私密查询：只发送哈希前缀。\n"
    : "\nOnly the words were checked: whether people reported the numbers, addresses or links in it was not looked up. Add --server URL (or set SCAMGUARD_SERVER) to look them up privately: only hash prefixes are sent.\n";
}

/**
 * Said under a verdict when --server could not be reached: the verdict stands, from the words alone.
 * @example serverDownNote("http://127.0.0.1:8787", "en")
 */
export function serverDownNote(server: string, lang: "zh" | "en"): string {
  return lang === "zh"
    ? `\n无法连接 ${server}：没有查询号码、邮箱和链接的举报记录，以上结果只根据文字判断。\n`
    : `\nCould not reach ${server}: the reports about the numbers, addresses and links were not looked up; the verdict above is from the words alone.\n`;
}

/**
 * @example renderVerdict(text, analyze(text), { color: false })
 */
export function renderVerdict(text: string, verdict: Verdict, { color, raisedByReports = false }: RenderOptions): string {
  const bold = ansi("1", color);
  const mark = color ? ansi("1;41;97", true) : (t: string) => `«${t}»`;
  const riskColor = verdict.risk === "low" ? ansi("32", color) : verdict.risk === "medium" ? ansi("33", color) : ansi("1;31", color);
  const lang = verdict.lang;
  const w = WORDS[lang];
  const lines: string[] = [];
  const risk = RISK_LEVELS.names[verdict.risk][lang];
  lines.push(`${riskColor(bold(risk))}  (${raisedByReports ? w.wordsProbability : w.probability} ${verdict.score.toFixed(2)})`);
  // A police or bank reminder that names the tactics ("凡是要求您共享屏幕…的，都是诈骗") reads low, yet its notes
  // say "asks to share the screen": say first that it describes them (as the Check page does).
  const warning = readsAsWarning(verdict);
  if (warning) lines.push(w.warning);
  // Low is said carefully, as on the Check page: never an all-clear, and a lone cue is not called evidence of a scam.
  else if (verdict.risk === "low") lines.push(w.lowNote);
  if (verdict.mode) lines.push(`${w.mode}${FRAUD_MODES.names[verdict.mode][lang]}`);
  if (verdict.stage) {
    lines.push(`${w.stage}${stageRank(verdict.stage) + 1}/${PLAYBOOK_STAGES.ids.length} ${PLAYBOOK_STAGES.names[verdict.stage][lang]}`);
  }
  for (const reason of verdict.reasons) lines.push(`${w.note}${reason}`);
  if (verdict.advice.length > 0) {
    lines.push("", bold(w.advice));
    for (const [i, advice] of verdict.advice.entries()) lines.push(`  ${i + 1}. ${advice.text}`);
  }
  if (verdict.signals.length > 0) {
    lines.push("", bold(verdict.risk === "low" && !warning ? w.evidenceLow : w.evidence));
    for (const signal of verdict.signals) {
      const family = SIGNAL_FAMILIES.names[signal.family][lang];
      const quotes = signal.evidence.map((e) => `“${e.text}”`).join(lang === "zh" ? "、" : ", ");
      lines.push(`  - [${family}] ${signal.description}${w.colon}${quotes}`);
    }
    // Every line of a pasted transcript stays under the heading, not only the first.
    lines.push("", bold(w.text), `  ${highlight(text.slice(0, verdict.analyzedChars), verdict, mark).slice(0, 4000).trimEnd().replace(/\r?\n/g, "\n  ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Wraps every evidence span with the marker, overlapping or touching spans merged into one mark («press one or», never «press one»« or»). */
function highlight(text: string, verdict: Verdict, mark: (t: string) => string): string {
  const spans = verdict.signals
    .flatMap((s) => s.evidence)
    .filter((e) => e.end > e.start && e.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  let out = "";
  let cursor = 0;
  for (const span of merged) {
    out += text.slice(cursor, span.start) + mark(text.slice(span.start, span.end));
    cursor = span.end;
  }
  return out + text.slice(cursor);
}
