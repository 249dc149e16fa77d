/** How to stop screen sharing, for the apps scammers use (meeting apps, iPhone, Android). */
import { useI18n } from "../../i18n/i18n.js";

export function ScreenShareHelp({ open = false }: { open?: boolean }) {
  const { t } = useI18n();
  return (
    <details className="screen-share" open={open}>
      <summary>{t("verdict.screenShare")}</summary>
      <ol>
        <li>{t("verdict.screenShare.1")}</li>
        <li>{t("verdict.screenShare.2")}</li>
        <li>{t("verdict.screenShare.3")}</li>
        <li>{t("verdict.screenShare.4")}</li>
      </ol>
    </details>
  );
}
