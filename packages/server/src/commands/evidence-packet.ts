/**
 * `GET /v1/cases/:id/packet`: one JSON document for the police or the bank — the case, its timeline and audit
 * trail, every linked report with the filer's role and the engine's verdict on its text, every identifier
 * with its evidence level now, and the freeze requests with their answers. A snapshot dated `generatedAt`.
 */
import type { EvidencePacket, PacketReport } from "@scamguard/contracts";
import { analyze } from "@scamguard/detect";
import type { Services } from "../services/index.js";
import { getCase } from "./cases.js";
import { presentReport } from "./read-reports.js";

export async function evidencePacket(services: Services, caseId: string): Promise<EvidencePacket> {
  const detail = await getCase(services, caseId);
  const { events, freezeRequests, ...caseOnly } = detail;
  const stored = await services.reports.findByIds(detail.reportIds);
  const byId = new Map(stored.map((r) => [r.event.id, r]));
  const reports: PacketReport[] = [];
  for (const id of detail.reportIds) {
    const report = byId.get(id);
    if (report === undefined) continue;
    reports.push({
      ...presentReport(report),
      filerRole: report.event.reporterRole as PacketReport["filerRole"],
      verdict: report.event.text === null ? null : analyze(report.event.text, { account: true }),
    });
  }
  const identifiers: EvidencePacket["identifiers"] = [];
  for (const identifier of detail.identifiers) {
    identifiers.push({ ...identifier, lookup: await services.reputation.answer(identifier.kind, identifier.value, identifier.normalized) });
  }
  return {
    format: "scamguard-evidence-packet/1",
    generatedAt: new Date().toISOString(),
    case: caseOnly,
    timeline: detail.timeline,
    events,
    reports,
    identifiers,
    freezeRequests,
  };
}
