/** Splits a byte stream into lines without ever holding more than one line (capped) in memory. */

/** A line as raw bytes, or a marker that it was longer than the cap and was skipped. */
export type RawLine = { bytes: Buffer; overflow: false } | { bytes: null; overflow: true };

/**
 * Yields each `\n`-terminated line (a trailing `\r` is kept for the caller to strip). Lines longer than
 * `maxLineBytes` are discarded up to their newline and reported as overflow so the caller can say so.
 * @example for await (const line of readLines(process.stdin, 2 ** 21)) { ... }
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  for await (const input of stream) {
    const chunk = typeof input === "string" ? Buffer.from(input) : input;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (overflow || pendingBytes + piece.length > maxLineBytes) {
        yield { bytes: null, overflow: true };
      } else {
        yield { bytes: pending.length > 0 ? Buffer.concat([...pending, piece]) : piece, overflow: false };
      }
      pending = [];
      pendingBytes = 0;
      overflow = false;
    }
    if (start < chunk.length && !overflow) {
      const rest = chunk.subarray(start);
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) {
        overflow = true;
        pending = [];
      } else {
        pending.push(Buffer.from(rest)); // copy: the stream may reuse its chunk buffer
      }
    }
  }
  if (overflow) yield { bytes: null, overflow: true };
  else if (pendingBytes > 0) yield { bytes: Buffer.concat(pending), overflow: false };
}
