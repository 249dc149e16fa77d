/**
 * A short warning to forward to family in one tap: the phone's share sheet where there is one, else
 * copied to the clipboard; the text is also shown so it can be selected by hand.
 */
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.js";

export function ShareWithFamily({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const share = async () => {
    try {
      if (typeof navigator.share === "function") {
        await navigator.share({ text });
        return;
      }
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Share sheet dismissed or clipboard refused: the text stays visible below to copy by hand.
    }
  };
  return (
    <div className="share">
      <button type="button" onClick={share}>
        👪 {t("verdict.share")}
      </button>
      {copied && <span role="status"> {t("verdict.shareCopied")}</span>}
      <p className="share-text" data-testid="share-text">
        {text}
      </p>
    </div>
  );
}
