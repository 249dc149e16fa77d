/**
 * Statistics from the database (`/v1/stats/*`): each chart answers a question in its title and has its
 * numbers in a table beneath it (for screen readers, for copying, and for checking the chart).
 * Charts are recharts (React components over SVG, loaded only with the console).
 */
import { type ChannelStats, FRAUD_MODES, type FreezeStats, type IdentifierStats, type LossStats, type ModeStats } from "@scamguard/contracts";
import type { ReactElement, ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocation, useSearch } from "wouter";
import { useI18n } from "../../i18n/i18n.js";
import { useLoad } from "./use-load.js";

const BUCKETS = ["day", "week", "month"] as const;

export function StatsPage({ apiKey }: { apiKey: string }) {
  const { t, name } = useI18n();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const bucket = BUCKETS.find((b) => b === params.get("bucket")) ?? "day";
  const modes = useLoad<ModeStats>("/v1/stats/modes", apiKey);
  const losses = useLoad<LossStats>(`/v1/stats/losses?bucket=${bucket}`, apiKey);
  const channels = useLoad<ChannelStats>("/v1/stats/channels", apiKey);
  const identifiers = useLoad<IdentifierStats>("/v1/stats/identifiers", apiKey);
  const freezes = useLoad<FreezeStats>("/v1/stats/freezes", apiKey);
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const modeName = (mode: string) => (mode === "unclassified" ? t("stats.unclassified") : name(FRAUD_MODES.names[mode as keyof typeof FRAUD_MODES.names]));
  const channelName = (channel: string) => (channel === "unknown" ? t("stats.unknown") : t(`channel.${channel}` as Parameters<typeof t>[0]));

  const modeRows = modes.data
    ? [
        ...modes.data.items.map((m) => ({ label: modeName(m.mode), reports: m.reports, share: m.share, loss: m.lossAmount })),
        ...(modes.data.others.reports > 0 ? [{ label: t("stats.others"), reports: modes.data.others.reports, share: modes.data.others.share, loss: modes.data.others.lossAmount }] : []),
      ]
    : [];

  return (
    <section className="stats">
      <h2>{t("stats.title")}</h2>
      <Chart id="modes" title={t("stats.modes")} error={modes.error} empty={modeRows.length === 0} chart={
          <BarChart data={modeRows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={170} />
          <Tooltip />
          <Bar dataKey="reports" name={t("stats.reports")} fill="#b00020" />
        </BarChart>
        }>
        <Table
          head={[t("queue.mode"), t("stats.reports"), t("stats.share"), t("stats.lossAmount", { currency: modes.data?.currency ?? "CNY" })]}
          rows={modeRows.map((r) => [r.label, r.reports, pct(r.share), r.loss.toLocaleString()])}
        />
      </Chart>

      <Chart id="losses" title={t("stats.losses")} error={losses.error} empty={(losses.data?.points.length ?? 0) === 0} chart={
          <LineChart data={losses.data?.points ?? []} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" />
          <YAxis />
          <Tooltip />
          <Line type="monotone" dataKey="lossAmount" name={t("stats.lossAmount", { currency: losses.data?.currency ?? "CNY" })} stroke="#0b4f9c" strokeWidth={2} />
        </LineChart>
        }>
        <div className="row no-print">
          {BUCKETS.map((b) => (
            <button key={b} type="button" aria-pressed={b === bucket} onClick={() => navigate(`/console/stats?bucket=${b}`)}>
              {t(`stats.bucket.${b}`)}
            </button>
          ))}
        </div>
        <Table
          head={[t("stats.period"), t("stats.reports"), t("stats.lossAmount", { currency: losses.data?.currency ?? "CNY" })]}
          rows={(losses.data?.points ?? []).map((p) => [p.period, p.reports, p.lossAmount.toLocaleString()])}
        />
      </Chart>

      <Chart id="channels" title={t("stats.channels")} error={channels.error} empty={(channels.data?.items.length ?? 0) === 0} chart={
          <BarChart data={(channels.data?.items ?? []).map((c) => ({ ...c, label: channelName(c.channel) }))} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="reports" name={t("stats.reports")} fill="#8a4b00" />
        </BarChart>
        }>
        <Table
          head={[t("queue.channel"), t("stats.reports"), t("stats.share"), t("stats.lossAmount", { currency: channels.data?.currency ?? "CNY" })]}
          rows={(channels.data?.items ?? []).map((c) => [channelName(c.channel), c.reports, pct(c.share), c.lossAmount.toLocaleString()])}
        />
      </Chart>

      <Chart id="identifiers" title={t("stats.identifiers")} error={identifiers.error} empty={(identifiers.data?.items.length ?? 0) === 0} chart={
          <BarChart data={identifiers.data?.items ?? []} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="normalized" width={180} />
          <Tooltip />
          <Bar dataKey="distinctReporters" name={t("stats.reporters")} fill="#1f4e79" />
        </BarChart>
        }>
        <Table
          head={[t("queue.identifiers"), t("stats.reporters"), t("stats.reports"), t("stats.level")]}
          rows={(identifiers.data?.items ?? []).map((i) => [i.normalized, i.distinctReporters, i.reports, t(`lookup.${i.verdict}`)])}
        />
      </Chart>

      <Chart id="freezes" title={t("stats.freezes")} error={freezes.error} empty={(freezes.data?.total ?? 0) === 0} chart={
          <BarChart data={(freezes.data?.byState ?? []).map((s) => ({ ...s, label: t(`freeze.state.${s.state}`) }))} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name={t("stats.count")} fill="#0a6b2d" />
        </BarChart>
        }>
        <Table head={[t("queue.status"), t("stats.count")]} rows={(freezes.data?.byState ?? []).map((s) => [t(`freeze.state.${s.state}`), s.count])} />
        {freezes.data && (
          <>
            <h4>{t("stats.response")}</h4>
            <Table
              head={[t("stats.answered"), t("stats.median"), t("stats.p90"), t("stats.max"), t("stats.withinDeadline"), t("stats.late"), t("freeze.overdue")]}
              rows={[
                [
                  freezes.data.responseMinutes.answered,
                  freezes.data.responseMinutes.median ?? "—",
                  freezes.data.responseMinutes.p90 ?? "—",
                  freezes.data.responseMinutes.max ?? "—",
                  freezes.data.responseMinutes.withinDeadline,
                  freezes.data.responseMinutes.late,
                  freezes.data.overdue,
                ],
              ]}
            />
          </>
        )}
      </Chart>
    </section>
  );
}

/** A chart under its question, then what follows it (controls, the numbers as tables). */
function Chart({ id, title, error, empty, chart, children }: { id: string; title: string; error: string | null; empty: boolean; chart: ReactElement; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <figure className="chart" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption id={`chart-${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      {error && <p className="error">{error}</p>}
      {empty && !error ? (
        <p>{t("stats.noData")}</p>
      ) : (
        <>
          <div className="chart-box" aria-hidden="true">
            <ResponsiveContainer width="100%" height={260}>
              {chart}
            </ResponsiveContainer>
          </div>
          {children}
        </>
      )}
    </figure>
  );
}

function Table({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <tr key={index}>
              {row.map((cell, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
