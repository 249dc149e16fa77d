/** Batches small writes and respects back-pressure, so streaming output never grows memory. */
import { once } from "node:events";
import type { Writable } from "node:stream";

/**
 * @example const out = new BufferedWriter(process.stdout); await out.write("{}\n"); await out.flush();
 */
export class BufferedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: Writable,
    private readonly highWaterChars = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.highWaterChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
}
