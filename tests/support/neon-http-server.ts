/**
 * A local server for Neon's SQL-over-HTTP protocol, on top of `pg`, so that the production
 * neon-http driver (@neondatabase/serverless + drizzle-orm/neon-http) runs real SQL against a
 * local PostgreSQL in tests.
 *
 * It follows Neon's proxy (neondatabase/neon, proxy/src/serverless/sql_over_http.rs):
 * - `POST /sql`, the target database in the `Neon-Connection-String` header (one pg pool per
 *   connection string);
 * - body `{ query, params, arrayMode? }`, or `{ queries: [...] }` run as one transaction that is
 *   rolled back as a whole when any statement fails (`Neon-Batch-Isolation-Level`,
 *   `Neon-Batch-Read-Only`, `Neon-Batch-Deferrable` shape its BEGIN);
 * - every statement goes through the extended protocol (one statement per query, like Neon);
 * - answers `{ fields, rows, command, rowCount, rowAsArray }` (batches `{ results: [...] }`);
 *   `Neon-Raw-Text-Output: true` keeps every value as Postgres' text, `Neon-Array-Mode: true`
 *   sends rows as arrays;
 * - Postgres errors are HTTP 400 with `message`, `code` (the SQLSTATE), `detail`, `constraint`...;
 *   failing to reach Postgres at all is HTTP 500, as Neon answers when the compute is down.
 *
 * For the round-trip budget (issue 15) it counts the HTTP requests per database, each one a
 * network round trip in production, and can hold every answer back by a round-trip time
 * (`rttMs`, default NEON_RTT_MS, else 0) so that a bench sees what a remote Neon costs.
 * The wire format itself is in neon-http-protocol.ts.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import {
  HttpFailure,
  ISOLATION_LEVELS,
  type Options,
  parsePayload,
  pgCode,
  type QueryData,
  type QueryResultJson,
  runQuery,
  toFailure,
} from "./neon-http-protocol";

export interface NeonHttpServerOptions {
  /** Milliseconds each answer is held back: one round trip to a remote Neon. */
  rttMs?: number;
}

export interface NeonHttpServer {
  /** Full URL of the SQL endpoint, e.g. http://127.0.0.1:40123/sql. */
  endpoint: string;
  /** HTTP requests (round trips) for this database name since start or the last reset. */
  requestCount(database: string): number;
  resetRequestCount(database: string): void;
  /** Ends the pools of every connection string that targets this database name. */
  releaseDatabase(database: string): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startNeonHttpServer(
  options: NeonHttpServerOptions = {},
): Promise<NeonHttpServer> {
  const rttMs = options.rttMs ?? Number(process.env.NEON_RTT_MS ?? 0);
  if (!Number.isFinite(rttMs) || rttMs < 0) throw new Error(`bad round-trip time: ${rttMs}`);
  const pools = new Map<string, pg.Pool>();
  const requests = new Map<string, number>();

  function poolFor(connectionString: string): pg.Pool {
    let pool = pools.get(connectionString);
    if (!pool) {
      pool = new pg.Pool({
        connectionString,
        max: 10,
        idleTimeoutMillis: 5_000,
        connectionTimeoutMillis: 5_000,
        allowExitOnIdle: true,
      });
      // A connection dropped while idle (database dropped, server restarted) is replaced.
      pool.on("error", () => {});
      // One dropped while checked out emits "error" on its client, which would crash the
      // process; the running query rejects anyway and the broken client is discarded.
      pool.on("connect", (client) => client.on("error", () => {}));
      pools.set(connectionString, pool);
    }
    return pool;
  }

  const server = http.createServer((request, response) => {
    const database = databaseOf(header(request, "neon-connection-string"));
    if (database !== undefined) requests.set(database, (requests.get(database) ?? 0) + 1);
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      if (rttMs === 0) send(response, status, body, headers);
      else setTimeout(() => send(response, status, body, headers), rttMs);
    };
    handle(request, poolFor).then(
      ({ body, headers }) => answer(200, body, headers),
      (error: unknown) => {
        const failure = toFailure(error);
        answer(failure.status, failure.body);
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // Never the reason a test process stays alive.
  server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}/sql`,
    requestCount: (database) => requests.get(database) ?? 0,
    resetRequestCount: (database) => {
      requests.delete(database);
    },
    async releaseDatabase(database) {
      requests.delete(database);
      const ending: Promise<void>[] = [];
      for (const [connectionString, pool] of pools) {
        if (databaseOf(connectionString) === database) {
          pools.delete(connectionString);
          ending.push(pool.end());
        }
      }
      await Promise.all(ending);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((pool) => pool.end()));
    },
  };
}

/** The database a connection string names, or undefined for one that does not parse. */
function databaseOf(connectionString: string | undefined): string | undefined {
  if (!connectionString) return undefined;
  try {
    return decodeURIComponent(new URL(connectionString).pathname.slice(1));
  } catch {
    return undefined;
  }
}

/** Points @neondatabase/serverless at a local server; call before the first query. */
export function useNeonHttpEndpoint(endpoint: string): void {
  neonConfig.fetchEndpoint = endpoint;
}

async function handle(
  request: http.IncomingMessage,
  poolFor: (connectionString: string) => pg.Pool,
): Promise<{ body: unknown; headers?: Record<string, string> }> {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.method !== "POST" || url.pathname !== "/sql") {
    throw new HttpFailure(404, { message: `no route for ${request.method} ${url.pathname}` });
  }
  const connectionString = header(request, "neon-connection-string");
  if (!connectionString) {
    throw new HttpFailure(400, { message: "missing connection string" });
  }
  const options: Options = {
    rawTextOutput: header(request, "neon-raw-text-output") === "true",
    arrayMode: header(request, "neon-array-mode") === "true",
  };
  const isolation = header(request, "neon-batch-isolation-level");
  if (isolation !== undefined && !ISOLATION_LEVELS[isolation]) {
    throw new HttpFailure(400, { message: "invalid isolation level" });
  }
  const payload = parsePayload(await readBody(request));
  const pool = poolFor(connectionString);

  if ("queries" in payload) {
    const readOnly = header(request, "neon-batch-read-only") === "true";
    const deferrable = header(request, "neon-batch-deferrable") === "true";
    const results = await runBatch(pool, payload.queries, options, {
      isolation: isolation ? ISOLATION_LEVELS[isolation] : undefined,
      readOnly,
      deferrable,
    });
    // Neon echoes the transaction settings it applied.
    const headers: Record<string, string> = {};
    if (isolation) headers["Neon-Batch-Isolation-Level"] = isolation;
    if (readOnly) headers["Neon-Batch-Read-Only"] = "true";
    if (deferrable) headers["Neon-Batch-Deferrable"] = "true";
    return { body: { results }, headers };
  }
  const client = await connect(pool);
  try {
    return { body: await runQuery(client, payload, options) };
  } finally {
    client.release();
  }
}

async function runBatch(
  pool: pg.Pool,
  queries: QueryData[],
  options: Options,
  txn: { isolation: string | undefined; readOnly: boolean; deferrable: boolean },
): Promise<QueryResultJson[]> {
  const client = await connect(pool);
  let broken = false;
  try {
    const modes = [
      txn.isolation ? `ISOLATION LEVEL ${txn.isolation}` : "",
      txn.readOnly ? "READ ONLY" : "",
      txn.deferrable ? "DEFERRABLE" : "",
    ].filter(Boolean);
    await client.query(`BEGIN ${modes.join(" ")}`);
    const results: QueryResultJson[] = [];
    try {
      for (const query of queries) results.push(await runQuery(client, query, options));
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    }
    return results;
  } finally {
    // A connection that could not roll back is not given back to the pool.
    client.release(broken);
  }
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    // Postgres refusing us (unknown database, bad password) is the caller's error, 400 with
    // its code; no Postgres to talk to at all is Neon's "cannot reach the compute", a 500.
    if (pgCode(error)) throw error;
    throw new HttpFailure(500, {
      message: `Couldn't connect to compute node: ${(error as Error).message}`,
    });
  }
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpFailure(413, { message: "request is too large" }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Access-Control-Allow-Origin": "*",
    ...headers,
  });
  response.end(text);
}
