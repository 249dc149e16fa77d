/**
 * Finds acknowledged writes again through the public API, as their owners would: a report by its id
 * (`GET /v1/reports/:id`), a hold by its guardian alert (`GET /v1/alerts`, every page), a review by the
 * identifier's review history (`GET /v1/reviews`). Answers which writes were NOT found.
 */
import type { Requester } from "./client-pool.js";
import type { AckedWrite, SoakKeys } from "./traffic.js";

/** Requests the check keeps in flight at once. */
const CONCURRENCY = 16;

/**
 * How long one check request keeps retrying a failed connection: a reset under overload, or the next minute's
 * `kill -9` landing mid-check (checks run beside the kills), is not a lost write. Covers a restart (seconds
 * on PostgreSQL, longer on a loaded machine or PGlite).
 */
const CONNECTION_RETRY_MS = 180_000;

async function getJson(pool: Requester, path: string, key: string): Promise<{ status: number; body: unknown }> {
  const giveUp = Date.now() + CONNECTION_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await getJsonOnce(pool, path, key);
    } catch (error) {
      const http = error instanceof Error && error.message.startsWith("check:");
      if (http || Date.now() > giveUp) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2_000)));
    }
  }
}

async function getJsonOnce(pool: Requester, path: string, key: string): Promise<{ status: number; body: unknown }> {
  const res = await pool.request({ method: "GET", path, headers: { authorization: `Bearer ${key}` } });
  const text = await res.body.text();
  if (res.statusCode >= 500) throw new Error(`check: GET ${path.replace(/\?.*/, "?…")} answered ${res.statusCode}`);
  return { status: res.statusCode, body: text === "" ? null : JSON.parse(text) };
}

/** Every alert subject the institution key may read (newest first, 500 a page, until no cursor). */
async function alertSubjects(pool: Requester, key: string): Promise<Set<string>> {
  const subjects = new Set<string>();
  let cursor: string | null = null;
  do {
    const path: string = `/v1/alerts?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { status, body } = await getJson(pool, path, key);
    if (status !== 200) throw new Error(`check: GET /v1/alerts answered ${status}`);
    const page = body as { items: { subject: string | null }[]; nextCursor: string | null };
    for (const alert of page.items) if (alert.subject !== null) subjects.add(alert.subject);
    cursor = page.nextCursor;
  } while (cursor);
  return subjects;
}

async function found(pool: Requester, keys: SoakKeys, write: AckedWrite): Promise<boolean> {
  if (write.kind === "report") {
    const { status, body } = await getJson(pool, `/v1/reports/${encodeURIComponent(write.key)}`, keys.reporter);
    return status === 200 && (body as { id: string }).id === write.key;
  }
  const { status, body } = await getJson(pool, `/v1/reviews?kind=bank_account&value=${write.key}`, keys.analyst);
  const review = body as { status: string; events: { action: string; reason: string }[] };
  return status === 200 && review.status === "confirmed" && review.events.some((e) => e.action === "confirm" && e.reason.endsWith(write.key));
}

/** The writes of `writes` the API does not show. */
export async function missingWrites(pool: Requester, keys: SoakKeys, writes: AckedWrite[]): Promise<AckedWrite[]> {
  const missing: AckedWrite[] = [];
  const holds = writes.filter((w) => w.kind === "hold");
  if (holds.length > 0) {
    const subjects = await alertSubjects(pool, keys.institution);
    for (const hold of holds) if (!subjects.has(hold.key)) missing.push(hold);
  }
  const others = writes.filter((w) => w.kind !== "hold");
  let next = 0;
  const worker = async () => {
    while (next < others.length) {
      const write = others[next++] as AckedWrite;
      if (!(await found(pool, keys, write))) missing.push(write);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return missing;
}
