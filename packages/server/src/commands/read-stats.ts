/**
 * `/v1/stats/*`: the centre's statistics from real rows, shaped for charts (flat arrays, one currency).
 * Shares are rounded to 3 decimals; response-time percentiles are nearest-rank over the answered requests.
 */
import {
  type ChannelStats,
  FREEZE_STATES,
  type FreezeStats,
  type IdentifierKind,
  type IdentifierStats,
  type IdentifierStatsQuery,
  type LossStats,
  type LossStatsQuery,
  type ModeStats,
  type ModeStatsQuery,
  type StatsWindowQuery,
} from "@scamguard/contracts";
import type { Services } from "../services/index.js";
import type { StatsWindow } from "../services/stats-store.js";

const windowOf = (query: StatsWindowQuery): StatsWindow => ({
  currency: query.currency,
  ...(query.from ? { from: new Date(query.from) } : {}),
  ...(query.to ? { to: new Date(query.to) } : {}),
});
const share = (part: number, total: number): number => (total === 0 ? 0 : Math.round((part / total) * 1000) / 1000);
const round2 = (n: number): number => Math.round(n * 100) / 100;

export async function modeStats(services: Services, query: ModeStatsQuery): Promise<ModeStats> {
  const rows = await services.stats.reportsBy("mode", windowOf(query));
  rows.sort((a, b) => b.reports - a.reports || b.lossAmount - a.lossAmount || (a.key < b.key ? -1 : 1));
  const total = rows.reduce((n, r) => n + r.reports, 0);
  const top = rows.slice(0, query.limit);
  const rest = rows.slice(query.limit);
  const others = rest.reduce((acc, r) => ({ reports: acc.reports + r.reports, lossAmount: acc.lossAmount + r.lossAmount }), { reports: 0, lossAmount: 0 });
  return {
    total,
    currency: query.currency,
    items: top.map((r, i) => ({
      rank: i + 1,
      mode: r.key as ModeStats["items"][number]["mode"],
      reports: r.reports,
      share: share(r.reports, total),
      lossAmount: round2(r.lossAmount),
    })),
    others: { reports: others.reports, share: share(others.reports, total), lossAmount: round2(others.lossAmount) },
  };
}

export async function lossStats(services: Services, query: LossStatsQuery): Promise<LossStats> {
  const points = await services.stats.lossesOverTime(query.bucket, windowOf(query));
  return { bucket: query.bucket, currency: query.currency, points: points.map((p) => ({ ...p, lossAmount: round2(p.lossAmount) })) };
}

export async function channelStats(services: Services, query: StatsWindowQuery): Promise<ChannelStats> {
  const rows = await services.stats.reportsBy("channel", windowOf(query));
  rows.sort((a, b) => b.reports - a.reports || b.lossAmount - a.lossAmount || (a.key < b.key ? -1 : 1));
  const total = rows.reduce((n, r) => n + r.reports, 0);
  return {
    total,
    currency: query.currency,
    items: rows.map((r) => ({
      channel: r.key as ChannelStats["items"][number]["channel"],
      reports: r.reports,
      share: share(r.reports, total),
      lossAmount: round2(r.lossAmount),
    })),
  };
}

export async function identifierStats(services: Services, query: IdentifierStatsQuery): Promise<IdentifierStats> {
  const rows = await services.stats.topIdentifiers(windowOf(query), query.limit, query.kind);
  const items: IdentifierStats["items"] = [];
  for (const row of rows) {
    const lookup = await services.reputation.answer(row.kind as IdentifierKind, row.normalized, row.normalized);
    items.push({
      kind: row.kind as IdentifierKind,
      normalized: row.normalized,
      distinctReporters: row.distinctReporters,
      reports: row.reports,
      verdict: lookup.verdict,
      lastReportedAt: new Date(row.lastMs).toISOString(),
    });
  }
  return { items };
}

/** Nearest-rank percentile of an ascending list. */
const percentile = (sorted: number[], p: number): number | null =>
  sorted.length === 0 ? null : (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number);
const minutes = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

export async function freezeStats(services: Services, query: StatsWindowQuery): Promise<FreezeStats> {
  const window = windowOf(query);
  const [states, totals, responses] = await Promise.all([
    services.stats.freezeStates(window),
    services.stats.freezeTotals(window),
    services.stats.freezeResponses(window),
  ]);
  const count = new Map(states.map((s) => [s.state, s.count]));
  const sorted = responses.map((r) => r.minutes).sort((a, b) => a - b);
  const late = responses.filter((r) => r.late).length;
  return {
    total: states.reduce((n, s) => n + s.count, 0),
    byState: FREEZE_STATES.map((state) => ({ state, count: count.get(state) ?? 0 })),
    overdue: totals.overdue,
    currency: query.currency,
    requestedAmount: round2(totals.requestedAmount),
    frozenAmount: round2(totals.frozenAmount),
    responseMinutes: {
      answered: responses.length,
      median: minutes(percentile(sorted, 50)),
      p90: minutes(percentile(sorted, 90)),
      max: minutes(sorted.length === 0 ? null : (sorted[sorted.length - 1] as number)),
      withinDeadline: responses.length - late,
      late,
    },
  };
}
