/** Writes a generated day as CSV or JSON Lines, in chunks, honouring back-pressure. */
import type { Writable } from "node:stream";
import type { GeneratedDay } from "./generate-day.js";

export type CdrFormat = "csv" | "jsonl";
export type TimeFormat = "iso" | "epoch";

export async function writeDay(day: GeneratedDay, out: Writable, format: CdrFormat, time: TimeFormat): Promise<void> {
  let chunk = format === "csv" ? "start_time,caller,callee,duration_s\n" : "";
  for (let i = 0; i < day.count; i++) {
    const junk = day.junk.get(i);
    if (junk !== undefined) chunk += `${junk}\n`;
    else {
      const ms = day.startMs[i] as number;
      const t = time === "iso" ? new Date(ms).toISOString() : String(ms);
      const caller = day.numbers[day.caller[i] as number] as string;
      const callee = day.numbers[day.callee[i] as number] as string;
      const d = day.duration[i] as number;
      chunk +=
        format === "csv"
          ? `${t},${caller},${callee},${d}\n`
          : `{"start_time":${time === "iso" ? `"${t}"` : t},"caller":"${caller}","callee":"${callee}","duration_s":${d}}\n`;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
      chunk = "";
    }
  }
  if (chunk.length > 0 && !out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
}
