import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getEnv } from "@/lib/server/env";
import * as schema from "./schema";

export type Driver = "pglite" | "neon-http" | "node-postgres";
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: the Drizzle instance, which driver it runs on, and how to close it. */
export interface DbHandle {
  db: Database;
  driver: Driver;
  /**
   * Runs several statements atomically on every driver: `db.batch` on neon-http (it has no
   * interactive transactions), a transaction elsewhere. Build the statements from the executor
   * you are given, never from `db`, so they run inside the transaction.
   */
  batch<T extends readonly [BatchItem<"pg">, ...BatchItem<"pg">[]]>(
    build: (executor: Database) => T,
  ): Promise<unknown[]>;
  /**
   * Runs independent reads in as few round trips as the driver allows: one HTTP request on
   * neon-http (`db.batch`; every statement there is a network round trip), at once elsewhere.
   */
  readAll<T extends Reads>(queries: T): Promise<BatchResponse<T>>;
  close(): Promise<void>;
}

type Reads = readonly [BatchItem<"pg">, ...BatchItem<"pg">[]];

/** readAll() where each statement is its own request (a pool or an embedded database). */
const readAtOnce = <T extends Reads>(queries: T) =>
  Promise.all(queries) as Promise<BatchResponse<T>>;

interface DbConfig {
  driver: Driver;
  /** Postgres URL for neon-http and node-postgres. */
  url?: string;
  /** Folder for PGlite; omit for an in-memory database. */
  dataDir?: string;
  /** Apply drizzle/ migrations on open (always done for PGlite). */
  migrate?: boolean;
  poolMax?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** neon-http: an SQL-over-HTTP endpoint of its own (NEON_HTTP_ENDPOINT). */
  neonEndpoint?: string;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

function isNeonUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "neon.tech" || host.endsWith(".neon.tech");
}

/** The process's driver, from DATABASE_DRIVER or DATABASE_URL. */
export function configFromEnv(): DbConfig {
  const env = getEnv();
  const common = {
    poolMax: env.DB_POOL_MAX,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
  };
  const url = env.DATABASE_URL;
  if (!url || env.DATABASE_DRIVER === "pglite") {
    return { driver: "pglite", dataDir: path.resolve(env.DATA_DIR, "pglite"), ...common };
  }
  const driver = env.DATABASE_DRIVER ?? (isNeonUrl(url) ? "neon-http" : "node-postgres");
  return { driver, url, neonEndpoint: env.NEON_HTTP_ENDPOINT, ...common };
}

export async function openDatabase(config: DbConfig): Promise<DbHandle> {
  switch (config.driver) {
    case "pglite":
      return openPglite(config);
    case "neon-http":
      return openNeonHttp(config);
    case "node-postgres":
      return openNodePostgres(config);
  }
}

async function openPglite(config: DbConfig): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
  const client = await PGlite.create(config.dataDir);
  const db = drizzle({ client, schema });
  // The embedded database is ours alone, so it is always brought up to date.
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Database,
    driver: "pglite",
    batch: (build) => inTransaction(db as unknown as Database, build),
    readAll: readAtOnce,
    close: () => client.close(),
  };
}

async function openNeonHttp(config: DbConfig): Promise<DbHandle> {
  const { neon, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-http");
  if (!config.url) throw new Error("neon-http needs a database URL");
  const timeout = (config.connectTimeoutMs ?? 5_000) + (config.statementTimeoutMs ?? 10_000);
  // Bound every HTTP round trip so an unreachable database fails fast instead of hanging.
  const fetchWithTimeout: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeout) });
  neonConfig.fetchFunction = fetchWithTimeout;
  if (config.neonEndpoint) neonConfig.fetchEndpoint = config.neonEndpoint;
  const db = drizzle({ client: neon(config.url), schema });
  if (config.migrate) {
    const { migrate } = await import("drizzle-orm/neon-http/migrator");
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return {
    db: db as unknown as Database,
    driver: "neon-http",
    batch: async (build) => db.batch(build(db as unknown as Database) as never),
    // One statement goes alone: a batch would wrap it in a transaction for nothing.
    readAll: async <T extends Reads>(queries: T) =>
      (queries.length === 1 ? [await queries[0]] : db.batch(queries)) as Promise<BatchResponse<T>>,
    close: async () => {},
  };
}

async function openNodePostgres(config: DbConfig): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  if (!config.url) throw new Error("node-postgres needs a database URL");
  const statementTimeout = config.statementTimeoutMs ?? 10_000;
  const pool = new Pool({
    connectionString: config.url,
    max: config.poolMax ?? 10,
    connectionTimeoutMillis: config.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    // Client-side bound too, for a server that stops answering mid-query.
    query_timeout: statementTimeout + 1_000,
  });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // Nor may one dropped while checked out (inside a transaction): pg emits "error" on the
  // client, which the pool listens to only while the client is idle. The running query still
  // rejects, and the pool discards the broken client when it is released.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzle({ client: pool, schema });
  if (config.migrate) {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return {
    db: db as unknown as Database,
    driver: "node-postgres",
    batch: (build) => inTransaction(db as unknown as Database, build),
    readAll: readAtOnce,
    close: () => pool.end(),
  };
}

function inTransaction(
  db: Database,
  build: (executor: Database) => readonly BatchItem<"pg">[],
): Promise<unknown[]> {
  return db.transaction(async (tx) => {
    const results: unknown[] = [];
    for (const item of build(tx as unknown as Database)) results.push(await item);
    return results;
  });
}

/*
 * One handle per process, opened on first use (never at import: `next build` imports
 * route modules). Kept on globalThis so dev hot reloads do not open PGlite twice.
 */
const holder = globalThis as typeof globalThis & {
  __doableDb?: Promise<DbHandle>;
  /** The same handle once open, for openDbHandle(). */
  __doableDbOpen?: DbHandle;
};

export function getDbHandle(): Promise<DbHandle> {
  if (!holder.__doableDb) {
    const opening = openDatabase(configFromEnv());
    holder.__doableDb = opening;
    opening.then(
      (handle) => {
        if (holder.__doableDb === opening) holder.__doableDbOpen = handle;
      },
      // A failed open (database down at start) is retried on the next request.
      () => {
        if (holder.__doableDb === opening) holder.__doableDb = undefined;
      },
    );
  }
  return holder.__doableDb;
}

/**
 * The handle if it is open already, else undefined (then await getDbHandle()). Synchronous, for
 * the task routes' path, where every await is work for AsyncLocalStorage (issue 15's profile).
 */
export function openDbHandle(): DbHandle | undefined {
  return holder.__doableDbOpen;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Points the process at an already open database (tests, benchmarks). */
export function useDatabase(handle: DbHandle): void {
  holder.__doableDb = Promise.resolve(handle);
  holder.__doableDbOpen = handle;
}

export { schema };
