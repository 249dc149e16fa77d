/** `scamguard check "text"`: the verdict as a person reads it, evidence highlighted, advice first. */
import type { Command } from "commander";
import { readStdinText } from "../io/read-stdin.js";
import { guessLang, onlyIdentifiers } from "../lookup/identifier-lang.js";
import { offlineLookupHint, renderVerdict, serverDownNote } from "../present/render-verdict.js";
import { readLang } from "../io/lang-option.js";

/** Texts above this are cut by the engine anyway; reading stops here so stdin can't exhaust memory. */
const MAX_STDIN_BYTES = 2 * 1024 * 1024;

export function register(program: Command): void {
  program
    .command("check")
    .description("check one message, transcript, number or link (argument or stdin) and explain the verdict")
    .argument("[text...]", "the text to check; reads stdin when omitted")
    .option("--json", "print the verdict as JSON")
    .option("--lang <lang>", "zh, en or auto", readLang, "auto")
    .option("--server <url>", "also look up every number, address and link in the text privately (range lookup: only hash prefixes are sent); default $SCAMGUARD_SERVER")
    .action(async (words: string[], opts: { json?: boolean; lang: string; server?: string }) => {
      const { analyze, extractIdentifiers, withReputation } = await import("@scamguard/detect");
      // Options first: a wrong one must not wait for a text on stdin before saying so.
      if (opts.lang !== "zh" && opts.lang !== "en" && opts.lang !== "auto") {
        throw new Error(`--lang: expected zh, en or auto, got "${opts.lang}"`);
      }
      if (words.length === 0 && process.stdin.isTTY) {
        // A person who typed `scamguard check` alone would otherwise face a silent prompt.
        process.stderr.write("scamguard: paste the text to check, then press Ctrl-D (or pass it as an argument)\n");
      }
      const text = words.length > 0 ? words.join(" ") : await readStdinText(MAX_STDIN_BYTES, "stdin: text larger than 2 MiB");
      // "Low risk" for nothing at all reads as an all-clear: a forgotten argument or an empty pipe is an error.
      if (text.trim() === "") throw new Error('nothing to check: pass the text as an argument (scamguard check "…") or on stdin');
      const server = opts.server ?? process.env.SCAMGUARD_SERVER;
      const { privateLookup, renderReputations } = await import("../lookup/private-lookup.js");
      const identifiers = extractIdentifiers(text);
      let reputation: Awaited<ReturnType<typeof privateLookup>> | null = null;
      let unreachable = false;
      if (server) {
        try {
          reputation = await privateLookup(server, identifiers);
        } catch (error) {
          // As the Check page does: a person mid-call still gets the verdict from the words, told the lookup failed.
          unreachable = true;
          process.stderr.write(`scamguard: ${(error as Error).message}; checked offline, on the words alone\n`);
        }
      }
      // Offline (no server) the verdict comes from the words alone; with one, the identifiers' reputation counts.
      const standings = (reputation ?? []).map((r) => ({ kind: r.kind, value: r.value, verdict: r.verdict, distinctReporters: r.entry?.reporters ?? 0 }));
      // A bare number has no words to tell the language by: a +86 number or a zh locale answers in Chinese.
      const lang = opts.lang === "auto" && onlyIdentifiers(text, identifiers) ? guessLang(text, identifiers) : opts.lang;
      const fromWords = analyze(text, { lang });
      const verdict = withReputation(fromWords, standings);
      if (opts.json) process.stdout.write(`${JSON.stringify(reputation === null ? verdict : { ...verdict, reputation }, null, 2)}\n`);
      else {
        const lookedUp =
          server && reputation
            ? renderReputations(server, reputation, verdict.lang)
            : server && unreachable
              ? serverDownNote(server, verdict.lang)
              : identifiers.length > 0
                ? offlineLookupHint(verdict.lang)
                : "";
        const raisedByReports = verdict.risk !== fromWords.risk;
        process.stdout.write(renderVerdict(text, verdict, { color: process.stdout.isTTY === true, raisedByReports }) + lookedUp);
      }
    });
}
