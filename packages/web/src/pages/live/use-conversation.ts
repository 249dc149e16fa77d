/**
 * One live call against `/v1/conversations`: created on the first line, alerts read from its
 * server-sent event stream (and from each utterance's answer, so none is missed while the stream
 * connects), merged by their sequence number.
 */
import type { ConversationAlert, CreateConversationResponse, RiskLevel, Speaker, Stage, UtteranceResponse } from "@scamguard/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../api/client.js";

export interface Line {
  speaker: Speaker;
  text: string;
  risk: RiskLevel;
  stage: Stage | null;
}

export type StreamState = "idle" | "connecting" | "open" | "closed";

export function useConversation() {
  const [lines, setLines] = useState<Line[]>([]);
  const [alerts, setAlerts] = useState<ConversationAlert[]>([]);
  const [stream, setStream] = useState<StreamState>("idle");
  const conversation = useRef<Promise<CreateConversationResponse> | null>(null);
  const source = useRef<EventSource | null>(null);

  const addAlerts = useCallback((incoming: ConversationAlert[]) => {
    if (incoming.length === 0) return;
    setAlerts((known) => {
      const seen = new Set(known.map((a) => a.seq));
      const fresh = incoming.filter((a) => !seen.has(a.seq));
      return fresh.length === 0 ? known : [...known, ...fresh].sort((a, b) => b.seq - a.seq);
    });
  }, []);

  const open = useCallback((): Promise<CreateConversationResponse> => {
    conversation.current ??= api<CreateConversationResponse>("/v1/conversations", { body: {} }).then((created) => {
      setStream("connecting");
      const events = new EventSource(created.eventsUrl);
      events.addEventListener("open", () => setStream("open"));
      events.addEventListener("alert", (event) => addAlerts([JSON.parse((event as MessageEvent<string>).data) as ConversationAlert]));
      source.current = events;
      return created;
    });
    return conversation.current;
  }, [addAlerts]);

  const say = useCallback(
    async (speaker: Speaker, text: string) => {
      const { id } = await open();
      const answer = await api<UtteranceResponse>(`/v1/conversations/${id}/utterances`, { body: { speaker, text } });
      setLines((known) => [...known, { speaker, text, risk: answer.risk, stage: answer.stage }]);
      addAlerts(answer.alerts);
    },
    [open, addAlerts],
  );

  const reset = useCallback(() => {
    source.current?.close();
    source.current = null;
    conversation.current = null;
    setLines([]);
    setAlerts([]);
    setStream("idle");
  }, []);

  useEffect(() => () => source.current?.close(), []);

  return { lines, alerts, stream, say, reset };
}
