/**
 * File a report: normalise its identifiers (422 naming the field when one cannot be), classify its text
 * with the engine (mode, stage), deduplicate per reporter, append it to the event log.
 *
 * Dedup: the same key filing the same identifier set (order and spelling aside: normalised keys, sorted)
 * with the same text (trimmed) within DEDUP_WINDOW_MS gets the first report's id back and `duplicate:
 * true` (HTTP 200 instead of 201); nothing is stored and reputation does not move.
 * Run it inside `ctx.transaction`, then hand `filed` to `reputation.applyFiled` after the commit.
 */
import { createHash, randomBytes } from "node:crypto";
import type { CreateReportRequest, CreateReportResponse, FraudMode } from "@scamguard/contracts";
import { analyze } from "@scamguard/detect";
import type { Principal } from "../auth/principal.js";
import { normalizedOrThrow } from "../services/identifier-keys.js";
import type { Services } from "../services/index.js";
import type { FiledReport } from "../services/reputation-sync.js";

/** A resubmission by the same key within a day is the same report (double taps, app retries). */
export const DEDUP_WINDOW_MS = 24 * 3600 * 1000;

export interface FileReportResult {
  response: CreateReportResponse;
  /** What to apply to the reputation index after commit; null for a duplicate. */
  filed: FiledReport | null;
}

export const newReportId = (): string => `rpt_${randomBytes(12).toString("base64url")}`;

export async function fileReport(services: Services, input: CreateReportRequest, caller: Principal): Promise<FileReportResult> {
  const seen = new Set<string>();
  const identifiers: Array<{ position: number; kind: CreateReportRequest["identifiers"][number]["kind"]; value: string; normalized: string }> = [];
  input.identifiers.forEach((identifier, i) => {
    const normalized = normalizedOrThrow(identifier.kind, identifier.value, `identifiers.${i}`);
    const key = `${identifier.kind}:${normalized}`;
    // The same identifier twice in one report is one identifier.
    if (seen.has(key)) return;
    seen.add(key);
    identifiers.push({ position: identifiers.length, kind: identifier.kind, value: identifier.value, normalized });
  });

  const text = input.text?.trim() ? input.text : null;
  const dedupHash = createHash("sha256")
    .update([...seen].sort().join("\n"))
    .update("\u0000")
    .update(text?.trim() ?? "")
    .digest("hex");

  await services.reports.lockDedup(caller.keyId, dedupHash);
  const existing = await services.reports.findDuplicate(caller.keyId, dedupHash, new Date(Date.now() - DEDUP_WINDOW_MS));
  if (existing !== null) return { response: { id: existing, duplicate: true }, filed: null };

  const verdict = text === null ? null : analyze(text, { account: true });
  const row = await services.reports.insert(
    {
      id: newReportId(),
      reporterKeyId: caller.keyId,
      reporterRole: caller.role,
      dedupHash,
      text,
      channel: input.channel ?? null,
      lossAmount: input.loss?.amount ?? null,
      lossCurrency: input.loss?.currency ?? null,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
      mode: verdict?.mode ?? null,
      stage: verdict?.stage ?? null,
      engineScore: verdict?.score ?? null,
      modelVersion: verdict?.modelVersion ?? null,
    },
    identifiers,
  );
  const atMs = row.createdAt.getTime();
  return {
    response: { id: row.id, duplicate: false },
    filed: {
      seq: row.seq,
      marks: identifiers.map((identifier) => ({
        kind: identifier.kind,
        normalized: identifier.normalized,
        reporterId: caller.keyId,
        role: caller.role,
        atMs,
        mode: (verdict?.mode ?? null) as FraudMode | null,
      })),
    },
  };
}
