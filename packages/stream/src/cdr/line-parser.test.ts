import { describe, expect, it } from "vitest";
import { parseStartTime } from "./iso-time.js";
import { CdrLineParser } from "./line-parser.js";

const parse = (text: string, chunk = 7) => {
  const rows: [number, string, string, number, number][] = [];
  const parser = new CdrLineParser((t, c, e, d, l) => rows.push([t, c, e, d, l]));
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  parser.end();
  return { rows, counts: parser.counts };
};

describe("start times", () => {
  it("reads ISO 8601 with Z, offsets, fractions or a space, and epoch milliseconds", () => {
    const t = Date.parse("2026-12-01T08:15:30Z");
    expect(parseStartTime("2026-12-01T08:15:30Z")).toBe(t);
    expect(parseStartTime("2026-12-01 16:15:30+08:00")).toBe(t);
    expect(parseStartTime("2026-12-01T16:15:30.250+0800")).toBe(t + 250);
    expect(parseStartTime(String(t))).toBe(t);
    expect(parseStartTime("2026-02-30T10:00:00Z")).toBeNaN();
    expect(parseStartTime("yesterday")).toBeNaN();
  });
});

describe("CDR lines", () => {
  it("parses CSV in any chunking, counts malformed rows with their line numbers and goes on", () => {
    const text =
      "start_time,caller,callee,duration_s\r\n" +
      "2026-12-01T08:00:00Z,+8613800000001,+8613800000002,30\r\n" +
      "garbage\n" +
      "2026-12-01T08:00:01Z,+8613800000001,+8613800000003,-4\n" +
      "2026-13-01T08:00:01Z,+8613800000001,+8613800000003,4\n" +
      "1796112930000,+8613800000001,+8613800000004,0";
    const { rows, counts } = parse(text);
    expect(rows).toEqual([
      [Date.parse("2026-12-01T08:00:00Z"), "+8613800000001", "+8613800000002", 30, 2],
      [1796112930000, "+8613800000001", "+8613800000004", 0, 6],
    ]);
    expect(counts).toMatchObject({ lines: 6, records: 2, malformed: 3 });
    expect(counts.problems).toEqual([
      "line 3: expected 4 comma-separated fields",
      "line 4: duration_s is not a non-negative number",
      "line 5: start_time is not ISO 8601 or epoch milliseconds",
    ]);
  });

  it("maps columns by the header and reads JSON Lines", () => {
    expect(parse("caller,duration_s,start_time,callee,cell\n+8613800000001,12,1796112930000,+8613800000002,x\n").rows).toEqual([
      [1796112930000, "+8613800000001", "+8613800000002", 12, 2],
    ]);
    const json = parse('{"start_time":"2026-12-01T08:15:30Z","caller":"+8613800000001","callee":"+8613800000002","duration_s":5}\n{oops\n');
    expect(json.rows).toHaveLength(1);
    expect(json.counts.problems).toEqual(["line 2: not valid JSON"]);
  });

  it("refuses a file that is neither (fatal: nothing could be read)", () => {
    expect(() => parse("time,from,to\n1,2,3\n")).toThrow(/expected a CSV header naming start_time,caller,callee,duration_s/);
  });
});
