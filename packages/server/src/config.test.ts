import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("lists every invalid variable at once", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", RATE_LIMIT: "-1", LOG_LEVEL: "loud", DATABASE_URL: "mysql://x@y/z", WEBHOOK_SECRET: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'RATE_LIMIT: expected an integer from 1 to 10000000, got "-1"',
      'PORT: expected an integer from 0 to 65535, got "eighty"',
      'DATABASE_URL: expected a postgres: or postgresql: URL, got protocol "mysql:"',
      "WEBHOOK_SECRET: at least 16 characters",
    ]);
  });

  it("has defaults for a quick start: loopback, 8787, PGlite in ./.data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8787, host: "127.0.0.1", databaseUrl: null, rateLimit: { anonymousPerMinute: 120 } });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it("accepts 0.0.0.0 and a PostgreSQL URL", () => {
    const config = loadConfig({ HOST: "0.0.0.0", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres" });
    expect(config.host).toBe("0.0.0.0");
    expect(config.databaseUrl).toBe("postgres://postgres@127.0.0.1:5432/postgres");
  });

  it("trusts no proxy unless told, and checks the list", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow(/TRUST_PROXY: expected/);
  });

  it("keeps secrets and passwords out of what gets logged", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u:hunter2@db/x", WEBHOOK_SECRET: "0123456789abcdef-secret" });
    const logged = JSON.stringify(describeConfig(config));
    expect(logged).not.toContain("hunter2");
    expect(logged).not.toContain("0123456789abcdef-secret");
    expect(config.secrets.webhookSecret).toBe("0123456789abcdef-secret");
  });
});
