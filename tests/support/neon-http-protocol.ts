/**
 * Neon's SQL-over-HTTP wire format, as its proxy speaks it (neondatabase/neon,
 * proxy/src/serverless/sql_over_http.rs): the request payload, running one statement through
 * the extended protocol, JSON parameters as Postgres text, result values as Neon's JSON, and
 * Postgres errors as Neon's error body. The HTTP server around it is neon-http-server.ts.
 */
import pg from "pg";

export interface QueryData {
  query: string;
  params?: unknown[];
  arrayMode?: boolean;
}

export interface Options {
  rawTextOutput: boolean;
  arrayMode: boolean;
}

/** What a statement answers, field for field as Neon's proxy writes it. */
export interface QueryResultJson {
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
export class HttpFailure extends Error {
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

export const ISOLATION_LEVELS: Record<string, string> = {
  Serializable: "SERIALIZABLE",
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
};

/** pg hands every value over as the text Postgres sent, as Neon's raw text output does. */
const rawText: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

export async function runQuery(
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

export function toFailure(error: unknown): HttpFailure {
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

export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function parsePayload(text: string): QueryData | { queries: QueryData[] } {
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
