/**
 * Finds acknowledged writes again through the public API, as their owners would: a report in its reporter's
 * list (`GET /v1/reports`, pages until all are found), a hold by its guardian alert (`GET /v1/alerts`, the
 * same way), a review by the identifier's review history (`GET /v1/reviews`). Answers which writes were NOT found.
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

/**
 * Of `wanted`, the ids not on any page of a newest-first list (500 a page, until none is left to find or
 * there is no next page). One request per 500 writes instead of one per write: a check by id made ~25
 * requests a second wait behind the traffic on a saturated server, so a minute's check took minutes.
 */
async function notListed(pool: Requester, path: string, key: string, wanted: Set<string>, idOf: (item: Record<string, unknown>) => unknown): Promise<Set<string>> {
  const left = new Set(wanted);
  let cursor: string | null = null;
  do {
    const page: string = `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { status, body } = await getJson(pool, page, key);
    if (status !== 200) throw new Error(`check: GET ${path} answered ${status}`);
    const { items, nextCursor } = body as { items: Record<string, unknown>[]; nextCursor: string | null };
    for (const item of items) left.delete(String(idOf(item)));
    cursor = nextCursor;
  } while (cursor && left.size > 0);
  return left;
}

async function reviewFound(pool: Requester, keys: SoakKeys, write: AckedWrite): Promise<boolean> {
  const { status, body } = await getJson(pool, `/v1/reviews?kind=bank_account&value=${write.key}`, keys.analyst);
  const review = body as { status: string; events: { action: string; reason: string }[] };
  return status === 200 && review.status === "confirmed" && review.events.some((e) => e.action === "confirm" && e.reason.endsWith(write.key));
}

/** The writes of `writes` the API does not show. */
export async function missingWrites(pool: Requester, keys: SoakKeys, writes: AckedWrite[]): Promise<AckedWrite[]> {
  const missing: AckedWrite[] = [];
  const listed = async (kind: AckedWrite["kind"], path: string, key: string, idOf: (item: Record<string, unknown>) => unknown) => {
    const of = writes.filter((w) => w.kind === kind);
    if (of.length === 0) return;
    const left = await notListed(pool, path, key, new Set(of.map((w) => w.key)), idOf);
    for (const w of of) if (left.has(w.key)) missing.push(w);
  };
  // A hold by its guardian alert (the institution's alerts), a report in its reporter's own list.
  await listed("hold", "/v1/alerts", keys.institution, (alert) => alert.subject);
  await listed("report", "/v1/reports", keys.reporter, (report) => report.id);
  const reviews = writes.filter((w) => w.kind === "review");
  let next = 0;
  const worker = async () => {
    while (next < reviews.length) {
      const write = reviews[next++] as AckedWrite;
      if (!(await reviewFound(pool, keys, write))) missing.push(write);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return missing;
}
