/**
 * Review of one crowd-flagged identifier: reports alone make it `suspicious`; only the centre's
 * confirmation makes it `scam`, and a confirmation can be withdrawn on dispute. Both need a reason,
 * kept in the audit trail (`POST /v1/reviews`).
 */
import type { CreateReviewResponse, LookupVerdict, NormalizedIdentifier, ReviewAction } from "@scamguard/contracts";
import { type FormEvent, useId, useState } from "react";
import { ApiError, api } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";

export function ReviewControls({
  identifier,
  verdict,
  apiKey,
  onChange,
}: {
  identifier: NormalizedIdentifier;
  verdict: LookupVerdict;
  apiKey: string;
  onChange(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [action, setAction] = useState<ReviewAction>(verdict === "scam" ? "withdraw" : "confirm");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (verdict === "official") return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const review = await api<CreateReviewResponse>("/v1/reviews", {
        body: { identifier: { kind: identifier.kind, value: identifier.normalized }, action, reason: reason.trim() },
        apiKey,
      });
      const words = t(`lookup.${review.lookup.verdict}`);
      setMessage(review.changed ? t("review.done", { verdict: words }) : t("review.unchanged", { verdict: words }));
      setReason("");
      setAction(review.lookup.verdict === "scam" ? "withdraw" : "confirm");
      onChange();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  return (
    <form className="review" onSubmit={submit} data-testid="review-form">
      <fieldset>
        <legend className="sr-only">{identifier.normalized}</legend>
        <label>
          <input type="radio" name={`${id}-action`} checked={action === "confirm"} onChange={() => setAction("confirm")} data-shortcut="c" /> {t("review.confirm")}
        </label>
        <label>
          <input type="radio" name={`${id}-action`} checked={action === "withdraw"} onChange={() => setAction("withdraw")} data-shortcut="w" /> {t("review.withdraw")}
        </label>
      </fieldset>
      <label htmlFor={`${id}-reason`}>{t("review.reason")}</label>
      <div className="row">
        <input id={`${id}-reason`} type="text" required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="primary">
          {action === "confirm" ? t("review.confirm") : t("review.withdraw")}
        </button>
      </div>
      {message && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
