/**
 * Statistics of the anti-fraud centre (`GET /v1/stats/*`, analyst and admin), computed from the stored
 * reports and freeze requests when asked — never sampled or made up. Shapes are flat arrays ready to chart.
 * Every route takes an optional window `from` (inclusive) / `to` (exclusive) over the filing time; money is
 * summed in ONE currency (`currency`, default CNY): amounts in other currencies are left out, not converted.
 */
import { z } from "zod";
import { LookupVerdictSchema } from "./lookup.js";
import { FreezeStateSchema } from "./freezes.js";
import { ReportChannelSchema } from "./reports.js";
import { CurrencySchema, IsoTimeSchema } from "./sessions.js";
import { FraudModeSchema, IdentifierKindSchema } from "./taxonomy.js";

/** The window and currency every stats route accepts. @example { from: "2026-11-01T00:00:00Z", currency: "CNY" } */
export const StatsWindowQuerySchema = z.object({
  from: IsoTimeSchema.optional(),
  to: IsoTimeSchema.optional(),
  currency: CurrencySchema.default("CNY"),
});
export type StatsWindowQuery = z.infer<typeof StatsWindowQuerySchema>;

/** Query of `GET /v1/stats/modes`: `limit` modes ranked (default 6: the top-six ranking), the rest summed in `others`. */
export const ModeStatsQuerySchema = StatsWindowQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(50).default(6) });
export type ModeStatsQuery = z.infer<typeof ModeStatsQuerySchema>;

/**
 * `GET /v1/stats/modes`: reports by fraud mode (the engine's classification at filing), most reported first
 * (ties by loss, then id). `share` = reports / total; reports the engine could not classify are `unclassified`.
 * @example { total: 120, currency: "CNY", items: [{ rank: 1, mode: "impersonate_customer_service", reports: 40,
 *   share: 0.333, lossAmount: 820000 }], others: { reports: 5, share: 0.042, lossAmount: 0 } }
 */
export const ModeStatsSchema = z.object({
  total: z.number().int().nonnegative(),
  currency: z.string(),
  items: z.array(
    z.object({
      rank: z.number().int().positive(),
      mode: z.union([FraudModeSchema, z.literal("unclassified")]),
      reports: z.number().int().nonnegative(),
      share: z.number().min(0).max(1),
      lossAmount: z.number().nonnegative(),
    }),
  ),
  others: z.object({ reports: z.number().int().nonnegative(), share: z.number().min(0).max(1), lossAmount: z.number().nonnegative() }),
});
export type ModeStats = z.infer<typeof ModeStatsSchema>;

/** Query of `GET /v1/stats/losses`: buckets of a day, an ISO week (from Monday) or a calendar month, in UTC. */
export const LossStatsQuerySchema = StatsWindowQuerySchema.extend({ bucket: z.enum(["day", "week", "month"]).default("day") });
export type LossStatsQuery = z.infer<typeof LossStatsQuerySchema>;

/**
 * `GET /v1/stats/losses`: losses over time, by when the scam happened (`occurredAt`, else the filing time —
 * the window `from`/`to` applies to that same time); only buckets with reports appear, oldest first. `period`
 * is the bucket's first day (YYYY-MM-DD).
 * @example { bucket: "day", currency: "CNY", points: [{ period: "2026-11-20", reports: 4, reportsWithLoss: 3,
 *   lossAmount: 126000 }] }
 */
export const LossStatsSchema = z.object({
  bucket: z.enum(["day", "week", "month"]),
  currency: z.string(),
  points: z.array(
    z.object({
      period: z.string(),
      reports: z.number().int().nonnegative(),
      reportsWithLoss: z.number().int().nonnegative(),
      lossAmount: z.number().nonnegative(),
    }),
  ),
});
export type LossStats = z.infer<typeof LossStatsSchema>;

/**
 * `GET /v1/stats/channels`: how scammers reached people (FaceTime, phone, SMS, chat, meeting apps, …), most
 * first; reports without a channel are `unknown`.
 * @example { total: 120, currency: "CNY", items: [{ channel: "facetime", reports: 30, share: 0.25, lossAmount: 410000 }] }
 */
export const ChannelStatsSchema = z.object({
  total: z.number().int().nonnegative(),
  currency: z.string(),
  items: z.array(
    z.object({
      channel: z.union([ReportChannelSchema, z.literal("unknown")]),
      reports: z.number().int().nonnegative(),
      share: z.number().min(0).max(1),
      lossAmount: z.number().nonnegative(),
    }),
  ),
});
export type ChannelStats = z.infer<typeof ChannelStatsSchema>;

/** Query of `GET /v1/stats/identifiers`: the `limit` most flagged (default 10), optionally of one kind. */
export const IdentifierStatsQuerySchema = StatsWindowQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  kind: IdentifierKindSchema.optional(),
});
export type IdentifierStatsQuery = z.infer<typeof IdentifierStatsQuerySchema>;

/**
 * `GET /v1/stats/identifiers`: top flagged identifiers by DISTINCT reporters in the window (then reports),
 * with their evidence level now.
 * @example { items: [{ kind: "bank_account", normalized: "6222020200112233445", distinctReporters: 3, reports: 5,
 *   verdict: "scam", lastReportedAt: "…" }] }
 */
export const IdentifierStatsSchema = z.object({
  items: z.array(
    z.object({
      kind: IdentifierKindSchema,
      normalized: z.string(),
      distinctReporters: z.number().int().nonnegative(),
      reports: z.number().int().nonnegative(),
      verdict: LookupVerdictSchema,
      lastReportedAt: z.string(),
    }),
  ),
});
export type IdentifierStats = z.infer<typeof IdentifierStatsSchema>;

/**
 * `GET /v1/stats/freezes`: freeze requests created in the window — count per state (every state listed, zeros
 * included), how many are overdue now, amounts requested and frozen (in `currency`), and response times of
 * the answered ones in minutes (null when none answered).
 * @example { total: 12, byState: [{ state: "frozen", count: 5 }, …], overdue: 1, requestedAmount: 600000,
 *   frozenAmount: 320000, currency: "CNY", responseMinutes: { answered: 9, median: 14.5, p90: 41, max: 55,
 *   withinDeadline: 8, late: 1 } }
 */
export const FreezeStatsSchema = z.object({
  total: z.number().int().nonnegative(),
  byState: z.array(z.object({ state: FreezeStateSchema, count: z.number().int().nonnegative() })),
  overdue: z.number().int().nonnegative(),
  currency: z.string(),
  requestedAmount: z.number().nonnegative(),
  frozenAmount: z.number().nonnegative(),
  responseMinutes: z.object({
    answered: z.number().int().nonnegative(),
    median: z.number().nullable(),
    p90: z.number().nullable(),
    max: z.number().nullable(),
    withinDeadline: z.number().int().nonnegative(),
    late: z.number().int().nonnegative(),
  }),
});
export type FreezeStats = z.infer<typeof FreezeStatsSchema>;
