/**
 * The application context: config, database and the services bound to it. createApp builds exactly
 * one per app; routes receive it and call commands with it. Tests may replace any service factory
 * through `createApp(config, { services: { name: factory } })`.
 */
import type { Config } from "./config.js";
import type { Database, Db, Engine } from "./db/client.js";
import { type ServiceFactories, type Services, serviceFactories } from "./services/index.js";

/** What a service factory may use besides its db handle. */
export interface CoreContext {
  config: Config;
  engine: Engine;
  /** The root handle (outside any transaction), for state that outlives a request. */
  rootDb: Db;
  /** A statement planned once per connection, run on the root handle (Database.prepared). */
  prepared: Database["prepared"];
  /** One instance per app of `create()`, closed with the app when it has a `close()`. */
  singleton<T>(name: string, create: () => T): T;
  /** Runs `fn` when the app closes (after the HTTP server stops, before the database closes). */
  onClose(fn: () => Promise<void> | void): void;
}

export interface AppContext extends CoreContext {
  database: Database;
  /** Services on the root handle: each statement commits on its own. */
  services: Services;
  /** Services bound to another handle, e.g. a transaction. */
  bind(db: Db): Services;
  /**
   * Runs `fn` in one transaction with services bound to it: commits when it resolves, rolls back
   * when it throws. Inside `fn`, use ONLY the `services` it receives: PGlite runs one transaction at
   * a time, so a query through `ctx.services` there waits for this transaction forever (on PostgreSQL
   * it would silently run outside it).
   * @example await ctx.transaction((s) => fileReport(s, input, principal))
   */
  transaction<T>(fn: (services: Services, tx: Db) => Promise<T>): Promise<T>;
  /** Closes singletons and registered closers, in reverse order. */
  closeAll(): Promise<void>;
}

export function createContext(config: Config, database: Database, overrides: Partial<ServiceFactories> = {}): AppContext {
  const factories: ServiceFactories = { ...serviceFactories, ...overrides };
  const singletons = new Map<string, unknown>();
  const closers: Array<() => Promise<void> | void> = [];

  const core: CoreContext = {
    config,
    engine: database.engine,
    rootDb: database.db,
    prepared: database.prepared,
    singleton<T>(name: string, create: () => T): T {
      if (!singletons.has(name)) {
        const value = create();
        singletons.set(name, value);
        const closable = value as { close?: () => Promise<void> | void };
        if (typeof closable?.close === "function") closers.push(() => closable.close?.());
      }
      return singletons.get(name) as T;
    },
    onClose(fn) {
      closers.push(fn);
    },
  };

  // Lazy: a service is built on first use, so a transaction (or a one-off CLI command) only pays for,
  // and only starts the singletons of, the services it touches.
  const bind = (db: Db): Services => {
    const services = {} as Record<string, unknown>;
    for (const [name, factory] of Object.entries(factories)) {
      let instance: unknown;
      let built = false;
      Object.defineProperty(services, name, {
        enumerable: true,
        get() {
          if (!built) {
            instance = (factory as (db: Db, ctx: CoreContext) => unknown)(db, core);
            built = true;
          }
          return instance;
        },
      });
    }
    return services as Services;
  };

  return {
    ...core,
    database,
    services: bind(database.db),
    bind,
    transaction: (fn) => database.db.transaction((tx) => fn(bind(tx as unknown as Db), tx as unknown as Db)),
    async closeAll() {
      for (const close of closers.reverse()) await close();
    },
  };
}
