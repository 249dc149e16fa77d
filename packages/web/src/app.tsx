/**
 * The pages and their addresses. Client-side routes: the server answers any of these paths with
 * index.html (never under /v1/). The console and the bank inbox are separate chunks, loaded on demand.
 * Any other address (a mistyped link) says there is no such page, then offers the Check page.
 */
import { lazy, Suspense } from "react";
import { Route, Switch, useLocation } from "wouter";
import { Layout } from "./components/layout.js";
import { useI18n } from "./i18n/i18n.js";
import { CheckPage } from "./pages/check/check-page.js";
import { DirectoryPage } from "./pages/directory/directory-page.js";
import { LivePage } from "./pages/live/live-page.js";
import { ReportPage } from "./pages/report/report-page.js";

// The console (with its charting library) and the bank inbox are separate chunks: a person checking a
// message never downloads them.
const ConsolePage = lazy(() => import("./pages/console/console-page.js"));
const BankPage = lazy(() => import("./pages/bank/bank-page.js"));

export function App() {
  const { t } = useI18n();
  return (
    <Layout>
      <Suspense fallback={<p>{t("common.loading")}</p>}>
        <Switch>
          <Route path="/" component={CheckPage} />
          <Route path="/live" component={LivePage} />
          <Route path="/report" component={ReportPage} />
          <Route path="/directory" component={DirectoryPage} />
          <Route path="/console" component={ConsolePage} />
          <Route path="/console/*" component={ConsolePage} />
          <Route path="/bank" component={BankPage} />
          <Route>
            <NotFoundNotice />
            <CheckPage />
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}

/** A mistyped address: say so (the person may have followed a wrong link), then the Check page below. */
function NotFoundNotice() {
  const { t } = useI18n();
  const [path] = useLocation();
  return (
    <div className="notice" role="status" data-testid="not-found">
      <p>
        <strong>{t("notFound.title", { path })}</strong>
      </p>
      <p>{t("notFound.body")}</p>
    </div>
  );
}
