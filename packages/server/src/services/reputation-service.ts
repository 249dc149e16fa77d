/**
 * The reputation service: lookups answered from the in-memory index (one per app, kept in step with the
 * database by ReputationSync), and the hook that applies a committed report to it.
 * Official contacts are resolved through the directory (`institutionByKey`), so they always answer
 * `official` whatever is reported.
 */
import type { IdentifierInput, IdentifierKind, LookupResult } from "@scamguard/contracts";
import { institutionByKey, registrableDomain } from "@scamguard/detect";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { normalizedOrThrow } from "./identifier-keys.js";
import { LookupIndex, type OfficialResolver } from "./lookup-index.js";
import { type RangeAnswer, RangeIndex } from "./range-index.js";
import { rangeSourceOf } from "./range-source.js";
import { type FiledReport, ReputationSync, type SyncLogger } from "./reputation-sync.js";

const official: OfficialResolver = (kind, normalized) => {
  const entry = institutionByKey(kind, normalized);
  return entry ? { id: entry.id, label: `${entry.name.zh} ${entry.name.en}` } : null;
};

export interface ReputationService {
  /** Resolves once the index holds everything committed before the app started. */
  ready(): Promise<void>;
  /**
   * One lookup; `field` names the request field in a 422 (`value`, `items.3`).
   * @throws AppError 422 `invalid_identifier` when the value cannot be normalised
   */
  lookup(input: IdentifierInput, field?: string): Promise<LookupResult>;
  /** A batch, answered in order; the first unparsable item fails the batch with a 422 naming it. */
  lookupMany(items: readonly IdentifierInput[], field?: string): Promise<LookupResult[]>;
  /** `lookup` as JSON text (HTTP): the same answer, serialised from cached parts. */
  lookupJson(input: IdentifierInput): Promise<string>;
  /** `lookupMany` as the JSON text of `{items: [...]}` (HTTP batch). */
  lookupManyJson(items: readonly IdentifierInput[], field?: string): Promise<string>;
  /** `lookupMany` as the JSON text of a CompactBatchLookupResponse (one column per field). */
  lookupManyCompactJson(items: readonly IdentifierInput[], field?: string): Promise<string>;
  /** An already-normalised key (analyze enrichment), no 422 path. */
  answer(kind: IdentifierKind, value: string, normalized: string): Promise<LookupResult>;
  /** The private range answer for a 5-hex-character prefix (lower case). */
  range(prefix: string): Promise<RangeAnswer>;
  /** Loads review events committed since the last load (call right after committing a review). */
  applyReviews(): Promise<void>;
  /** Recounts what report withdrawals committed by this process (or anyone) changed, after the commit. */
  applyWithdrawals(): Promise<void>;
  /** Applies a report committed by this process, right after its commit. */
  applyFiled(filed: FiledReport): void;
  /** Loads reports and imports committed elsewhere that no notification announced (imports on PGlite). */
  catchUp(): Promise<void>;
  readonly index: LookupIndex;
}

const stderrLogger = (silent: boolean): SyncLogger => ({
  warn(obj, msg) {
    if (!silent || process.env.SG_DEBUG_SYNC) process.stderr.write(`${JSON.stringify({ level: "warn", msg, err: String((obj as { err?: unknown }).err ?? "") })}\n`);
  },
});

export function createReputationService(_db: Db, ctx: CoreContext): ReputationService {
  const sync = ctx.singleton(
    "reputation-sync",
    () => new ReputationSync(new LookupIndex(official, (url) => registrableDomain(url) ?? null), ctx.rootDb, ctx.engine, ctx.config, stderrLogger(ctx.config.logLevel === "silent")),
  );
  const index = sync.index;
  const rangeIndex = ctx.singleton("range-index", () => new RangeIndex(rangeSourceOf(index), ctx.config.secrets.rangeDecoySecret));
  const ready = () => (sync.isReady ? Promise.resolve() : sync.ready());
  return {
    index,
    ready,
    async lookup(input, field = "value") {
      if (!sync.isReady) await sync.ready();
      const normalized = normalizedOrThrow(input.kind, input.value, field === "value" ? "" : field);
      return index.answer(input.kind, input.value, normalized, Date.now());
    },
    async lookupMany(items, field = "items") {
      if (!sync.isReady) await sync.ready();
      const now = Date.now();
      const results: LookupResult[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as IdentifierInput;
        results[i] = index.answer(item.kind, item.value, normalizedOrThrow(item.kind, item.value, `${field}.${i}`), now);
      }
      return results;
    },
    async lookupJson(input) {
      if (!sync.isReady) await sync.ready();
      return index.answerJson(input.kind, input.value, normalizedOrThrow(input.kind, input.value, ""), Date.now());
    },
    async lookupManyJson(items, field = "items") {
      if (!sync.isReady) await sync.ready();
      const now = Date.now();
      // `+=` builds a rope that is flattened once when written to the socket: ~7× faster than join here.
      let json = '{"items":[';
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as IdentifierInput;
        if (i > 0) json += ",";
        json += index.answerJson(item.kind, item.value, normalizedOrThrow(item.kind, item.value, `${field}.${i}`), now);
      }
      return `${json}]}`;
    },
    async lookupManyCompactJson(items, field = "items") {
      if (!sync.isReady) await sync.ready();
      const now = Date.now();
      let verdicts = "";
      let scores = "";
      let reporters = "";
      let reports = "";
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as IdentifierInput;
        const found = index.evidence(item.kind, normalizedOrThrow(item.kind, item.value, `${field}.${i}`), now);
        const sep = i > 0 ? "," : "";
        if (found === null) {
          verdicts += `${sep}"unknown"`;
          scores += `${sep}0`;
          reporters += `${sep}0`;
          reports += `${sep}0`;
        } else {
          verdicts += `${sep}"${found.verdict}"`;
          scores += sep + String(Math.round(found.score * 1000) / 1000);
          reporters += sep + String(found.distinctReporters);
          reports += sep + String(found.reports);
        }
      }
      return `{"verdict":[${verdicts}],"score":[${scores}],"distinctReporters":[${reporters}],"reports":[${reports}]}`;
    },
    async answer(kind, value, normalized) {
      if (!sync.isReady) await sync.ready();
      return index.answer(kind, value, normalized, Date.now());
    },
    async range(prefix) {
      if (!sync.isReady) await sync.ready();
      return rangeIndex.answer(prefix, Date.now());
    },
    applyFiled: (filed) => sync.applyFiled(filed),
    async applyReviews() {
      if (!sync.isReady) await sync.ready();
      await sync.loadReviews();
    },
    applyWithdrawals: () => sync.loadWithdrawals(),
    catchUp: () => sync.catchUp(),
  };
}
