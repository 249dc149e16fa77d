/**
 * The server's configuration: the ONE place that reads the environment. Everything else receives a
 * typed `Config`. Every problem is collected and reported at once, so a bad deployment fails at boot
 * with the full list instead of one error per restart.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Values that must never be logged or echoed; kept apart so `config` can be logged whole. */
export interface Secrets {
  /** Shared secret for signing outgoing webhooks (guardian alerts, freeze requests). */
  webhookSecret: string | null;
  /**
   * Key of the range lookup's decoys (RANGE_DECOY_SECRET). Set it, the same on every process, so that
   * decoys (and so ETags) agree across processes and restarts; null draws a random one per process.
   */
  rangeDecoySecret: string | null;
}

export interface Config {
  port: number;
  /** Interface to bind; 127.0.0.1 by default, 0.0.0.0 to serve the network. */
  host: string;
  /** Absolute path; PGlite keeps its files in `<dataDir>/pglite` when no DATABASE_URL is set. */
  dataDir: string;
  /** PostgreSQL connection string; null means embedded PGlite. */
  databaseUrl: string | null;
  /** PostgreSQL schema to use (search_path); null means the server default (`public`). Tests set one per file. */
  databaseSchema: string | null;
  /** NATS JetStream for call-event streams (stream workers); null: in-process queues. */
  natsUrl: string | null;
  /** Redis for counters shared by several processes (rate limits); null: per-process counters. */
  redisUrl: string | null;
  rateLimit: {
    /** Requests per minute per IP for callers without a key. */
    anonymousPerMinute: number;
    /** Requests per minute per API key. */
    keyedPerMinute: number;
  };
  /**
   * Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY: "true", a hop count, or a comma list
   * of addresses/CIDRs). Off by default: behind a proxy every caller would otherwise share its IP's
   * rate limit, and trusting it blindly would let anyone pick their own IP.
   */
  trustProxy: boolean | number | string[];
  /**
   * The built web app (`packages/web/dist`, WEB_DIR to override) served at `/`; when it holds no
   * index.html the server says how to build it instead.
   */
  webDir: string;
  /** Largest request body in bytes; larger bodies get 413 (also before `100 Continue`). */
  bodyLimitBytes: number;
  /** Slow-client limits (slow-loris): see http/server-limits.ts. */
  http: {
    /** Whole request (headers and body) must arrive within this many ms, else 408 and closed (REQUEST_TIMEOUT_MS). */
    requestTimeoutMs: number;
    /** Headers must arrive within this many ms (HEADERS_TIMEOUT_MS). */
    headersTimeoutMs: number;
    /** Open connections one client address may hold at once; more are closed at accept (MAX_CONNECTIONS_PER_IP). */
    maxConnectionsPerIp: number;
  };
  logLevel: LogLevel;
  secrets: Secrets;
  /** Guardian-alert webhooks (sessions and transfers). */
  webhooks: {
    /**
     * Hosts (`host` or `host:port`) a webhook URL may name even though they resolve to private, loopback
     * or link-local addresses, and over plain http (WEBHOOK_ALLOW_HOSTS, comma-separated). Empty: public https only.
     */
    allowHosts: string[];
    /** How often the delivery worker polls the outbox, ms (WEBHOOK_POLL_MS). */
    pollMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and checks the environment.
 * @example loadConfig({ PORT: "9000", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres" })
 * @throws ConfigError listing every invalid variable
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}: expected an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = str(name);
    if (raw === null) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name}: expected a ${protocols.join(" or ")} URL, got protocol "${parsed.protocol}"`);
      }
    } catch {
      // Never echo the value: connection strings carry passwords.
      problems.push(`${name}: not a valid URL`);
    }
    return raw;
  };

  const host = str("HOST") ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) problems.push(`HOST: not a host name or address: "${host}"`);

  const logLevel = (str("LOG_LEVEL") ?? "info").toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);

  const databaseSchema = str("DATABASE_SCHEMA");
  if (databaseSchema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push(`DATABASE_SCHEMA: expected a lower-case SQL identifier, got "${databaseSchema}"`);
  }

  const anonymousPerMinute = int("RATE_LIMIT", 120, 1, 10_000_000);
  const config: Config = {
    port: int("PORT", 8787, 0, 65_535),
    host,
    dataDir: resolve(str("DATA_DIR") ?? "./.data"),
    databaseUrl: url("DATABASE_URL", ["postgres:", "postgresql:"]),
    databaseSchema,
    natsUrl: url("NATS_URL", ["nats:", "tls:", "ws:", "wss:"]),
    redisUrl: url("REDIS_URL", ["redis:", "rediss:"]),
    rateLimit: {
      anonymousPerMinute,
      keyedPerMinute: int("RATE_LIMIT_KEYED", Math.max(anonymousPerMinute * 10, 1200), 1, 100_000_000),
    },
    trustProxy: parseTrustProxy(str("TRUST_PROXY"), problems),
    webDir: resolve(str("WEB_DIR") ?? fileURLToPath(new URL("../../web/dist", import.meta.url))),
    bodyLimitBytes: int("BODY_LIMIT_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    http: {
      requestTimeoutMs: int("REQUEST_TIMEOUT_MS", 30_000, 1_000, 600_000),
      headersTimeoutMs: int("HEADERS_TIMEOUT_MS", 10_000, 1_000, 600_000),
      maxConnectionsPerIp: int("MAX_CONNECTIONS_PER_IP", 256, 1, 1_000_000),
    },
    logLevel,
    secrets: { webhookSecret: str("WEBHOOK_SECRET"), rangeDecoySecret: str("RANGE_DECOY_SECRET") },
    webhooks: {
      allowHosts: (str("WEBHOOK_ALLOW_HOSTS") ?? "").split(",").map((h) => h.trim().toLowerCase()).filter((h) => h !== ""),
      pollMs: int("WEBHOOK_POLL_MS", 1000, 10, 600_000),
    },
  };
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    problems.push("HEADERS_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS");
  }
  for (const host of config.webhooks.allowHosts) {
    if (!/^[a-z0-9.\-[\]:]+$/.test(host)) problems.push(`WEBHOOK_ALLOW_HOSTS: not a host or host:port: "${host}"`);
  }
  if (config.secrets.webhookSecret !== null && config.secrets.webhookSecret.length < 16) {
    problems.push("WEBHOOK_SECRET: at least 16 characters");
  }
  if (config.secrets.rangeDecoySecret !== null && config.secrets.rangeDecoySecret.length < 16) {
    problems.push("RANGE_DECOY_SECRET: at least 16 characters");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function parseTrustProxy(raw: string | null, problems: string[]): boolean | number | string[] {
  if (raw === null || raw === "false") return false;
  if (raw === "true") return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const list = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0 || list.some((a) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a))) {
    problems.push(`TRUST_PROXY: expected true, false, a hop count or a comma list of addresses/CIDRs, got "${raw}"`);
    return false;
  }
  return list;
}

/** The config without its secrets, safe to log. */
export function describeConfig(config: Config): Omit<Config, "secrets" | "databaseUrl"> & { databaseUrl: string | null } {
  const { secrets: _secrets, databaseUrl, ...rest } = config;
  return { ...rest, databaseUrl: databaseUrl === null ? null : redactUrl(databaseUrl) };
}

function redactUrl(raw: string): string {
  try {
    const parsed = new URL(raw);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "***";
  }
}
