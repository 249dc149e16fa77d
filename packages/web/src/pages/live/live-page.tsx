/**
 * Live call: type what is said line by line, or replay a transcript; a risk timeline, and the warnings
 * from the conversation's event stream, newest first, each with what to do.
 */
import { PLAYBOOK_STAGES, parseTranscript } from "@scamguard/contracts";
import type { Speaker } from "@scamguard/contracts";
import zhangCall from "../../../../detect/data/replays/transcripts/zhang-loan-agreement.txt?raw";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { RiskBadge } from "../../components/risk.js";
import { useI18n } from "../../i18n/i18n.js";
import { useConversation } from "./use-conversation.js";

/** Pause between replayed lines: slow enough to watch the timeline and warnings arrive. */
const REPLAY_PAUSE_MS = 700;

export function LivePage() {
  const { t, name } = useI18n();
  const { lines, alerts, stream, say, reset } = useConversation();
  const [speaker, setSpeaker] = useState<Speaker>("remote");
  const [line, setLine] = useState("");
  const [script, setScript] = useState(zhangCall);
  const [replaying, setReplaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef(false);

  useEffect(() => () => {
    stop.current = true;
  }, []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (line.trim() === "") return;
    try {
      await say(speaker, line.trim());
      setLine("");
    } catch (caught) {
      setError(t("error.generic", { message: (caught as Error).message }));
    }
  };

  const replay = async () => {
    stop.current = false;
    setReplaying(true);
    setError(null);
    try {
      for (const utterance of parseTranscript(script)) {
        if (stop.current) break;
        await say(utterance.speaker, utterance.text);
        await new Promise((resolve) => setTimeout(resolve, REPLAY_PAUSE_MS));
      }
    } catch (caught) {
      setError(t("error.generic", { message: (caught as Error).message }));
    } finally {
      setReplaying(false);
    }
  };

  return (
    <div className="page live">
      <h1>{t("live.title")}</h1>
      <p className="intro">{t("live.intro")}</p>


      <form onSubmit={add} className="line-form">
        <fieldset>
          <legend>{t("live.speaker")}</legend>
          <label>
            <input type="radio" name="speaker" checked={speaker === "remote"} onChange={() => setSpeaker("remote")} /> {t("live.remote")}
          </label>
          <label>
            <input type="radio" name="speaker" checked={speaker === "user"} onChange={() => setSpeaker("user")} /> {t("live.user")}
          </label>
        </fieldset>
        <label htmlFor="live-line">{t("live.line")}</label>
        <div className="row">
          <input id="live-line" type="text" autoComplete="off" value={line} onChange={(e) => setLine(e.target.value)} />
          <button type="submit" className="primary" disabled={replaying}>
            {t("live.send")}
          </button>
        </div>
      </form>

      <section aria-labelledby="alerts-title" className="alerts">
        <h2 id="alerts-title">{t("live.alerts")}</h2>
        {stream !== "idle" && <p className="small">{stream === "open" ? t("live.connected") : t("live.connecting")}</p>}
        {alerts.length === 0 ? (
          <p>{t("live.noAlerts")}</p>
        ) : (
          <ol className="alert-list" aria-live="assertive">
            {alerts.map((alert, index) => (
              <li key={alert.seq} className={`alert risk-border-${alert.risk}`} data-testid="live-alert">
                <RiskBadge risk={alert.risk} /> <strong>{alert.title}</strong>
                {/* The newest warning carries the action in large type; older ones stay short. */}
                {alert.advice[0] && <p className={index === 0 ? "action" : "small"}>{alert.advice[0].text}</p>}
                {alert.evidence[0] && <q>{alert.evidence[0].text}</q>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="timeline-title" className="timeline">
        <h2 id="timeline-title">{t("live.timeline")}</h2>
        {lines.length === 0 ? (
          <p>{t("live.empty")}</p>
        ) : (
          <ol data-testid="timeline">
            {lines.map((said, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows, in order
              <li key={index} className={`risk-border-${said.risk}`}>
                <RiskBadge risk={said.risk} /> <span className="who">{said.speaker === "remote" ? t("live.remote") : t("live.user")}
                  {t("punct.colon")}
                </span> {said.text}
                {said.stage && <span className="small"> · {name(PLAYBOOK_STAGES.names[said.stage])}</span>}
              </li>
            ))}
          </ol>
        )}
        {lines.length > 0 && (
          <button type="button" onClick={reset} disabled={replaying}>
            {t("live.reset")}
          </button>
        )}
      </section>

      <details className="replay">
        <summary>{t("live.replay")}</summary>
        <label htmlFor="live-script">{t("live.replayText")}</label>
        <textarea id="live-script" rows={8} value={script} onChange={(e) => setScript(e.target.value)} />
        <div className="row">
          <button type="button" className="primary" onClick={replay} disabled={replaying}>
            {t("live.start")}
          </button>
          <button
            type="button"
            onClick={() => {
              stop.current = true;
            }}
            disabled={!replaying}
          >
            {t("live.stop")}
          </button>
        </div>
      </details>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
