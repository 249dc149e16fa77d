/**
 * Every route module, registered in this order. Add yours with ONE line, and its access rule in
 * auth/policy.ts (the app refuses to boot with a route that has none).
 */
import { adminKeyRoutes } from "./admin-keys.js";
import { analyzeRoutes } from "./analyze.js";
import { directoryRoutes } from "./directory.js";
import { lookupRoutes } from "./lookup.js";
import { reportRoutes } from "./reports.js";
import { reviewRoutes } from "./reviews.js";
import { caseRoutes } from "./cases.js";
import { freezeRequestRoutes } from "./freeze-requests.js";
import { statsRoutes } from "./stats.js";
import { reportWithdrawalRoutes } from "./report-withdrawal.js";
import { opsRoutes } from "./ops.js";
import type { RouteModule } from "./route-module.js";
import { sessionRoutes } from "./sessions.js";
import { conversationRoutes } from "./conversations.js";
import { transferRoutes } from "./transfers.js";
import { guardianRoutes } from "./guardians.js";
import { webhookRoutes } from "./webhooks.js";
import { contactRoutes } from "./contacts.js";
import { callFlagRoutes } from "./call-flags.js";

export const routes: RouteModule[] = [
  opsRoutes,
  analyzeRoutes,
  adminKeyRoutes,
  reportRoutes,
  reviewRoutes,
  caseRoutes,
  freezeRequestRoutes,
  statsRoutes,
  reportWithdrawalRoutes,
  lookupRoutes,
  directoryRoutes,
  sessionRoutes,
  conversationRoutes,
  transferRoutes,
  guardianRoutes,
  webhookRoutes,
  contactRoutes,
  callFlagRoutes,
];
