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
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { neonConfig } from "@neondatabase/serverless";
import pg from "pg";

export interface NeonHttpServer {
  /** Full URL of the SQL endpoint, e.g. http://127.0.0.1:40123/sql. */
  endpoint: string;
  /** Ends the pools of every connection string that targets this database name. */
  releaseDatabase(database: string): Promise<void>;
  close(): Promise<void>;
}

interface QueryData {
  query: string;
  params?: unknown[];
  arrayMode?: boolean;
}

interface Options {
  rawTextOutput: boolean;
  arrayMode: boolean;
}

/** What a statement answers, field for field as Neon's proxy writes it. */
interface QueryResultJson {
  fields: FieldJson[];
  rows: unknown[];
  command: string;
  rowCount: number | null;
  rowAsArray: boolean;
}

interface FieldJson {
  name: string;
  dataTypeID: number;
  tableID: number;
  columnID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: "text";
}

/** An error answered to the client: HTTP status plus Neon's error body. */
class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

const ERROR_FIELDS = [
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "severity",
  "where",
  "table",
  "column",
  "schema",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

const ISOLATION_LEVELS: Record<string, string> = {
  Serializable: "SERIALIZABLE",
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
};

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** pg hands every value over as the text Postgres sent, as Neon's raw text output does. */
const rawText: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

export async function startNeonHttpServer(): Promise<NeonHttpServer> {
  const pools = new Map<string, pg.Pool>();

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
    handle(request, poolFor).then(
      ({ body, headers }) => send(response, 200, body, headers),
      (error: unknown) => {
        const failure = toFailure(error);
        send(response, failure.status, failure.body);
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
    async releaseDatabase(database) {
      const ending: Promise<void>[] = [];
      for (const [connectionString, pool] of pools) {
        if (decodeURIComponent(new URL(connectionString).pathname.slice(1)) === database) {
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

async function runQuery(
  client: pg.PoolClient,
  data: QueryData,
  options: Options,
): Promise<QueryResultJson> {
  const arrayMode = data.arrayMode ?? options.arrayMode;
  const config: pg.QueryArrayConfig & { queryMode: "extended" } = {
    text: data.query,
    values: (data.params ?? []).map(toPgText),
    rowMode: "array",
    types: rawText,
    // Like Neon: always parse/bind/execute, so a query holds exactly one statement.
    queryMode: "extended",
  };
  const result = await client.query(config);
  const fields: FieldJson[] = result.fields.map((f) => ({
    name: f.name,
    dataTypeID: f.dataTypeID,
    tableID: f.tableID,
    columnID: f.columnID,
    dataTypeSize: f.dataTypeSize,
    dataTypeModifier: f.dataTypeModifier,
    format: "text",
  }));
  const rows = result.rows.map((row) => {
    const values = row.map((value, i) =>
      options.rawTextOutput ? value : textToJson(value as string | null, fields[i]?.dataTypeID),
    );
    if (arrayMode) return values;
    return Object.fromEntries(values.map((value, i) => [fields[i]?.name ?? String(i), value]));
  });
  return {
    fields,
    rows,
    command: result.command ?? "",
    rowCount: result.rowCount ?? null,
    rowAsArray: arrayMode,
  };
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

function toFailure(error: unknown): HttpFailure {
  if (error instanceof HttpFailure) return error;
  if (pgCode(error)) {
    const db = error as pg.DatabaseError & Record<string, unknown>;
    const body: Record<string, unknown> = { message: db.message };
    for (const field of ERROR_FIELDS) body[field] = db[field] ?? null;
    return new HttpFailure(400, body);
  }
  // Postgres went away mid-query and the like: Neon reports these as its own failure.
  const message = error instanceof Error ? error.message : String(error);
  return new HttpFailure(500, { message, code: "" });
}

function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
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

function parsePayload(text: string): QueryData | { queries: QueryData[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HttpFailure(400, { message: `could not parse the request body: ${error}` });
  }
  const isQuery = (v: unknown): v is QueryData =>
    typeof v === "object" &&
    v !== null &&
    typeof (v as QueryData).query === "string" &&
    ((v as QueryData).params === undefined || Array.isArray((v as QueryData).params));
  if (isQuery(json)) return json;
  const queries = (json as { queries?: unknown } | null)?.queries;
  if (Array.isArray(queries) && queries.every(isQuery)) return { queries };
  throw new HttpFailure(400, { message: "expected {query, params} or {queries: [...]}" });
}

/** A JSON parameter as Postgres text, as Neon's proxy converts it (json_to_pg_text). */
function toPgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(",")}}`;
  return JSON.stringify(value);
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(",")}}`;
  const text = typeof value === "string" ? value : (toPgText(value) ?? "");
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/*
 * Without raw text output Neon turns a few types into JSON values (bool, int2/int4,
 * float4/float8, json/jsonb and arrays of them) and leaves every other type as text.
 */
const SCALAR_OIDS = {
  bool: 16,
  int2: 21,
  int4: 23,
  float4: 700,
  float8: 701,
  json: 114,
  jsonb: 3802,
};
const ARRAY_ELEMENT_OIDS: Record<number, number> = {
  1000: SCALAR_OIDS.bool,
  1005: SCALAR_OIDS.int2,
  1007: SCALAR_OIDS.int4,
  1021: SCALAR_OIDS.float4,
  1022: SCALAR_OIDS.float8,
  199: SCALAR_OIDS.json,
  3807: SCALAR_OIDS.jsonb,
  // Arrays of types that stay text: text, varchar, int8, numeric, uuid, date, timestamp(tz).
  1009: 25,
  1015: 1043,
  1016: 20,
  1231: 1700,
  2951: 2950,
  1182: 1082,
  1115: 1114,
  1185: 1184,
};
// pg's parser for text[] splits any array literal into (nested) strings and nulls.
const parseTextArray = (pg.types.getTypeParser as (oid: number) => (value: string) => unknown[])(
  1009,
);

function textToJson(value: string | null, oid: number | undefined): unknown {
  if (value === null || oid === undefined) return value;
  const elementOid = ARRAY_ELEMENT_OIDS[oid];
  if (elementOid !== undefined) {
    const convert = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(convert) : textToJson(v as string | null, elementOid);
    return parseTextArray(value).map(convert);
  }
  switch (oid) {
    case SCALAR_OIDS.bool:
      return value === "t";
    case SCALAR_OIDS.int2:
    case SCALAR_OIDS.int4:
      return Number.parseInt(value, 10);
    case SCALAR_OIDS.float4:
    case SCALAR_OIDS.float8: {
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
    case SCALAR_OIDS.json:
    case SCALAR_OIDS.jsonb:
      return JSON.parse(value);
    default:
      return value;
  }
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
