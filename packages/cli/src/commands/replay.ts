/**
 * `scamguard replay FILE`: plays a call transcript line by line through the live-call analyser (offline,
 * pure) and prints each alert the moment it is raised. A `.json` replay fixture (session events) is played
 * through the kill-chain guard instead, printing every change of decision and the live-call alerts.
 *
 * Transcript format (parseTranscript in contracts/conversations.ts, shared with the Live call page): one
 * utterance per line, `remote:` / `user:` first (also `对方：` / `我：`, `caller:` / `me:`, `R:` / `U:`); lines
 * without a prefix are the remote party's; `#` starts a comment.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { type ConversationAlert, type Lang, parseTranscript, type SessionDecision } from "@scamguard/contracts";
import { readLang } from "../io/lang-option.js";

/** The transcript format is shared with the Live call page's replay (contracts/conversations.ts). */
export { parseTranscript } from "@scamguard/contracts";

export function formatAlert(alert: ConversationAlert, where: string): string {
  const head = `[${where}] ALERT ${alert.seq} · ${alert.stage ?? "-"} · risk ${alert.risk}: ${alert.title}`;
  // Cues often quote the same words or a part of each other's ("征信" inside "影响征信"): each is heard once, whole.
  const quotes = [...new Set(alert.evidence.map((e) => e.text))];
  const evidence = quotes.filter((q) => !quotes.some((other) => other !== q && other.includes(q))).map((text) => `    heard: "${text}"`);
  const advice = alert.advice.map((a) => `    → ${a.text}`);
  return [head, ...evidence, ...advice].join("\n");
}

function formatDecision(d: SessionDecision, where: string): string {
  const head = `[${where}] DECISION ${d.decision.toUpperCase()} · stage ${d.stage ?? "-"} · risk ${d.risk}`;
  return [head, ...d.reasons.map((r) => `    because: ${r.text}`), ...d.advice.slice(0, 2).map((a) => `    → ${a.text}`)].join("\n");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function register(program: Command): void {
  program
    .command("replay")
    .description("play a call transcript (or a session replay .json) line by line and print alerts as they come")
    .argument("<file>", "transcript .txt (remote:/user: lines) or replay fixture .json")
    .option("--lang <lang>", "language of alerts: zh, en or auto", readLang, "auto")
    .option("--delay <ms>", "pause between lines, to watch it live", "0")
    .option("--json", "print one JSON object per alert or decision")
    .action(async (file: string, opts: { lang: string; delay: string; json?: boolean }) => {
      if (opts.lang !== "zh" && opts.lang !== "en" && opts.lang !== "auto") throw new Error(`--lang: expected zh, en or auto, got "${opts.lang}"`);
      const delay = Number(opts.delay);
      if (!Number.isFinite(delay) || delay < 0) throw new Error(`--delay: expected milliseconds, got "${opts.delay}"`);
      const lang: Lang | undefined = opts.lang === "auto" ? undefined : opts.lang;
      const raw = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
        throw new Error(`${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
      });
      const print = (obj: object, text: string) => process.stdout.write(`${opts.json ? JSON.stringify(obj) : text}\n`);
      let alerts = 0;
      if (file.endsWith(".json")) {
        const { ReplayFixtureSchema } = await import("@scamguard/contracts");
        const { applyEvent, createSession } = await import("@scamguard/detect");
        const parsed = ReplayFixtureSchema.safeParse(JSON.parse(raw));
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
        let state = createSession(lang);
        let last = "allow";
        for (const [i, event] of parsed.data.events.entries()) {
          const r = applyEvent(state, event, { lang: lang ?? "zh" });
          state = r.state;
          const where = `event ${i + 1} ${event.type}`;
          for (const alert of r.alerts) {
            alerts++;
            print({ event: i + 1, alert }, formatAlert(alert, where));
          }
          if (r.decision.decision !== last || r.fired.length > 0) {
            if (r.decision.decision !== "allow" || last !== "allow") print({ event: i + 1, decision: r.decision }, formatDecision(r.decision, where));
            last = r.decision.decision;
          }
          if (delay > 0) await sleep(delay);
        }
        if (!opts.json) process.stdout.write(`final decision: ${last}\n`);
        return;
      }
      const { addUtterance, createConversation } = await import("@scamguard/detect");
      let state = createConversation(lang);
      let transcript = "";
      for (const u of parseTranscript(raw)) {
        const r = addUtterance(state, { speaker: u.speaker, text: u.text }, { transcript });
        state = r.state;
        transcript = r.transcript;
        for (const alert of r.alerts) {
          alerts++;
          print({ line: u.line, alert }, formatAlert(alert, `line ${u.line}`));
        }
        if (delay > 0) await sleep(delay);
      }
      if (!opts.json) process.stdout.write(`${state.utterances} utterances, ${alerts} alerts, final stage ${state.stage ?? "-"}, risk ${state.risk}\n`);
    });
}
