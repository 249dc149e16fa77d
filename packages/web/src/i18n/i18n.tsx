/**
 * The page language: Chinese or English, first from the browser (`navigator.language`), then from the
 * switch (remembered in localStorage). `t(key, values)` fills `{name}` placeholders; `name(vocab)` picks
 * the zh/en name of a contracts vocabulary entry (fraud modes, stages, risk levels…).
 */
import type { BilingualName, Lang } from "@scamguard/contracts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { MESSAGES, type MessageKey } from "./messages.js";

const STORAGE_KEY = "scamguard.lang";

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  name(entry: BilingualName): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Chinese for any zh-* browser language, English otherwise; a stored choice wins. */
export function initialLang(): Lang {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === "zh" || stored === "en") return stored;
  const browser = typeof navigator === "undefined" ? "zh" : navigator.language;
  return browser.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = MESSAGES[lang]["app.name"];
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    safeStorage()?.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, values) => fill(MESSAGES[lang][key] ?? key, values),
      name: (entry) => entry[lang],
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

function fill(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** localStorage can throw (private mode, disabled storage): the page must still work. */
function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
