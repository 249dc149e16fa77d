/** Play a list of session events through the guard, step by step (fixtures, the CLI, tests). */
import type { ConversationAlert, SessionDecision, SessionEvent } from "@scamguard/contracts";
import { applyEvent } from "./engine.js";
import { createSession, type SessionDeps, type SessionState } from "./state.js";

export interface ReplayStep {
  index: number;
  event: SessionEvent;
  decision: SessionDecision;
  fired: string[];
  alerts: ConversationAlert[];
}

/**
 * Every step of a session, in order, from a fresh state.
 * @example replaySession(fixture.events).at(-1)?.decision.decision // "block"
 */
export function replaySession(events: readonly SessionEvent[], deps: SessionDeps = {}): { steps: ReplayStep[]; state: SessionState } {
  let state = createSession(deps.lang);
  const steps: ReplayStep[] = [];
  events.forEach((event, index) => {
    const r = applyEvent(state, event, deps);
    state = r.state;
    steps.push({ index, event, decision: r.decision, fired: r.fired, alerts: r.alerts });
  });
  return { steps, state };
}
