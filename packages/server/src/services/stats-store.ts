/**
 * The aggregate queries behind `/v1/stats/*`, straight from the stored reports and freeze requests (no
 * sampling, no caching: a few GROUP BYs over tables the centre already keeps). Money is summed in one
 * currency; other currencies are left out, never converted.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";

export interface StatsWindow {
  from?: Date;
  to?: Date;
  currency: string;
}

export interface GroupRow {
  key: string;
  reports: number;
  lossAmount: number;
}

const rowsOf = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** `time >= from and time < to` for the window's bounds that are set (true when neither is). */
function inWindow(time: SQL, window: StatsWindow): SQL {
  const parts: SQL[] = [sql`true`];
  if (window.from) parts.push(sql`${time} >= ${window.from.toISOString()}::timestamptz`);
  if (window.to) parts.push(sql`${time} < ${window.to.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

export interface StatsStore {
  /** Reports grouped by an expression over report_events `e` (mode, channel). */
  reportsBy(group: "mode" | "channel", window: StatsWindow): Promise<GroupRow[]>;
  lossesOverTime(bucket: "day" | "week" | "month", window: StatsWindow): Promise<Array<{ period: string; reports: number; reportsWithLoss: number; lossAmount: number }>>;
  topIdentifiers(window: StatsWindow, limit: number, kind?: string): Promise<Array<{ kind: string; normalized: string; distinctReporters: number; reports: number; lastMs: number }>>;
  freezeStates(window: StatsWindow): Promise<Array<{ state: string; count: number }>>;
  freezeTotals(window: StatsWindow): Promise<{ overdue: number; requestedAmount: number; frozenAmount: number }>;
  /** Answered requests: minutes from request to answer, and whether after the deadline. */
  freezeResponses(window: StatsWindow): Promise<Array<{ minutes: number; late: boolean }>>;
}

export function createStatsStore(db: Db): StatsStore {
  return {
    async reportsBy(group, window) {
      const key = group === "mode" ? sql`coalesce(e.mode, 'unclassified')` : sql`coalesce(e.channel, 'unknown')`;
      const rows = await rowsOf<{ key: string; reports: number | string; loss: number | string | null }>(
        db,
        sql`select ${key} as key, count(*)::int as reports,
              coalesce(sum(e.loss_amount) filter (where e.loss_currency = ${window.currency}), 0)::float8 as loss
            from report_events e
            where e.type = 'created' and ${inWindow(sql`e.created_at`, window)}
            group by 1`,
      );
      return rows.map((r) => ({ key: r.key, reports: Number(r.reports), lossAmount: Number(r.loss ?? 0) }));
    },

    async lossesOverTime(bucket, window) {
      const time = sql`coalesce(e.occurred_at, e.created_at)`;
      const rows = await rowsOf<{ period: string; reports: number | string; with_loss: number | string; loss: number | string }>(
        db,
        sql`select to_char(date_trunc(${bucket}, ${time} at time zone 'UTC'), 'YYYY-MM-DD') as period,
              count(*)::int as reports,
              (count(*) filter (where e.loss_currency = ${window.currency} and e.loss_amount > 0))::int as with_loss,
              coalesce(sum(e.loss_amount) filter (where e.loss_currency = ${window.currency}), 0)::float8 as loss
            from report_events e
            where e.type = 'created' and ${inWindow(time, window)}
            group by 1 order by 1`,
      );
      return rows.map((r) => ({ period: r.period, reports: Number(r.reports), reportsWithLoss: Number(r.with_loss), lossAmount: Number(r.loss) }));
    },

    async topIdentifiers(window, limit, kind) {
      const rows = await rowsOf<{ kind: string; normalized: string; reporters: number | string; reports: number | string; last_ms: number | string }>(
        db,
        sql`select i.kind, i.normalized, count(distinct e.reporter_key_id)::int as reporters, count(*)::int as reports,
              (extract(epoch from max(e.created_at)) * 1000)::float8 as last_ms
            from report_identifiers i join report_events e on e.seq = i.report_seq
            where e.type = 'created' and ${inWindow(sql`e.created_at`, window)} ${kind === undefined ? sql`` : sql`and i.kind = ${kind}`}
            group by i.kind, i.normalized
            order by reporters desc, reports desc, last_ms desc, i.kind, i.normalized
            limit ${limit}`,
      );
      return rows.map((r) => ({
        kind: r.kind,
        normalized: r.normalized,
        distinctReporters: Number(r.reporters),
        reports: Number(r.reports),
        lastMs: Number(r.last_ms),
      }));
    },

    async freezeStates(window) {
      const rows = await rowsOf<{ state: string; count: number | string }>(
        db,
        sql`select state, count(*)::int as count from freeze_requests f where ${inWindow(sql`f.created_at`, window)} group by state`,
      );
      return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
    },

    async freezeTotals(window) {
      const [row] = await rowsOf<{ overdue: number | string; requested: number | string; frozen: number | string }>(
        db,
        sql`select (count(*) filter (where f.state in ('sent', 'acknowledged') and f.deadline_at < now()))::int as overdue,
              coalesce(sum(f.amount) filter (where f.currency = ${window.currency}), 0)::float8 as requested,
              coalesce(sum(f.frozen_amount) filter (where f.currency = ${window.currency}), 0)::float8 as frozen
            from freeze_requests f where ${inWindow(sql`f.created_at`, window)}`,
      );
      return { overdue: Number(row?.overdue ?? 0), requestedAmount: Number(row?.requested ?? 0), frozenAmount: Number(row?.frozen ?? 0) };
    },

    async freezeResponses(window) {
      const rows = await rowsOf<{ minutes: number | string; late: boolean }>(
        db,
        sql`select (extract(epoch from f.answered_at - f.created_at) / 60)::float8 as minutes, f.answered_at > f.deadline_at as late
            from freeze_requests f where f.answered_at is not null and ${inWindow(sql`f.created_at`, window)}
            order by 1`,
      );
      return rows.map((r) => ({ minutes: Number(r.minutes), late: Boolean(r.late) }));
    },
  };
}
