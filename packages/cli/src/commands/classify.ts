/**
 * `scamguard classify`: JSON Lines in, one verdict line out per input line, in order, in bounded memory.
 * A bad line gets `{"id"?, "line": N, "error": "..."}` and processing goes on; only I/O failure exits non-zero.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { ClassifyInputSchema, formatZodIssue } from "@scamguard/contracts";
import type { Command } from "commander";
import { BufferedWriter } from "../io/buffered-writer.js";
import { readLines } from "../io/read-lines.js";

/** Names people give the text field (the same ones /v1/analyze answers with a hint). */
const TEXT_ALIASES = ["message", "content", "input", "body", "transcript"] as const;

/** Lines above this are rejected (the engine analyses at most 64 Ki characters anyway). */
const MAX_LINE_BYTES = 4 * 1024 * 1024;

export function register(program: Command): void {
  program
    .command("classify")
    .description("classify JSON Lines {id, text} from stdin or --input; one JSON verdict line per input line")
    .option("-i, --input <file>", "read this file instead of stdin")
    .action(async (opts: { input?: string }) => {
      const { analyze } = await import("@scamguard/detect");
      const input = opts.input ? await openInput(opts.input) : process.stdin;
      const out = new BufferedWriter(process.stdout);
      const decoder = new TextDecoder("utf-8", { fatal: true });
      let lineNo = 0;
      for await (const raw of readLines(input, MAX_LINE_BYTES)) {
        lineNo += 1;
        await out.write(`${JSON.stringify(classifyLine(raw.bytes, lineNo, decoder, analyze))}\n`);
      }
      await out.flush();
    });
}

type Analyze = typeof import("@scamguard/detect").analyze;

/** The --input file, checked before anything is written: a wrong path says so in words ("no such file"), as replay does. */
async function openInput(file: string): Promise<ReadStream> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`--input ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
  });
  if (info.isDirectory()) throw new Error(`--input ${file}: a folder, not a file`);
  return createReadStream(file);
}

/** Turns one raw line into its output record; never throws for bad input. */
export function classifyLine(bytes: Buffer | null, line: number, decoder: TextDecoder, analyze: Analyze): Record<string, unknown> {
  if (bytes === null) return { line, error: `line longer than ${MAX_LINE_BYTES} bytes` };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { line, error: "line is not valid UTF-8" };
  }
  if (text.endsWith("\r")) text = text.slice(0, -1);
  if (text.trim() === "") return { line, error: "empty line: expected a JSON object" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { line, error: `invalid JSON: ${(error as Error).message}` };
  }
  const parsed = ClassifyInputSchema.safeParse(json);
  if (!parsed.success) {
    const id = typeof json === "object" && json !== null && "id" in json ? (json as { id: unknown }).id : undefined;
    const issue = parsed.error.issues[0];
    // {"id","message":…}: say where the text goes, as /v1/analyze does for the same names.
    const misnamed = TEXT_ALIASES.find((name) => typeof json === "object" && json !== null && name in json && !("text" in json));
    const hint = misnamed === undefined ? "" : `; put the message to classify in "text", not "${misnamed}"`;
    return { ...(id === undefined ? {} : { id }), line, error: `${issue ? formatZodIssue(issue) : "invalid input"}${hint}` };
  }
  const verdict = analyze(parsed.data.text, { lang: parsed.data.lang ?? "auto" });
  return {
    id: parsed.data.id ?? null,
    label: verdict.label,
    score: Math.round(verdict.score * 1e4) / 1e4,
    risk: verdict.risk,
    mode: verdict.mode,
    stage: verdict.stage,
    signals: verdict.signals.map((signal) => signal.id),
  };
}
