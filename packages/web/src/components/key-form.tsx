/**
 * Paste an API key for this tab. Says plainly where the key is kept (sessionStorage) and lets the user
 * forget it. The key field is a password field so it is not shown on a shared screen.
 */
import { type FormEvent, useId, useState } from "react";
import type { KeySlot } from "../api/keys.js";
import { useI18n } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";

export function KeyForm({
  slot,
  apiKey,
  setApiKey,
  label,
  hint,
  onDraft,
}: {
  slot: KeySlot;
  apiKey: string | null;
  setApiKey: (key: string | null) => void;
  label: MessageKey;
  hint: MessageKey;
  /** The key as typed, before "Use this key" is pressed: a page may use it when the person sends at once. */
  onDraft?: (draft: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() !== "") setApiKey(draft.trim());
    setDraft("");
    onDraft?.("");
  };
  if (apiKey) {
    return (
      <p className="key-state" data-testid={`key-${slot}`}>
        🔑 {t("report.keySaved")}{" "}
        <button type="button" className="link" onClick={() => setApiKey(null)}>
          {t("report.keyForget")}
        </button>
      </p>
    );
  }
  return (
    <form className="key-form" onSubmit={submit}>
      <label htmlFor={id}>{t(label)}</label>
      <p className="hint" id={`${id}-hint`}>
        {t(hint)}
      </p>
      <div className="row">
        <input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            onDraft?.(e.target.value);
          }}
        />
        <button type="submit">{t("report.keySave")}</button>
      </div>
    </form>
  );
}
