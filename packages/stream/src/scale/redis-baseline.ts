/** Redis's own batched PFADD rate, the baseline the scaled-out figures are printed beside. */
import type { Redis } from "ioredis";

/** Adds `elements` phone numbers with PFADD, 1,000 per command, 50 commands per pipeline; elements/s. */
export async function measurePfadd(redis: Redis, prefix: string, elements: number): Promise<number> {
  const started = performance.now();
  for (let sent = 0; sent < elements; ) {
    const pipe = redis.pipeline();
    for (let c = 0; c < 50 && sent < elements; c++) {
      const batch: string[] = [];
      for (let i = 0; i < 1000 && sent < elements; i++, sent++) batch.push(`+86138${String(sent).padStart(8, "0")}`);
      pipe.pfadd(`${prefix}pf:${c % 97}`, ...batch);
    }
    await pipe.exec();
  }
  return elements / ((performance.now() - started) / 1000);
}
