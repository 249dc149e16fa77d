/**
 * `scamguard eval`: how the engine does on every labelled TEST split of ../shared/data, through the
 * product path, `analyze()`. The headline is leave-one-source-out (the training recipe fitted without
 * set X, scored on X: messages from a source it never saw); then the shipped model per set and per
 * type (recall, false alarms, mode accuracy) on text cleaned of dataset artefacts, the raw text, two
 * stress tests on dialogues (ASR-style transcripts, the first 4 turns only), and the adversarial
 * suite (evasion tricks applied to every scam text, and the recall each costs).
 */
import { analyze } from "@scamguard/detect";
import { defaultModel, MODEL_VERSION } from "@scamguard/detect/model/index";
import { resolveDataDir, TEXT_SETS, TRAIN_SETS } from "../train/data.js";
import { formatMetrics, loadAll, metricsBySet, type SetMetrics } from "../train/pipeline.js";
import { createProgress } from "../train/progress.js";
import { stripArtefacts } from "../train/strip.js";
import { type AdversarialReport, formatAdversarial, runAdversarial } from "./adversarial.js";
import { type FormReport, formatForms, runForms } from "./form.js";
import { type LosoRow, runLoso } from "./loso.js";
import { acceptedModes } from "./modes.js";

/** Options of `scamguard eval`. */
export interface RunEvalOptions {
  dataDir?: string;
  /** Print the report as JSON on stdout instead of tables. */
  json?: boolean;
  /** Print nothing (tests). */
  quiet?: boolean;
  /** Run leave-one-source-out (default true; the slow part: it featurises every train split). */
  loso?: boolean;
  /** Run the adversarial suite and the form suite (default true). */
  adversarial?: boolean;
}

/** Recall goal of the adversarial suite: no trick may cost more than this. */
export const ADVERSARIAL_MAX_DROP = 0.02;

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
  /**
   * Share flagged per (set, label, type) on cleaned text: recall per scam type, FPR per benign type;
   * for scam types with a known mode, how many flagged texts got an accepted mode.
   */
  byType: TypeRow[];
  /** Mode accuracy per set: flagged scam texts of a mapped type whose verdict mode is an accepted one. */
  modeAccuracy: { set: string; n: number; right: number }[];
  /** Leave-one-source-out, one row per held-out set (empty when skipped). */
  loso: LosoRow[];
  /** Adversarial suite over every cleaned scam text (null when skipped). */
  adversarial: AdversarialReport | null;
  /** Form suite over every cleaned test text, scam and benign (null when skipped with the adversarial suite). */
  forms: FormReport | null;
  /** Mean milliseconds per text of the scoring path (cleaned pass, including signal extraction). */
  msPerText: number;
}

/** One (set, label, type) cell of the per-type table. */
export interface TypeRow {
  set: string;
  label: 0 | 1;
  type: string;
  n: number;
  flagged: number;
  /** Flagged scam texts whose type has a known mode, and how many of them got an accepted mode. */
  modeKnown: number;
  modeRight: number;
}

/** The product path: every figure comes from the same analyze() a person's check goes through. */
function productScorer() {
  return {
    kind: "analyze" as const,
    version: MODEL_VERSION,
    threshold: defaultModel.threshold,
    verdict: (text: string) => analyze(text),
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

function formatByType(rows: readonly TypeRow[]): string[] {
  const out: string[] = [];
  for (const set of [...new Set(rows.map((r) => r.set))]) {
    const cells = rows
      .filter((r) => r.set === set)
      .sort((a, b) => b.label - a.label || a.type.localeCompare(b.type))
      .map((r) => {
        const mode = r.modeKnown > 0 ? ` mode ${(r.modeRight / r.modeKnown).toFixed(2)}` : "";
        return `${r.label === 1 ? "" : "¬"}${r.type || "—"} ${(r.flagged / r.n).toFixed(2)} (${r.n})${mode}`;
      });
    out.push(`  ${set}: ${cells.join(", ")}`);
  }
  return out;
}

const f3 = (x: number | null): string => (x === null ? "—" : x.toFixed(3));

/**
 * The leave-one-source-out table: recall where the held-out set has scams, FPR where it has legit texts,
 * through the product path; the last two columns are the bare model's (no structure gate).
 */
export function formatLoso(rows: readonly LosoRow[]): string {
  const lines = ["held-out set (fit on the others)   n     pos   recall  FPR     F1      AUC     threshold  bare model: recall  FPR"];
  for (const r of rows) {
    const fpr = (m: { n: number; positives: number; fpr: number | null }) => f3(m.n > m.positives ? m.fpr : null);
    lines.push(
      `${r.set.padEnd(35)}${String(r.n).padEnd(6)}${String(r.positives).padEnd(6)}${f3(r.recall).padEnd(8)}${fpr(r).padEnd(8)}${f3(r.positives > 0 && r.n > r.positives ? r.f1 : null).padEnd(8)}${f3(r.auc).padEnd(8)}${String(r.threshold).padEnd(11)}${"".padEnd(12)}${f3(r.model.recall).padEnd(8)}${fpr(r.model)}`,
    );
  }
  return lines.join("\n");
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
  const dataDir = resolveDataDir(opts.dataDir);
  const rows = loadAll(dataDir, "test", "all");
  const scorer = productScorer();
  const dialogueSets = new Set<string>(TEXT_SETS.filter((s) => s.kind === "dialogue").map((s) => s.id));
  const dialogues = rows.filter((r) => dialogueSets.has(r.set));
  const pass = (subset: typeof rows, prepare: (text: string) => string) => {
    const scores = new Float64Array(subset.length);
    const modes: (string | null)[] = [];
    const t0 = performance.now();
    subset.forEach((r, i) => {
      const v = scorer.verdict(prepare(r.text));
      scores[i] = v.score;
      modes.push(v.mode);
    });
    const ms = (performance.now() - t0) / Math.max(1, subset.length);
    return { metrics: metricsBySet(subset, scores, scorer.threshold), ms, scores, modes };
  };
  const cleaned = pass(rows, stripArtefacts);
  const raw = pass(rows, (t) => t);
  const asr = pass(dialogues, (t) => asrStyle(stripArtefacts(t)));
  const early = pass(dialogues, (t) => firstTurns(stripArtefacts(t), 4));

  const types = new Map<string, TypeRow>();
  rows.forEach((r, i) => {
    const key = `${r.set}|${r.label}|${r.type}`;
    const t = types.get(key) ?? { set: r.set, label: r.label, type: r.type, n: 0, flagged: 0, modeKnown: 0, modeRight: 0 };
    t.n++;
    if ((cleaned.scores[i] as number) >= scorer.threshold) {
      t.flagged++;
      const accepted = r.label === 1 ? acceptedModes(r.set, r.type) : null;
      if (accepted) {
        t.modeKnown++;
        if (accepted.includes(cleaned.modes[i] ?? "")) t.modeRight++;
      }
    }
    types.set(key, t);
  });
  const byType = [...types.values()];
  const modeAccuracy = [...new Set(rows.map((r) => r.set))].map((set) => {
    const cells = byType.filter((t) => t.set === set);
    return { set, n: cells.reduce((a, t) => a + t.modeKnown, 0), right: cells.reduce((a, t) => a + t.modeRight, 0) };
  });

  const progress = createProgress(opts.quiet === true || opts.json === true);
  const loso = opts.loso === false ? [] : runLoso(loadAll(dataDir, "train", "all"), rows, progress);
  const scams = rows.filter((r) => r.label === 1).map((r) => stripArtefacts(r.text));
  const isFlagged = (t: string) => scorer.verdict(t).score >= scorer.threshold;
  const adversarial = opts.adversarial === false ? null : runAdversarial(scams, isFlagged);
  const forms = opts.adversarial === false ? null : runForms(rows.map((r) => ({ text: stripArtefacts(r.text), label: r.label, lang: r.lang })), isFlagged);

  const report: EvalReport = {
    scorer: scorer.kind,
    modelVersion: scorer.version,
    threshold: scorer.threshold,
    cleaned: cleaned.metrics,
    raw: raw.metrics,
    asr: asr.metrics,
    early: early.metrics,
    byType,
    modeAccuracy,
    loso,
    adversarial,
    forms,
    msPerText: Number(cleaned.ms.toFixed(4)),
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!opts.quiet) process.stdout.write(formatReport(report, dataDir));
  return report;
}

/** The report as the tables `scamguard eval` prints. */
export function formatReport(report: EvalReport, dataDir: string): string {
  const trainedOn = TRAIN_SETS.join(", ");
  const lines = [
    `scamguard eval — test splits of ${dataDir}`,
    `model ${report.modelVersion} via analyze(), threshold ${report.threshold}, ${report.msPerText} ms/text; the shipped model was fitted on ${trainedOn}`,
    "",
  ];
  if (report.loso.length > 0) {
    lines.push("HEADLINE — leave-one-source-out (training recipe fitted on the train splits of every OTHER set, scored on this set's test split through the product path; bare model = without the structure gate):", formatLoso(report.loso), "");
  }
  lines.push(
    "shipped model, test text cleaned of dataset artefacts (sets not in its training are out-of-source):",
    formatMetrics(report.cleaned),
    "",
    "raw test text (handles, placeholders, masks, links left in):",
    formatMetrics(report.raw),
    "",
    "ASR-style stress test (dialogue sets; cleaned, speaker tags and punctuation removed):",
    formatMetrics(report.asr),
    "",
    "First 4 turns only (dialogue sets; cleaned; early warning in a live call):",
    formatMetrics(report.early),
    "",
    "Flagged share per type (cleaned): recall for scam types, FPR for benign (¬) types; mode = share of flagged scams given an accepted mode:",
    ...formatByType(report.byType),
    "",
    "Mode accuracy (flagged scams of a type with a known mode): " +
      report.modeAccuracy
        .filter((m) => m.n > 0)
        .map((m) => `${m.set} ${(m.right / m.n).toFixed(3)} (${m.right}/${m.n})`)
        .join("; "),
    "",
    "95% Wilson intervals (cleaned): " +
      report.cleaned
        .filter((m) => m.set !== "all")
        .map((m) => {
          const neg = m.n - m.positives;
          if (m.positives === 0) return `${m.set} FPR ${interval(m.fp, m.n)}`;
          return `${m.set} recall ${interval(m.tp, m.positives)}${neg > 0 ? `, FPR ${interval(m.fp, neg)}` : ""}`;
        })
        .join("; "),
    "",
  );
  if (report.adversarial) {
    lines.push("Adversarial suite (every cleaned scam test text, each trick alone; drop = recall lost):", formatAdversarial(report.adversarial, ADVERSARIAL_MAX_DROP), "");
  }
  if (report.forms) {
    lines.push(
      "Form suite (every cleaned test text of the form's language, scam AND benign: the form of real transcripts and SMS; drop = recall lost, rise = false alarms gained):",
      formatForms(report.forms, ADVERSARIAL_MAX_DROP),
      "",
    );
  }
  lines.push("All-negative sets: precision/recall/F1 undefined; FPR and specificity are the result.", "");
  return lines.join("\n");
}
