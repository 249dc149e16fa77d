/** Liveness and readiness of the service. */
import { z } from "zod";

/**
 * Response of `GET /healthz`: 200 with `status: "ok"` when the database answers, 503 otherwise.
 * @example { status: "ok", database: "pglite", uptimeSeconds: 12.5 }
 */
export const HealthResponseSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["pglite", "postgres"]),
  uptimeSeconds: z.number().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
