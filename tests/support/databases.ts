/**
 * The driver matrix every database test runs on.
 *
 * - "pglite" always: an in-memory embedded PostgreSQL, fresh for each openTestDatabase().
 * - "node-postgres" and "neon-http" when TEST_DATABASE_URL points at a PostgreSQL server
 *   (e.g. postgres://postgres@127.0.0.1:5432/postgres). Each openTestDatabase() creates its
 *   own uniquely named database on that server (named after TEST_DATABASE_URL's database, so a
 *   CI run can drop everything it made), migrates it, and drops it again on close().
 *   neon-http reaches it through tests/support/neon-http-server.ts, so the production driver
 *   runs real SQL.
 *
 * Without TEST_DATABASE_URL the run says plainly that the two PostgreSQL drivers were not run;
 * with CI=true that is an error.
 *
 * Usage:
 *
 *   describe.each(testDrivers())("%s", (driver) => {
 *     let handle: DbHandle;
 *     beforeAll(async () => {
 *       handle = await openTestDatabase(driver);
 *       useDatabase(handle); // route handlers and getDb() now use it
 *     });
 *     afterAll(() => handle.close());
 *     it("...", async () => { await handle.db.select()... });
 *   });
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DbHandle, type Driver, openDatabase } from "@/db";
import { type NeonHttpServer, startNeonHttpServer, useNeonHttpEndpoint } from "./neon-http-server";

export type { Driver };

let warned = false;

/** The drivers this run can test: see the top of this file. */
export function testDrivers(): Driver[] {
  if (process.env.TEST_DATABASE_URL) return ["pglite", "node-postgres", "neon-http"];
  if (process.env.CI === "true") {
    throw new Error(
      "TEST_DATABASE_URL is not set, but CI=true: CI must test node-postgres and neon-http too.",
    );
  }
  if (!warned) {
    warned = true;
    console.warn(
      "TEST_DATABASE_URL is not set: database tests run on pglite only; node-postgres and neon-http were NOT run.",
    );
  }
  return ["pglite"];
}

/** A fresh, migrated database on the given driver; close() removes it. */
export async function openTestDatabase(driver: Driver): Promise<DbHandle> {
  if (driver === "pglite") return openDatabase({ driver: "pglite", migrate: true });

  const { url, name } = await createDatabase();
  let server: NeonHttpServer | undefined;
  let handle: DbHandle;
  try {
    if (driver === "neon-http") server = await neonServer();
    handle = await openDatabase({ driver, url, migrate: true, poolMax: 4 });
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
  const testHandle: DbHandle = {
    ...handle,
    async close() {
      await handle.close();
      await server?.releaseDatabase(name);
      await dropDatabase(name);
    },
  };
  if (server) neonDatabases.set(testHandle, { server, name });
  return testHandle;
}

const neonDatabases = new WeakMap<DbHandle, { server: NeonHttpServer; name: string }>();

/**
 * The HTTP requests a neon-http test database has answered (each one a network round trip to
 * Neon in production), for asserting round-trip budgets; undefined on the other drivers.
 */
export function neonRoundTrips(handle: DbHandle): { count(): number; reset(): void } | undefined {
  const target = neonDatabases.get(handle);
  if (!target) return undefined;
  return {
    count: () => target.server.requestCount(target.name),
    reset: () => target.server.resetRequestCount(target.name),
  };
}

/** The server TEST_DATABASE_URL points at; each test database is created beside its database. */
function serverUrl(): URL {
  const raw = process.env.TEST_DATABASE_URL;
  if (!raw) throw new Error("TEST_DATABASE_URL is not set");
  return new URL(raw);
}

let counter = 0;

async function createDatabase(): Promise<{ url: string; name: string }> {
  const base = serverUrl();
  const prefix = decodeURIComponent(base.pathname.slice(1)) || "doable";
  const suffix = `t${process.pid}_${++counter}_${randomBytes(3).toString("hex")}`;
  // Postgres truncates identifiers past 63 bytes; keep the unique suffix intact.
  const name = `${prefix.slice(0, 62 - suffix.length)}_${suffix}`.toLowerCase();
  await admin(async (client) => {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(name)}`;
  return { url: url.toString(), name };
}

async function dropDatabase(name: string): Promise<void> {
  await admin(async (client) => {
    // Any connection still open (a pool that was not ended, or one reconnecting meanwhile)
    // would block the drop: FORCE ends them in the same statement (PostgreSQL 13+).
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
}

/** Runs statements on TEST_DATABASE_URL's own database, which must exist. */
async function admin(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({
    connectionString: serverUrl().toString(),
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

let neon: Promise<NeonHttpServer> | undefined;

/** One Neon HTTP endpoint per test process (unref'd: it ends with the process). */
function neonServer(): Promise<NeonHttpServer> {
  neon ??= startNeonHttpServer().then((server) => {
    useNeonHttpEndpoint(server.endpoint);
    return server;
  });
  return neon;
}
