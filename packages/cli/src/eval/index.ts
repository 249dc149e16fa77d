/**
 * `scamguard eval`: precision, recall, F1, FPR (and specificity, AUC, Brier, ECE) per TEST split of
 * ../shared/data, scored through the product path, `analyze()`. Three passes: the text cleaned of
 * dataset artefacts exactly as in training (the headline), the raw text as shipped, and an ASR-style
 * stress test (cleaned, then speaker tags and punctuation removed: what a call recording's
 * transcript looks like).
 */
import { analyze } from "@scamguard/detect";
import { defaultModel, MODEL_VERSION } from "@scamguard/detect/model/index";
import { resolveDataDir } from "../train/data.js";
import { formatMetrics, loadAll, metricsBySet, type SetMetrics } from "../train/pipeline.js";
import { stripArtefacts } from "../train/strip.js";

/** Options of `scamguard eval`. */
export interface RunEvalOptions {
  dataDir?: string;
  /** Print the report as JSON on stdout instead of tables. */
  json?: boolean;
  /** Print nothing (tests). */
  quiet?: boolean;
}

/** What `scamguard eval` measured. */
export interface EvalReport {
  /** The scoring path: always the product's `analyze()`. */
  scorer: "analyze";
  modelVersion: string;
  threshold: number;
  /** Metrics on text cleaned of dataset artefacts (as in training). */
  cleaned: SetMetrics[];
  /** Metrics on the raw test text (handles, placeholders, archive links left in). */
  raw: SetMetrics[];
  /** Metrics on cleaned text with speaker tags and punctuation removed (ASR-like transcripts). */
  asr: SetMetrics[];
  /**
   * Metrics on the first 4 turns only (cleaned): how much of a call the model needs, for the
   * live-call analyser.
   */
  early: SetMetrics[];
  /** Share flagged per (set, label, type) on cleaned text: recall per scam type, FPR per benign type. */
  byType: { set: string; label: 0 | 1; type: string; n: number; flagged: number }[];
  /** Mean milliseconds per text of the scoring path (cleaned pass, including signal extraction). */
  msPerText: number;
}

/** The product path: every figure comes from the same analyze() a person's check goes through. */
function productScorer() {
  return {
    kind: "analyze" as const,
    version: MODEL_VERSION,
    threshold: defaultModel.threshold,
    score: (text: string) => analyze(text).score,
  };
}

/**
 * What a call-recording transcript looks like: no speaker tags, no punctuation, one line.
 * @example asrStyle("A: 您好，我是客服。\nB: 好的？") // "您好 我是客服 好的"
 */
export function asrStyle(text: string): string {
  return text
    .replace(/^[ \t]*[AB][:：][ \t]?/gm, "")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first `n` turns of a tagged transcript (a text without tags is returned whole).
 * @example firstTurns("A: a\nB: b\nA: c", 2) // "A: a\nB: b"
 */
export function firstTurns(text: string, n: number): string {
  const lines = text.split("\n");
  let turns = 0;
  const out: string[] = [];
  for (const line of lines) {
    if (/^[ \t]*[AB][:：]/.test(line) && ++turns > n) break;
    out.push(line);
  }
  return out.join("\n");
}

function formatByType(rows: EvalReport["byType"]): string[] {
  const out: string[] = [];
  for (const set of [...new Set(rows.map((r) => r.set))]) {
    const cells = rows
      .filter((r) => r.set === set)
      .sort((a, b) => b.label - a.label || a.type.localeCompare(b.type))
      .map((r) => `${r.label === 1 ? "" : "¬"}${r.type} ${(r.flagged / r.n).toFixed(2)} (${r.n})`);
    out.push(`  ${set}: ${cells.join(", ")}`);
  }
  return out;
}

/**
 * 95% Wilson score interval of k successes in n, formatted "0.012 [0.004, 0.035]".
 * @example interval(2, 199) // "0.010 [0.003, 0.036]"
 */
export function interval(k: number, n: number): string {
  if (n === 0) return "—";
  const z = 1.96;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return `${p.toFixed(3)} [${Math.max(0, centre - half).toFixed(3)}, ${Math.min(1, centre + half).toFixed(3)}]`;
}

/**
 * Evaluate the shipped model on every test split and print the table (or JSON).
 * @example const report = await runEval({ json: false }); report.cleaned.find((m) => m.set === "jddc-customer-service-zh")?.fpr
 */
export async function runEval(opts: RunEvalOptions = {}): Promise<EvalReport> {
  const rows = loadAll(resolveDataDir(opts.dataDir), "test");
  const scorer = productScorer();
  const pass = (prepare: (text: string) => string): { metrics: SetMetrics[]; ms: number; scores: Float64Array } => {
    const scores = new Float64Array(rows.length);
    const t0 = performance.now();
    rows.forEach((r, i) => {
      scores[i] = scorer.score(prepare(r.text));
    });
    const ms = (performance.now() - t0) / Math.max(1, rows.length);
    return { metrics: metricsBySet(rows, scores, scorer.threshold), ms, scores };
  };
  const cleaned = pass(stripArtefacts);
  const raw = pass((t) => t);
  const asr = pass((t) => asrStyle(stripArtefacts(t)));
  const early = pass((t) => firstTurns(stripArtefacts(t), 4));
  const types = new Map<string, { set: string; label: 0 | 1; type: string; n: number; flagged: number }>();
  rows.forEach((r, i) => {
    const key = `${r.set}|${r.label}|${r.type}`;
    const t = types.get(key) ?? { set: r.set, label: r.label, type: r.type, n: 0, flagged: 0 };
    t.n++;
    if ((cleaned.scores[i] as number) >= scorer.threshold) t.flagged++;
    types.set(key, t);
  });
  const report: EvalReport = {
    scorer: scorer.kind,
    modelVersion: scorer.version,
    threshold: scorer.threshold,
    cleaned: cleaned.metrics,
    raw: raw.metrics,
    asr: asr.metrics,
    early: early.metrics,
    byType: [...types.values()],
    msPerText: Number(cleaned.ms.toFixed(4)),
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!opts.quiet) {
    process.stdout.write(
      [
        `scamguard eval — test splits of ${resolveDataDir(opts.dataDir)}`,
        `model ${report.modelVersion} via analyze(), threshold ${report.threshold}, ${report.msPerText} ms/text`,
        "",
        "test text cleaned of dataset artefacts (as in training):",
        formatMetrics(report.cleaned),
        "",
        "raw test text (handles, placeholders, links left in):",
        formatMetrics(report.raw),
        "",
        "ASR-style stress test (cleaned, speaker tags and punctuation removed):",
        formatMetrics(report.asr),
        "",
        "First 4 turns only (cleaned; early warning in a live call):",
        formatMetrics(report.early),
        "",
        "Flagged share per type (cleaned): recall for scam types, FPR for benign types:",
        ...formatByType(report.byType),
        "",
        "95% Wilson intervals (cleaned): " +
          report.cleaned
            .filter((m) => m.set !== "all")
            .map((m) => (m.positives > 0 ? `${m.set} recall ${interval(m.tp, m.positives)}, FPR ${interval(m.fp, m.n - m.positives)}` : `${m.set} FPR ${interval(m.fp, m.n)}`))
            .join("; "),
        "",
        "All-negative sets (twitter, jddc): precision/recall/F1 undefined; FPR and specificity are the result.",
        "",
      ].join("\n"),
    );
  }
  return report;
}
