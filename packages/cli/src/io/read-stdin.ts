/** The whole of stdin as UTF-8 text, for commands that take one text (check, report). */

/**
 * Reads stdin to its end, at most `maxBytes` (a pipe must not exhaust memory), and decodes it as strict
 * UTF-8; `tooLarge` is the error message past the limit.
 * @example const text = await readStdinText(2 * 1024 * 1024, "stdin: text larger than 2 MiB");
 */
export async function readStdinText(maxBytes: number, tooLarge: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxBytes) throw new Error(tooLarge);
    chunks.push(buffer);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new Error("stdin: not valid UTF-8 text");
  }
}
