/**
 * The evidence packet of a case as a printable page (for the police or the bank): the case, its
 * timeline and audit trail, every report with the engine's verdict, every identifier with its evidence
 * level, the freeze requests with their answers. The same JSON can be downloaded as a file.
 */
import { type EvidencePacket, FRAUD_MODES, IDENTIFIER_KINDS, RISK_LEVELS } from "@scamguard/contracts";
import { Link } from "wouter";
import { institutionById } from "../../components/institutions.js";
import { useI18n } from "../../i18n/i18n.js";
import { CaseTrail } from "./case-trail.js";
import { useLoad } from "./use-load.js";

export function PacketPage({ id, apiKey }: { id: string; apiKey: string }) {
  const { t, name } = useI18n();
  const { data: packet, error } = useLoad<EvidencePacket>(`/v1/cases/${encodeURIComponent(id)}/packet`, apiKey);
  if (error) return <p className="error">{error}</p>;
  if (!packet) return <p>{t("common.loading")}</p>;
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(packet, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `evidence-${packet.case.id}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const c = packet.case;
  return (
    <article className="packet" data-testid="packet">
      <p className="row no-print">
        <Link href={`/console/cases/${c.id}`}>← {c.title}</Link>
        <button type="button" onClick={() => window.print()}>
          🖨 Print
        </button>
        <button type="button" onClick={download}>
          {t("case.packetJson")}
        </button>
      </p>
      <h2>
        {t("case.packet")}: {c.title}
      </h2>
      <p className="small">
        {c.id} · {packet.format} · {new Date(packet.generatedAt).toLocaleString()}
      </p>
      <dl className="facts">
        <dt>{t("case.victim")}</dt>
        <dd>{c.victim.name}</dd>
        {c.loss && (
          <>
            <dt>{t("case.loss")}</dt>
            <dd>
              {c.loss.amount.toLocaleString()} {c.loss.currency}
            </dd>
          </>
        )}
      </dl>
      <h3>{t("case.identifiers")}</h3>
      <table>
        <tbody>
          {packet.identifiers.map((i) => (
            <tr key={`${i.kind}:${i.normalized}`}>
              <td>{name(IDENTIFIER_KINDS.names[i.kind])}</td>
              <td>
                <code>{i.normalized}</code>
              </td>
              <td data-testid="packet-level">{t(`lookup.${i.lookup.verdict}`)}</td>
              <td>{t("verdict.reporters", { n: i.lookup.distinctReporters })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("case.reports")}</h3>
      <table>
        <tbody>
          {packet.reports.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{new Date(r.createdAt).toLocaleString()}</td>
              <td>{t(`role.${r.filerRole}`)}</td>
              <td>
                {r.verdict ? name(RISK_LEVELS.names[r.verdict.risk]) : "—"} {r.mode ? `· ${name(FRAUD_MODES.names[r.mode])}` : ""}
              </td>
              <td>{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("case.freezes")}</h3>
      <table>
        <tbody>
          {packet.freezeRequests.map((f) => (
            <tr key={f.id}>
              <td>{institutionById(f.institution) ? name(institutionById(f.institution)!.name) : f.institution}</td>
              <td>
                <code>{f.payee.normalized}</code>
              </td>
              <td>
                {f.amount.amount.toLocaleString()} {f.amount.currency}
              </td>
              <td>{t(`freeze.state.${f.state}`)}</td>
              <td>{f.answer ? `${f.answer.amount ?? ""} ${f.answer.reason ?? ""} (${Math.round(f.answer.minutesToAnswer)} min)` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("case.trail")}</h3>
      <CaseTrail item={{ timeline: packet.timeline, events: packet.events }} />
    </article>
  );
}
