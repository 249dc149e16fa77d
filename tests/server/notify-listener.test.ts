/**
 * The LISTEN connection the reputation and contact syncs share (db/notify-listener.ts): notifications
 * arrive; when the connection is killed it comes back by itself, tells its owner to catch up, and
 * notifications arrive again; closed, it stays closed.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { NotifyListener } from "../../packages/server/src/db/notify-listener.js";
import { TEST_DATABASE_URL } from "../../packages/server/src/testing/test-app.js";

const channel = `sg_test_${process.pid}_${Date.now()}`;
const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
beforeAll(() => admin.connect());
afterAll(() => admin.end());

const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

it("receives notifications, reconnects after its connection is killed, and catches up", async () => {
  const payloads: string[] = [];
  const warnings: string[] = [];
  let caughtUp = 0;
  const listener = new NotifyListener({
    databaseUrl: TEST_DATABASE_URL,
    channel,
    what: "test",
    onNotification: (p) => payloads.push(p),
    onReconnected: async () => {
      caughtUp++;
    },
    log: { warn: (_obj, msg) => warnings.push(msg) },
  });
  await listener.start();
  expect(listener.listening).toBe(true);
  await admin.query(`select pg_notify($1, 'one')`, [channel]);
  await until(() => payloads.length === 1, "the first notification");

  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = $1 and pid <> pg_backend_pid()`, [
    `LISTEN "${channel}"`,
  ]);
  await until(() => caughtUp === 1, "the reconnect");
  expect(warnings).toContain("test listener lost its connection; reconnecting");
  expect(listener.listening).toBe(true);
  await admin.query(`select pg_notify($1, 'two')`, [channel]);
  await until(() => payloads.length === 2, "a notification after the reconnect");
  expect(payloads).toEqual(["one", "two"]);

  await listener.close();
  expect(listener.listening).toBe(false);
  await admin.query(`select pg_notify($1, 'three')`, [channel]);
  await new Promise((r) => setTimeout(r, 200));
  expect(payloads).toEqual(["one", "two"]);
});

it("a start that cannot connect rejects and leaves nothing open", async () => {
  const listener = new NotifyListener({
    databaseUrl: "postgres://postgres@127.0.0.1:1/postgres",
    channel,
    what: "test",
    onNotification: () => {},
    onReconnected: async () => {},
    log: { warn: () => {} },
  });
  await expect(listener.start()).rejects.toThrow();
  expect(listener.listening).toBe(false);
});
