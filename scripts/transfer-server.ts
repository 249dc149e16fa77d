/**
 * A transfer-screening server for scripts/ab-bench-transfer.ts, run from ANY checkout: `tsx
 * scripts/transfer-server.ts <repo-root> <pglite|postgres-url>` boots that checkout's createApp (PGlite in
 * a temp DATA_DIR, or a scratch schema on the given PostgreSQL), seeds the bench's reported payees (this
 * tree's bench/transfer-traffic.ts, into that checkout's reputation index), creates
 * an institution key, listens on a free loopback port and reports {port, key} to its parent over IPC. It
 * drops its data on SIGTERM. Stays out of the shipped packages: a measuring tool only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedReportedPayees } from "../packages/cli/src/bench/transfer-traffic.js";

const [root, target] = process.argv.slice(2);
if (!root || !target) throw new Error("usage: tsx scripts/transfer-server.ts <repo root|bare> <pglite|postgres://…>");
if (root === "bare") await serveBare();
const from = (p: string) => import(path.resolve(root, p));
const { loadConfig } = await from("packages/server/src/config.ts");
const { createApp } = await from("packages/server/src/app.ts");
const { dropScratchSchema } = await from("packages/server/src/db/scratch-schema.ts");

const dataDir = mkdtempSync(path.join(tmpdir(), "scamguard-ab-transfer-"));
const schema = `abt_${process.pid}`;
const pg = target === "pglite" ? {} : { DATABASE_URL: target, DATABASE_SCHEMA: schema };
const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", RATE_LIMIT: "10000000", ...pg }));
seedReportedPayees(app);
const { key } = await app.ctx.services.apiKeys.create({ role: "institution", label: "ab-bench" });
await app.listen({ port: 0, host: "127.0.0.1" });
const stop = async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (target !== "pglite") await dropScratchSchema(target, schema);
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("disconnect", () => void stop());
process.send?.({ port: app.server.address().port, key });

/**
 * The floor: a bare Fastify POST that validates the same body with the same zod schema and answers a
 * constant decision of the same shape (bench/transfers.ts's baseline), in a process of its own.
 */
async function serveBare(): Promise<never> {
  const Fastify = (await import("fastify")).default;
  const { serializerCompiler, validatorCompiler } = await import("fastify-type-provider-zod");
  const { TransferScreenRequestSchema, TransferScreenResponseSchema } = await import("@scamguard/contracts");
  const bare = Fastify({ logger: false });
  bare.setValidatorCompiler(validatorCompiler);
  bare.setSerializerCompiler(serializerCompiler);
  const constant = { decision: "allow", risk: "low", stage: null, reasons: [], advice: [], payeeReputation: "unknown", sessionId: null };
  bare.post("/v1/transfers/screen", { schema: { body: TransferScreenRequestSchema, response: { 200: TransferScreenResponseSchema } } }, async () => constant);
  await bare.listen({ port: 0, host: "127.0.0.1" });
  process.on("SIGTERM", () => process.exit(0));
  process.on("disconnect", () => process.exit(0));
  process.send?.({ port: (bare.server.address() as { port: number }).port, key: "none" });
  return new Promise<never>(() => {});
}
