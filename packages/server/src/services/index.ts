/**
 * Every service, bound to a database handle (or an open transaction) by its factory. This list is
 * the one place services are wired; add yours with ONE line: `name: createNameService,`.
 *
 * A factory is `(db, ctx) => Service`. Keep per-request state out of services; long-lived state
 * (an in-memory index, a connection) goes through `ctx.singleton(name, create)`, created once per app.
 */
import type { Db } from "../db/client.js";
import type { CoreContext } from "../context.js";
import { createApiKeyService } from "./api-keys.js";
import { createCallFlagStore } from "./call-flag-store.js";
import { createReportStore } from "./report-store.js";
import { createReviewStore } from "./review-store.js";
import { createCaseStore } from "./case-store.js";
import { createStatsStore } from "./stats-store.js";
import { createDomainMetrics } from "./domain-metrics.js";
import { createReportWithdrawalStore } from "./report-withdrawals.js";
import { createReputationService } from "./reputation-service.js";
import { createSessionService } from "./sessions.js";
import { createGuardianService } from "./guardians.js";
import { createWebhookService } from "./webhooks.js";
import { createConversationService } from "./conversations.js";
import { createTransferScreeningService } from "./transfer-screening.js";
import { createContactService } from "./contacts.js";

export type ServiceFactory<T> = (db: Db, ctx: CoreContext) => T;

export const serviceFactories = {
  apiKeys: createApiKeyService,
  reports: createReportStore,
  reviews: createReviewStore,
  cases: createCaseStore,
  stats: createStatsStore,
  domainMetrics: createDomainMetrics,
  withdrawals: createReportWithdrawalStore,
  reputation: createReputationService,
  sessions: createSessionService,
  guardians: createGuardianService,
  webhooks: createWebhookService,
  conversations: createConversationService,
  transfers: createTransferScreeningService,
  contacts: createContactService,
  callFlags: createCallFlagStore,
} satisfies Record<string, ServiceFactory<unknown>>;

export type ServiceFactories = typeof serviceFactories;
export type Services = { [K in keyof ServiceFactories]: ReturnType<ServiceFactories[K]> };
