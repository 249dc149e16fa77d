/**
 * The anti-fraud centre's console (analyst key): report queue, report detail with review of crowd
 * flags, cases with freeze requests and the evidence packet, all freeze requests, statistics.
 * Filters and pages live in the URL, so a view can be shared.
 */
import { Link, Route, Switch, useLocation } from "wouter";
import { useApiKey } from "../../api/keys.js";
import { KeyForm } from "../../components/key-form.js";
import { useI18n } from "../../i18n/i18n.js";
import type { MessageKey } from "../../i18n/messages.js";
import { CaseDetailPage } from "./case-detail.js";
import { CasesPage } from "./cases-page.js";
import { FreezesPage } from "./freezes-page.js";
import { PacketPage } from "./packet-page.js";
import { ReportDetailPage } from "./report-detail.js";
import { ReportQueue } from "./report-queue.js";
import { StatsPage } from "./stats-page.js";

const TABS: { href: string; label: MessageKey }[] = [
  { href: "/console/reports", label: "console.tab.reports" },
  { href: "/console/cases", label: "console.tab.cases" },
  { href: "/console/freezes", label: "console.tab.freezes" },
  { href: "/console/stats", label: "console.tab.stats" },
];

export default function ConsolePage() {
  const { t } = useI18n();
  const [apiKey, setApiKey] = useApiKey("analyst");
  const [location] = useLocation();
  const printable = location.endsWith("/packet");
  return (
    <div className="page console">
      {!printable && <h1>{t("console.title")}</h1>}
      <div className="no-print">
        <KeyForm slot="analyst" apiKey={apiKey} setApiKey={setApiKey} label="console.key" hint="console.keyHint" />
      </div>
      {apiKey && (
        <>
          {!printable && (
            <nav className="tabs no-print" aria-label={t("console.title")}>
              {TABS.map((tab) => (
                <Link key={tab.href} href={tab.href} aria-current={location.startsWith(tab.href) ? "page" : undefined}>
                  {t(tab.label)}
                </Link>
              ))}
            </nav>
          )}
          <Switch>
            <Route path="/console/reports/:id">{(params) => <ReportDetailPage id={params.id} apiKey={apiKey} />}</Route>
            <Route path="/console/cases/:id/packet">{(params) => <PacketPage id={params.id} apiKey={apiKey} />}</Route>
            <Route path="/console/cases/:id">{(params) => <CaseDetailPage id={params.id} apiKey={apiKey} />}</Route>
            <Route path="/console/cases">
              <CasesPage apiKey={apiKey} />
            </Route>
            <Route path="/console/freezes">
              <FreezesPage apiKey={apiKey} />
            </Route>
            <Route path="/console/stats">
              <StatsPage apiKey={apiKey} />
            </Route>
            <Route>
              <ReportQueue apiKey={apiKey} />
            </Route>
          </Switch>
        </>
      )}
    </div>
  );
}
