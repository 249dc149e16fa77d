/**
 * The frame of every page: the emergency numbers (110 / 96110, always visible), the page links, the
 * language and large-type switches, then the page itself in <main>.
 */
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { useLargeType } from "./large-type.js";

const PAGES: { href: string; label: MessageKey }[] = [
  { href: "/", label: "nav.check" },
  { href: "/live", label: "nav.live" },
  { href: "/report", label: "nav.report" },
  { href: "/directory", label: "nav.directory" },
  { href: "/console", label: "nav.console" },
  { href: "/bank", label: "nav.bank" },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const [large, setLarge] = useLargeType();
  const [location] = useLocation();
  const current = (href: string) => (href === "/" ? location === "/" : location.startsWith(href));
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <aside className="emergency" aria-label={t("emergency.label")} data-testid="emergency">
        <span className="emergency-note">{t("emergency.note")}</span>
        <a href="tel:110">{t("emergency.police")}</a>
        <a href="tel:96110">{t("emergency.hotline")}</a>
      </aside>
      <header className="top">
        <Link href="/" className="brand">
          <span aria-hidden="true">🛡️</span> {t("app.name")}
        </Link>
        <div className="settings">
          <button type="button" lang={lang === "zh" ? "en" : "zh"} aria-label={t("settings.langLabel")} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
            {t("settings.lang")}
          </button>
          <button type="button" aria-pressed={large} onClick={() => setLarge(!large)}>
            {large ? t("settings.largeOn") : t("settings.large")}
          </button>
        </div>
        <nav aria-label={t("nav.label")}>
          <ul>
            {PAGES.map((page) => (
              <li key={page.href}>
                <Link href={page.href} aria-current={current(page.href) ? "page" : undefined}>
                  {t(page.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
