/**
 * Time left to a deadline, ticking every second; past it, how late. Overdue is also said in words and
 * with an icon, never by colour alone.
 */
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n.js";

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** 90061 s → "1 d 01:01:01"; 61 s → "01:01". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  const clock = h > 0 || days > 0 ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

export function Countdown({ deadline, done }: { deadline: string; done: boolean }) {
  const { t } = useI18n();
  const now = useNow();
  if (done) return null;
  const left = new Date(deadline).getTime() - now;
  return left >= 0 ? (
    <span className="countdown" data-testid="countdown">
      ⏱ {t("freeze.left", { time: formatDuration(left) })}
    </span>
  ) : (
    <span className="countdown overdue" data-testid="countdown">
      ⏰ {t("freeze.overdue")} · {t("freeze.lateBy", { time: formatDuration(-left) })}
    </span>
  );
}
