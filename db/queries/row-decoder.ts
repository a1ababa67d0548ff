/**
 * Reads a prepared select's rows as the driver gives them (`all()`: one object per row, keyed by
 * column name, values as the driver parsed them) into the selection's own shape, with each
 * column's own decoder. It is what Drizzle's `execute()` does, done once per selection instead of
 * once per cell: Drizzle's row mapping resolves every cell's decoder anew (entity checks and an
 * iterator per cell), which issue 15's profile found to be the largest cost of ours left on the
 * task list's path. Used by that path only; everything else reads with `execute()`.
 */
import "server-only";
import {
  Column,
  type DriverValueDecoder,
  entityKind,
  fillPlaceholders,
  is,
  SQL,
} from "drizzle-orm";

/** A select's fields: columns, and SQL expressions given a column name with `.as()`. */
type Selection = Record<string, Column | SQL.Aliased>;

/** The record a selection reads as, as Drizzle types `select(selection)`'s rows. */
type Decoded<S extends Selection> = {
  [K in keyof S]: S[K] extends Column
    ? S[K]["_"]["notNull"] extends true
      ? S[K]["_"]["data"]
      : S[K]["_"]["data"] | null
    : S[K] extends SQL.Aliased<infer T>
      ? T
      : never;
};

/**
 * The decoder for rows of `selection`. A column is read by its name and decoded by its own
 * `mapFromDriverValue`; an aliased expression by its alias, through its decoder (`.mapWith()`),
 * as `execute()` would. Null stays null.
 */
export function rowDecoder<S extends Selection>(selection: S) {
  const fields = Object.entries(selection).map(([key, field]) => {
    if (is(field, Column)) {
      return { key, name: field.name, decode: (value: unknown) => field.mapFromDriverValue(value) };
    }
    if (is(field, SQL.Aliased)) {
      // What .mapWith() set (a pass-through by default); Drizzle's own mapping reads it so too,
      // though its types mark it internal.
      const { decoder } = field.sql as unknown as { decoder: DriverValueDecoder<unknown, unknown> };
      return {
        key,
        name: field.fieldAlias,
        decode: (value: unknown) => decoder.mapFromDriverValue(value),
      };
    }
    throw new TypeError(`rowDecoder: ${key} is neither a column nor an aliased expression`);
  });
  const names = new Set(fields.map((field) => field.name));
  if (names.size !== fields.length) {
    throw new TypeError("rowDecoder: two fields read the same column name");
  }
  return (row: Record<string, unknown>): Decoded<S> => {
    const record: Record<string, unknown> = {};
    for (const { key, name, decode } of fields) {
      const value = row[name];
      record[key] = value === null ? null : decode(value);
    }
    return record as Decoded<S>;
  };
}

/** A prepared query of node-postgres or PGlite: both have all(), which PgPreparedQuery omits. */
interface WithDriverRows {
  all(values: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/**
 * What drizzle-orm/node-postgres's prepared query holds (its fields are private in its types):
 * the pool, the statement as pg takes it (text, name and the type parsers Drizzle's decoders
 * expect) and the parameters with their placeholders.
 */
interface NodePgPrepared {
  client: {
    query(config: object, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  };
  rawQueryConfig: object;
  params: unknown[];
}

/**
 * Runs `prepared` (a select of `selection`, prepared with placeholders) with each call's values
 * and reads its rows with rowDecoder(). Not for neon-http, whose reads go in one batch.
 *
 * On node-postgres the statement goes to the pool as all() would send it, without all()'s
 * wrappers (tracing spans, the query cache, error wrapping: four async layers per query, which
 * Node 20 pays for in AsyncLocalStorage hooks; and Drizzle's query logger, which db/index.ts
 * does not set); a pg error then arrives as pg's own, which db/errors.ts reads either way.
 */
export function preparedRows<S extends Selection>(prepared: unknown, selection: S) {
  const decode = rowDecoder(selection);
  const kind = (prepared as { constructor?: { [entityKind]?: string } }).constructor?.[entityKind];
  if (kind === "NodePgPreparedQuery") {
    const { client, rawQueryConfig, params } = prepared as NodePgPrepared;
    return (values: Record<string, unknown>) =>
      client
        .query(rawQueryConfig, fillPlaceholders(params, values))
        .then((result) => result.rows.map(decode));
  }
  if (typeof (prepared as Partial<WithDriverRows>).all !== "function") {
    throw new TypeError("preparedRows: this driver's prepared query has no all()");
  }
  const query = prepared as WithDriverRows;
  return (values: Record<string, unknown>) => query.all(values).then((rows) => rows.map(decode));
}
