/**
 * `GET /v1/reports/:id/detail` (analyst, admin): a report as the console reviews it — the filer's role (never
 * the key), the engine's verdict on its text now and its score when filed, each identifier with its lookup
 * answer, the other reports naming it and the other identifiers those reports name, and the cases it is in.
 */
import type { NormalizedIdentifier, RelatedIdentifier, ReportDetail } from "@scamguard/contracts";
import { analyze } from "@scamguard/detect";
import { notFound } from "../errors.js";
import type { Services } from "../services/index.js";
import { presentReport } from "./read-reports.js";

/** Other reports and co-named identifiers shown per identifier. */
export const RELATED_LIMIT = 20;

export async function reportDetail(services: Services, id: string): Promise<ReportDetail> {
  const stored = await services.reports.findById(id);
  if (stored === null) throw notFound("report_not_found", `report ${id} does not exist`);
  const own = new Set(stored.identifiers.map((i) => `${i.kind}:${i.normalized}`));
  const related: RelatedIdentifier[] = [];
  for (const identifier of stored.identifiers) {
    const kind = identifier.kind as NormalizedIdentifier["kind"];
    const [lookup, others] = await Promise.all([
      services.reputation.answer(kind, identifier.value, identifier.normalized),
      services.reports.othersNaming(identifier.kind, identifier.normalized, stored.event.seq, RELATED_LIMIT),
    ]);
    const coNamed = new Map<string, NormalizedIdentifier>();
    for (const other of others.reports) {
      for (const i of other.identifiers) {
        const key = `${i.kind}:${i.normalized}`;
        if (!own.has(key) && !coNamed.has(key) && coNamed.size < RELATED_LIMIT) {
          coNamed.set(key, { kind: i.kind as NormalizedIdentifier["kind"], value: i.value, normalized: i.normalized });
        }
      }
    }
    related.push({
      kind,
      value: identifier.value,
      normalized: identifier.normalized,
      lookup,
      otherReportCount: others.count,
      otherReports: others.reports.map((r) => ({
        id: r.event.id,
        createdAt: r.event.createdAt.toISOString(),
        mode: r.event.mode as ReportDetail["mode"],
        channel: r.event.channel as ReportDetail["channel"],
        status: r.status,
      })),
      coNamed: [...coNamed.values()],
    });
  }
  return {
    ...presentReport(stored),
    filerRole: stored.event.reporterRole as ReportDetail["filerRole"],
    verdict: stored.event.text === null ? null : analyze(stored.event.text, { account: true }),
    filedScore: stored.event.engineScore,
    filedModelVersion: stored.event.modelVersion,
    related,
    caseIds: await services.cases.casesOfReport(id),
  };
}
