/**
 * What the session log keeps of an event. Institutions send live-call utterances as text; the guard needs
 * only what it heard in them, so the stored event replaces `text` with its length, the conversation cues
 * and playbook stages it established (`talk:*` facts), and the conversation's stage after it. The text
 * itself is analysed in memory and never written (nor logged). Every other event kind is kept as sent:
 * its fields are what the guard reasons about and what an audit must show.
 */
import type { SessionEvent } from "@scamguard/contracts";
import type { ApplyResult } from "@scamguard/detect/session/index";

/** The stored form of an utterance event: what the guard heard, not what was said. */
export interface RetainedUtterance {
  type: "utterance";
  at: string;
  speaker: string;
  /** Length of the text in UTF-16 code units. */
  chars: number;
  /** Facts the utterance established: `talk:<cue>` and `talk.stage:<stage>`. */
  heard: string[];
  /** The conversation's furthest stage after it. */
  stage: string | null;
  textRetained: false;
}

export function retainedEvent(event: SessionEvent, result: Pick<ApplyResult, "state">): SessionEvent | RetainedUtterance {
  if (event.type !== "utterance") return event;
  const heard = Object.entries(result.state.facts)
    .filter(([fact, at]) => fact.startsWith("talk") && at === event.at)
    .map(([fact]) => fact)
    .sort();
  return { type: "utterance", at: event.at, speaker: event.speaker, chars: event.text.length, heard, stage: result.state.conversation.stage, textRetained: false };
}
