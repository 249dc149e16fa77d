/** A case's timeline (as the victim told it) and audit trail (every action: who, when, what), merged in time order. */
import type { CaseDetail } from "@scamguard/contracts";
import { useI18n } from "../../i18n/i18n.js";

interface Row {
  at: string;
  who: string;
  what: string;
  kind: "story" | "audit";
}

export function CaseTrail({ item }: { item: Pick<CaseDetail, "timeline" | "events"> }) {
  const { t, lang } = useI18n();
  const rows: Row[] = [
    ...item.timeline.map((entry) => ({ at: entry.at, who: t("case.victim"), what: entry.what, kind: "story" as const })),
    ...item.events.map((event) => ({
      at: event.at,
      who: t("case.by", { role: t(`role.${event.actorRole}`), who: event.actorKeyId }),
      what: `${t(`event.${event.type}`)}${event.text ? `: ${event.text}` : ""}`,
      kind: "audit" as const,
    })),
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return (
    <ol className="trail" data-testid="case-trail">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, time-ordered list
        <li key={index} className={`trail-${row.kind}`}>
          <time dateTime={row.at}>{new Date(row.at).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB")}</time> · <span className="small">{row.who}</span>
          <br />
          {row.what}
        </li>
      ))}
    </ol>
  );
}
