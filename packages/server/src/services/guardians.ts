/**
 * Guardians and guardian alerts. A hold or block raises one alert (in the caller's transaction) readable
 * by the source's owner and by whoever registered a guardian for the subject, and queues one signed
 * delivery per webhook of those keys in the durable outbox.
 */
import { randomBytes } from "node:crypto";
import { and, arrayContains, desc, eq, inArray } from "drizzle-orm";
import type { Guardian, GuardianAlert, RegisterGuardianRequest, SessionDecision } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { decodeCursor, keysetAfter, toPage } from "../db/pagination.js";
import { guardianAlerts, guardians } from "../db/schema/index.js";
import { unprocessable } from "../errors.js";
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
  /** Several alerts with a fixed number of statements (the screening writer's batches); `queued` deliveries. */
  raiseAlerts(inputs: readonly RaiseAlertInput[]): Promise<{ alerts: GuardianAlert[]; queued: number }>;
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
  const hooks = createWebhookService(db, ctx);
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

    async raiseAlerts(inputs) {
      if (inputs.length === 0) return { alerts: [], queued: 0 };
      // Subjects are names an institution chooses: a guardian applies to a source only when its registrant
      // owns the source, or the subject lies in the registrant's own namespace ("<its key id>:…", the
      // only subjects a person's app may register). Nobody reads alerts by guessing another's subject.
      const subjects = [...new Set(inputs.map((i) => i.subject).filter((x): x is string => x !== null))];
      const rows = subjects.length > 0 ? await db.select().from(guardians).where(inArray(guardians.subject, subjects)) : [];
      const prepared = inputs.map(({ subject, source, sourceId, ownerKeyId, decision }) => {
        const found = rows.filter((g) => g.subject === subject && (g.createdByKeyId === ownerKeyId || g.subject.startsWith(`${g.createdByKeyId}:`)));
        const audience = [...new Set([ownerKeyId, ...found.map((g) => g.createdByKeyId)])];
        const values = {
          id: `al_${randomBytes(12).toString("base64url")}`,
          subject,
          guardianIds: found.map((g) => g.id),
          source,
          sourceId,
          audience,
          decision: decision.decision,
          risk: decision.risk,
          stage: decision.stage,
          reasons: decision.reasons,
        };
        return { found, audience, values, decision };
      });
      const inserted = await db.insert(guardianAlerts).values(prepared.map((p) => p.values)).returning();
      const byId = new Map(inserted.map((row) => [row.id, toAlert(row)]));
      const hookList = await hooks.ofOwners([...new Set(prepared.flatMap((p) => p.audience))]);
      const deliveries: { webhookId: string; alertId: string; body: string }[] = [];
      for (const p of prepared) {
        const alert = byId.get(p.values.id) as GuardianAlert;
        for (const hook of hookList.filter((h) => p.audience.includes(h.ownerKeyId))) {
          // Each receiver learns only the guardians it registered itself.
          const own = p.found.filter((g) => g.createdByKeyId === hook.ownerKeyId).map(toGuardian);
          deliveries.push({ webhookId: hook.id, alertId: alert.id, body: JSON.stringify({ type: "guardian.alert", alert, guardians: own, advice: p.decision.advice }) });
        }
      }
      await hooks.enqueueMany(deliveries);
      return { alerts: prepared.map((p) => byId.get(p.values.id) as GuardianAlert), queued: deliveries.length };
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

