/**
 * Guardians and guardian alerts. A hold or block raises one alert (in the caller's transaction) readable
 * by the source's owner and by whoever registered a guardian for the subject, and queues one signed
 * delivery per webhook of those keys in the durable outbox.
 */
import { randomBytes } from "node:crypto";
import type { Guardian, GuardianAlert, RegisterGuardianRequest, SessionDecision } from "@scamguard/contracts";
import { and, arrayContains, desc, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal.js";
import type { CoreContext } from "../context.js";
import { type Db, sqlWithParams } from "../db/client.js";
import { decodeCursor, keysetAfter, toPage } from "../db/pagination.js";
import { guardianAlerts, guardians } from "../db/schema/index.js";
import { unprocessable } from "../errors.js";
import { insertScreeningsFrom, type ScreeningRow, screeningRecord } from "./screening-record.js";
import { createWebhookService } from "./webhooks.js";

const STAFF = new Set(["analyst", "admin"]);
type GuardianRow = typeof guardians.$inferSelect;
type AlertRow = typeof guardianAlerts.$inferSelect;

export interface RaiseAlertInput {
  subject: string | null;
  source: "session" | "transfer";
  sourceId: string;
  ownerKeyId: string;
  decision: SessionDecision;
}

export interface GuardianService {
  register(input: RegisterGuardianRequest, principal: Principal): Promise<Guardian>;
  /** Guardians the caller registered (staff: all), optionally for one subject. */
  list(subject: string | undefined, principal: Principal): Promise<Guardian[]>;
  /** Stores an alert and queues its webhook deliveries; call inside the transaction that decided. */
  raiseAlert(input: RaiseAlertInput): Promise<GuardianAlert>;
  /**
   * Several alerts in ONE statement whatever their number (atomic on its own), with the
   * transfer screening rows that decided them written by the same statement; `queued` deliveries.
   */
  raiseAlerts(
    inputs: readonly RaiseAlertInput[],
    screenings?: readonly ScreeningRow[],
  ): Promise<{ alerts: GuardianAlert[]; queued: number }>;
  listAlerts(
    page: { limit: number; cursor?: string | undefined },
    principal: Principal,
  ): Promise<{ items: GuardianAlert[]; nextCursor: string | null }>;
}

const toGuardian = (row: GuardianRow): Guardian => ({
  id: row.id,
  subject: row.subject,
  name: row.name,
  contact: { kind: row.contactKind as "phone" | "email", value: row.contactValue },
  relation: row.relation,
  createdAt: row.createdAt.toISOString(),
});

/** The API's alert from its stored row; raiseAlertBatch builds the same fields before they are stored. */
const toAlert = (row: Omit<AlertRow, "audience">): GuardianAlert => ({
  id: row.id,
  subject: row.subject,
  guardianIds: row.guardianIds,
  source: row.source,
  sourceId: row.sourceId,
  decision: row.decision as GuardianAlert["decision"],
  risk: row.risk as GuardianAlert["risk"],
  stage: row.stage as GuardianAlert["stage"],
  reasons: row.reasons as GuardianAlert["reasons"],
  createdAt: row.createdAt.toISOString(),
});

/**
 * The alert batch, ONE statement whatever its size ($1: the alerts as json, $2: the transfer screening
 * rows as jsonb; see raiseAlertBatch). A constant text, so the screening writer runs it as a prepared
 * statement (planned once per connection) and a transaction runs the same text through drizzle.
 */
export const RAISE_ALERTS_SQL = `
  with i as (
    select * from json_to_recordset($1::json) as x(ord int, id text, subject text, source text, source_id text,
      owner text, decision text, risk text, stage text, reasons json, advice json, created_at text)
  ), f as (
    select i.id as alert_id, g.id, g.created_by_key_id as by_key, g.created_at as g_created,
      json_build_object('id', g.id, 'subject', g.subject, 'name', g.name, 'contact', json_build_object('kind', g.contact_kind, 'value', g.contact_value),
        'relation', g.relation, 'createdAt', to_char(g.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) as j
    from i join guardians g on g.subject = i.subject and (g.created_by_key_id = i.owner or starts_with(g.subject, g.created_by_key_id || ':'))
  ), aud as (
    select id as alert_id, owner as key from i union select alert_id, by_key from f
  ), al as (
    select i.*,
      coalesce((select json_agg(f.id order by f.g_created, f.id) from f where f.alert_id = i.id), '[]'::json) as guardian_ids,
      array(select aud.key from aud where aud.alert_id = i.id order by aud.key) as audience
    from i
  ), a as (
    insert into guardian_alerts (id, subject, guardian_ids, source, source_id, audience, decision, risk, stage, reasons, created_at)
    select id, subject, guardian_ids::jsonb, source, source_id, audience, decision, risk, stage, reasons::jsonb, created_at::timestamptz from al
  ), d as (
    insert into webhook_outbox (webhook_id, alert_id, body)
    select w.id, al.id, json_build_object('type', 'guardian.alert',
        'alert', json_build_object('id', al.id, 'subject', al.subject, 'guardianIds', al.guardian_ids, 'source', al.source, 'sourceId', al.source_id,
          'decision', al.decision, 'risk', al.risk, 'stage', al.stage, 'reasons', al.reasons, 'createdAt', al.created_at),
        'guardians', coalesce((select json_agg(f.j order by f.g_created, f.id) from f where f.alert_id = al.id and f.by_key = w.owner_key_id), '[]'::json),
        'advice', al.advice)::text
    from al join webhooks w on w.owner_key_id = any(al.audience)
    returning 1
  ), s as (
    ${insertScreeningsFrom("$2")}
  )
  select al.guardian_ids::text as guardian_ids, (select count(*) from d)::int as queued from al order by al.ord`;

/** One row per alert, in input order (`queued`: the deliveries queued by the whole batch). */
export interface RaisedRow {
  guardian_ids: string;
  queued: number;
}

/** Runs RAISE_ALERTS_SQL with its two parameters and returns its rows. */
export type RaiseAlertsRunner = (params: readonly [string, string]) => Promise<RaisedRow[]>;

/**
 * Stores alerts (with the transfer screening rows that decided them) through `run`: see
 * GuardianService.raiseAlerts. The screening writer passes a prepared statement; the service, drizzle.
 */
export async function raiseAlertBatch(
  run: RaiseAlertsRunner,
  inputs: readonly RaiseAlertInput[],
  screenings: readonly ScreeningRow[] = [],
): Promise<{ alerts: GuardianAlert[]; queued: number }> {
  if (inputs.length === 0) return { alerts: [], queued: 0 };
  // ONE statement, one round trip, whatever the batch (screening holds are awaited by the request that
  // decided them, and each extra round trip cost a turn of a busy event loop): it finds the subjects'
  // guardians, stores the alerts, queues one delivery per webhook of each alert's audience and writes
  // the screening rows, atomically on its own (no BEGIN/COMMIT needed, the outbox never lacks its alert).
  // Subjects are names an institution chooses: a guardian applies to a source only when its registrant
  // owns the source, or the subject lies in the registrant's own namespace ("<its key id>:…", the
  // only subjects a person's app may register). Nobody reads alerts by guessing another's subject.
  // Each webhook receiver learns only the guardians it registered itself. Bodies are json (not jsonb)
  // so keys keep the order of the API's alert; createdAt is this process's clock, as text.
  const now = new Date();
  const createdAt = now.toISOString();
  const input = inputs.map(({ subject, source, sourceId, ownerKeyId, decision }, ord) => ({
    ord,
    id: `al_${randomBytes(12).toString("base64url")}`,
    subject,
    source,
    source_id: sourceId,
    owner: ownerKeyId,
    decision: decision.decision,
    risk: decision.risk,
    stage: decision.stage,
    reasons: decision.reasons,
    advice: decision.advice,
    created_at: createdAt,
  }));
  const out = await run([JSON.stringify(input), JSON.stringify(screenings.map(screeningRecord))]);
  const alerts = input.map((a, n) =>
    toAlert({
      id: a.id,
      subject: a.subject,
      guardianIds: JSON.parse(out[n]?.guardian_ids ?? "[]") as string[],
      source: a.source,
      sourceId: a.source_id,
      decision: a.decision,
      risk: a.risk,
      stage: a.stage,
      reasons: a.reasons,
      createdAt: now,
    }),
  );
  return { alerts, queued: Number(out[0]?.queued ?? 0) };
}

export function createGuardianService(db: Db, ctx: CoreContext): GuardianService {
  // The delivery worker (a singleton) starts with the first service that can queue deliveries.
  createWebhookService(db, ctx);
  const service: GuardianService = {
    async register(input, principal) {
      const own = `${principal.keyId}:`;
      if (principal.role === "reporter" && !input.subject.startsWith(own)) {
        const why = `a person's app registers guardians under its own key: start the subject with "${own}"`;
        throw unprocessable("subject_not_yours", `subject: ${why}`, [{ path: "subject", message: why }]);
      }
      const [row] = await db
        .insert(guardians)
        .values({
          id: `g_${randomBytes(12).toString("base64url")}`,
          subject: input.subject,
          name: input.name,
          contactKind: input.contact.kind,
          contactValue: input.contact.value,
          relation: input.relation,
          createdByKeyId: principal.keyId,
        })
        .returning();
      return toGuardian(row as GuardianRow);
    },

    async list(subject, principal) {
      const mine = STAFF.has(principal.role) ? undefined : eq(guardians.createdByKeyId, principal.keyId);
      const rows = await db
        .select()
        .from(guardians)
        .where(and(mine, subject ? eq(guardians.subject, subject) : undefined))
        .orderBy(desc(guardians.createdAt))
        .limit(500);
      return rows.map(toGuardian);
    },

    async raiseAlert(input) {
      const { alerts } = await service.raiseAlerts([input]);
      return alerts[0] as GuardianAlert;
    },

    raiseAlerts(inputs, screenings = []) {
      const run: RaiseAlertsRunner = async (params) =>
        ((await db.execute(sqlWithParams(RAISE_ALERTS_SQL, params))) as unknown as { rows: RaisedRow[] }).rows;
      return raiseAlertBatch(run, inputs, screenings);
    },

    async listAlerts({ limit, cursor }, principal) {
      const visible = STAFF.has(principal.role) ? undefined : arrayContains(guardianAlerts.audience, [principal.keyId]);
      const rows = await db
        .select()
        .from(guardianAlerts)
        .where(and(visible, keysetAfter([guardianAlerts.createdAt, guardianAlerts.id], decodeCursor(cursor, ["date", "text"]), "desc")))
        .orderBy(desc(guardianAlerts.createdAt), desc(guardianAlerts.id))
        .limit(limit + 1);
      const page = toPage(rows, limit, (r) => [r.createdAt, r.id]);
      return { items: page.items.map(toAlert), nextCursor: page.nextCursor };
    },
  };
  return service;
}
