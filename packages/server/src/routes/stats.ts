/** Statistics of the anti-fraud centre (analyst, admin): `GET /v1/stats/*`, computed from stored rows when asked. */
import {
  ChannelStatsSchema,
  ErrorResponseSchema,
  FreezeStatsSchema,
  IdentifierStatsQuerySchema,
  IdentifierStatsSchema,
  LossStatsQuerySchema,
  LossStatsSchema,
  ModeStatsQuerySchema,
  ModeStatsSchema,
  StatsWindowQuerySchema,
} from "@scamguard/contracts";
import { channelStats, freezeStats, identifierStats, lossStats, modeStats } from "../commands/read-stats.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };
const base = { tags: ["stats"], security: [{ apiKey: [] }] };

export const statsRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/v1/stats/modes",
    { schema: { ...base, summary: "Reports by fraud mode: the top-N ranking (default six) and the rest", querystring: ModeStatsQuerySchema, response: { 200: ModeStatsSchema, ...errors } } },
    (request) => modeStats(ctx.services, request.query),
  );
  app.get(
    "/v1/stats/losses",
    { schema: { ...base, summary: "Losses over time (day, week or month buckets) in one currency", querystring: LossStatsQuerySchema, response: { 200: LossStatsSchema, ...errors } } },
    (request) => lossStats(ctx.services, request.query),
  );
  app.get(
    "/v1/stats/channels",
    { schema: { ...base, summary: "How scammers reached people: FaceTime, phone, SMS, chat, meeting apps, …", querystring: StatsWindowQuerySchema, response: { 200: ChannelStatsSchema, ...errors } } },
    (request) => channelStats(ctx.services, request.query),
  );
  app.get(
    "/v1/stats/identifiers",
    { schema: { ...base, summary: "Top flagged identifiers by distinct reporters, with their evidence level now", querystring: IdentifierStatsQuerySchema, response: { 200: IdentifierStatsSchema, ...errors } } },
    (request) => identifierStats(ctx.services, request.query),
  );
  app.get(
    "/v1/stats/freezes",
    { schema: { ...base, summary: "Freeze requests by state, overdue, amounts requested and frozen, response times", querystring: StatsWindowQuerySchema, response: { 200: FreezeStatsSchema, ...errors } } },
    (request) => freezeStats(ctx.services, request.query),
  );
};
