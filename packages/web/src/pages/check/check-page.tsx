/**
 * Check (the landing page): paste a text, or type a number / caller ID / FaceTime e-mail / link, get the
 * verdict card. What was typed is kept for this tab (sessionStorage), so nothing wipes it.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { ReallyThem } from "./really-them.js";
import { type CheckResult, runCheck } from "./run-check.js";
import { VerdictCard } from "./verdict-card.js";

const DRAFT_KEY = "scamguard.check.draft";

function loadDraft(): { text: string; identifier: string } {
  try {
    const saved = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? "null") as { text?: unknown; identifier?: unknown } | null;
    return { text: typeof saved?.text === "string" ? saved.text : "", identifier: typeof saved?.identifier === "string" ? saved.identifier : "" };
  } catch {
    return { text: "", identifier: "" };
  }
}

/**
 * Focus the answer and scroll its top (the risk word and the one thing to do) just below the sticky
 * emergency bar. focus() alone scrolls a card taller than a phone's screen to its middle, so a person
 * landed on "what to do" paragraphs with the verdict above, out of sight.
 */
function showAnswer(answer: HTMLElement | null): void {
  if (!answer) return;
  answer.focus({ preventScroll: true });
  const bar = document.querySelector<HTMLElement>("[data-testid=emergency]");
  const covered = bar && getComputedStyle(bar).position === "sticky" ? bar.getBoundingClientRect().height : 0;
  window.scrollTo({ top: Math.max(0, answer.getBoundingClientRect().top + window.scrollY - covered - 8) });
}

export function CheckPage() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(loadDraft);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  /** The language the shown answer was asked in. */
  const askedIn = useRef(lang);

  useEffect(() => {
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // Not kept across reloads; the form still works.
    }
  }, [draft]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.text.trim() === "" && draft.identifier.trim() === "") {
      setResult(null); // an earlier answer must not stay under "paste some text"
      setError(t("check.empty"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      askedIn.current = lang;
      setResult(await runCheck(draft.text, draft.identifier, lang));
      // Move the reader (and screen readers) to the answer.
      requestAnimationFrame(() => showAnswer(resultRef.current));
    } catch (caught) {
      setResult(null);
      setError(caught instanceof ApiError ? t("check.serverError", { message: caught.message }) : t("error.generic", { message: String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  // The page switched language under an answer: ask again, so the verdict reads in the page's language.
  useEffect(() => {
    if (result === null || result.verdict === null || askedIn.current === lang) return;
    askedIn.current = lang; // once per switch, whatever the answer
    let current = true;
    runCheck(result.text, result.identifier, lang)
      .then((again) => current && setResult(again))
      .catch(() => undefined); // the answer shown stays; the next Check reports any error
    return () => {
      current = false;
    };
  }, [lang, result]);

  return (
    <div className="page check">
      <h1>{t("check.title")}</h1>
      <p className="intro">{t("check.intro")}</p>
      <form onSubmit={submit} className="check-form">
        <label htmlFor="check-text">{t("check.text")}</label>
        <textarea
          id="check-text"
          rows={6}
          placeholder={t("check.textHint")}
          value={draft.text}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        />
        <label htmlFor="check-identifier">{t("check.identifier")}</label>
        <input
          id="check-identifier"
          type="text"
          inputMode="text"
          autoComplete="off"
          value={draft.identifier}
          onChange={(e) => setDraft({ ...draft, identifier: e.target.value })}
        />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t("check.checking") : t("check.submit")}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft({ text: "", identifier: "" });
              setResult(null);
              setError(null);
            }}
          >
            {t("check.clear")}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <div ref={resultRef} tabIndex={-1} className="result">
        {result && <VerdictCard result={result} />}
      </div>
      <ReallyThem />
    </div>
  );
}
