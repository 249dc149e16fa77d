/**
 * Guardians and guardian alerts. A hold or block raises one alert (in the caller's transaction) readable
 * by the source's owner and by whoever registered a guardian for the subject, and queues one signed
 * delivery per webhook of those keys in the durable outbox.
 */
import { randomBytes } from "node:crypto";
import { and, arrayContains, desc, eq, sql } from "drizzle-orm";
import type { Guardian, GuardianAlert, RegisterGuardianRequest, SessionDecision } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { decodeCursor, keysetAfter, toPage } from "../db/pagination.js";
import { guardianAlerts, guardians, type transferScreenings } from "../db/schema/index.js";
import { unprocessable } from "../errors.js";
import { createWebhookService } from "./webhooks.js";

const STAFF = new Set(["analyst", "admin"]);
type GuardianRow = typeof guardians.$inferSelect;
type AlertRow = typeof guardianAlerts.$inferSelect;
export type ScreeningInsert = typeof transferScreenings.$inferInsert;

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
   * Several alerts in two statements whatever their number (one read, one atomic write), with the
   * transfer screening rows that decided them written by the same statement; `queued` deliveries.
   */
  raiseAlerts(inputs: readonly RaiseAlertInput[], screenings?: readonly ScreeningInsert[]): Promise<{ alerts: GuardianAlert[]; queued: number }>;
  listAlerts(page: { limit: number; cursor?: string | undefined }, principal: Principal): Promise<{ items: GuardianAlert[]; nextCursor: string | null }>;
}

const toGuardian = (row: GuardianRow): Guardian => ({
  id: row.id,
  subject: row.subject,
  name: row.name,
  contact: { kind: row.contactKind as "phone" | "email", value: row.contactValue },
  relation: row.relation,
  createdAt: row.createdAt.toISOString(),
});

const toAlert = (row: AlertRow): GuardianAlert => ({
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

    async raiseAlerts(inputs, screenings = []) {
      if (inputs.length === 0) return { alerts: [], queued: 0 };
      // Two round trips whatever the batch (screening holds are awaited by the request that decided them):
      // one read (the subjects' guardians, and the webhooks of every key that could be in an audience),
      // one write statement (screening rows, alerts, outbox rows) that is atomic on its own, so the
      // screening writer needs no BEGIN/COMMIT and the webhook outbox still never lacks its alert.
      // Subjects are names an institution chooses: a guardian applies to a source only when its registrant
      // owns the source, or the subject lies in the registrant's own namespace ("<its key id>:…", the
      // only subjects a person's app may register). Nobody reads alerts by guessing another's subject.
      const subjects = [...new Set(inputs.map((i) => i.subject).filter((x): x is string => x !== null))];
      const owners = [...new Set(inputs.map((i) => i.ownerKeyId))];
      const read = await db.execute(sql`
        select
          (select coalesce(json_agg(json_build_object('id', g.id, 'subject', g.subject, 'name', g.name, 'contactKind', g.contact_kind,
                  'contactValue', g.contact_value, 'relation', g.relation, 'createdByKeyId', g.created_by_key_id, 'createdAt', g.created_at)), '[]'::json)
             from guardians g where g.subject in (select jsonb_array_elements_text(${JSON.stringify(subjects)}::jsonb))) as guardians,
          (select coalesce(json_agg(json_build_object('id', w.id, 'ownerKeyId', w.owner_key_id)), '[]'::json)
             from webhooks w where w.owner_key_id in (select jsonb_array_elements_text(${JSON.stringify(owners)}::jsonb))
                or w.owner_key_id in (select g.created_by_key_id from guardians g where g.subject in (select jsonb_array_elements_text(${JSON.stringify(subjects)}::jsonb)))) as hooks`);
      const first = (read as unknown as { rows: { guardians: unknown; hooks: unknown }[] }).rows[0];
      const parse = <T,>(v: unknown): T[] => (typeof v === "string" ? (JSON.parse(v) as T[]) : ((v ?? []) as T[]));
      const rows = parse<Omit<GuardianRow, "createdAt"> & { createdAt: string }>(first?.guardians).map((g) => ({ ...g, createdAt: new Date(g.createdAt) }));
      const hookList = parse<{ id: string; ownerKeyId: string }>(first?.hooks);
      const createdAt = new Date();
      const alerts: GuardianAlert[] = [];
      const alertRows: Record<string, unknown>[] = [];
      const deliveries: { webhook_id: string; alert_id: string; body: string }[] = [];
      for (const { subject, source, sourceId, ownerKeyId, decision } of inputs) {
        const found = rows.filter((g) => g.subject === subject && (g.createdByKeyId === ownerKeyId || g.subject.startsWith(`${g.createdByKeyId}:`)));
        const audience = [...new Set([ownerKeyId, ...found.map((g) => g.createdByKeyId)])];
        const alert: GuardianAlert = {
          id: `al_${randomBytes(12).toString("base64url")}`,
          subject,
          guardianIds: found.map((g) => g.id),
          source,
          sourceId,
          decision: decision.decision as GuardianAlert["decision"],
          risk: decision.risk as GuardianAlert["risk"],
          stage: decision.stage as GuardianAlert["stage"],
          reasons: decision.reasons as GuardianAlert["reasons"],
          createdAt: createdAt.toISOString(),
        };
        alerts.push(alert);
        alertRows.push({ ...alert, guardian_ids: alert.guardianIds, source_id: sourceId, audience, created_at: alert.createdAt });
        for (const hook of hookList) {
          if (!audience.includes(hook.ownerKeyId)) continue;
          // Each receiver learns only the guardians it registered itself.
          const own = found.filter((g) => g.createdByKeyId === hook.ownerKeyId).map(toGuardian);
          deliveries.push({ webhook_id: hook.id, alert_id: alert.id, body: JSON.stringify({ type: "guardian.alert", alert, guardians: own, advice: decision.advice }) });
        }
      }
      const screeningRows = screenings.map((r) => ({
        actor_key_id: r.actorKeyId,
        session_id: r.sessionId ?? null,
        payer: r.payer ?? null,
        payee: r.payee,
        amount: r.amount,
        currency: r.currency,
        decision: r.decision,
        reasons: r.reasons,
      }));
      await db.execute(sql`
        with s as (
          insert into transfer_screenings (actor_key_id, session_id, payer, payee, amount, currency, decision, reasons)
          select actor_key_id, session_id, payer, payee, amount, currency, decision, reasons
          from jsonb_to_recordset(${JSON.stringify(screeningRows)}::jsonb)
            as x(actor_key_id text, session_id text, payer text, payee text, amount float8, currency text, decision text, reasons jsonb)
        ), a as (
          insert into guardian_alerts (id, subject, guardian_ids, source, source_id, audience, decision, risk, stage, reasons, created_at)
          select id, subject, guardian_ids, source, source_id, array(select jsonb_array_elements_text(audience)), decision, risk, stage, reasons, created_at
          from jsonb_to_recordset(${JSON.stringify(alertRows)}::jsonb)
            as x(id text, subject text, guardian_ids jsonb, source text, source_id text, audience jsonb, decision text, risk text, stage text, reasons jsonb, created_at timestamptz)
        )
        insert into webhook_outbox (webhook_id, alert_id, body)
        select webhook_id, alert_id, body from jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb) as x(webhook_id text, alert_id text, body text)`);
      return { alerts, queued: deliveries.length };
    },

    async listAlerts({ limit, cursor }, principal) {
      const visible = STAFF.has(principal.role) ? undefined : arrayContains(guardianAlerts.audience, [principal.keyId]);
      const rows = await db
        .select()
        .from(guardianAlerts)
        .where(and(visible, keysetAfter([guardianAlerts.createdAt, guardianAlerts.id], decodeCursor(cursor), "desc")))
        .orderBy(desc(guardianAlerts.createdAt), desc(guardianAlerts.id))
        .limit(limit + 1);
      const page = toPage(rows, limit, (r) => [r.createdAt, r.id]);
      return { items: page.items.map(toAlert), nextCursor: page.nextCursor };
    },
  };
  return service;
}

