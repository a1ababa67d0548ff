/**
 * Prepared statements kept per database and key. Drizzle renders a query builder to SQL on
 * every run, which costs more than the JavaScript of the rest of a list request (issue 15's
 * profile: its entity checks walk prototype chains for every chunk); a statement prepared once
 * per shape skips that and only fills its placeholders.
 *
 * Prepared here means rendered once in this process. The statements stay unnamed on the wire:
 * a named one would be kept by every pooled PostgreSQL connection for its lifetime, and the
 * number of shapes a caller can ask for is large; unnamed, PostgreSQL plans each run, as it
 * does for any query builder.
 */
import "server-only";
import type { Database } from "@/db";

/** Most shapes kept per database; the least recently used goes first. */
const MAX_PER_DATABASE = 64;

const byDatabase = new WeakMap<Database, Map<string, unknown>>();

export function preparedOnce<T>(db: Database, key: string, prepare: () => T): T {
  let cache = byDatabase.get(db);
  if (!cache) {
    cache = new Map();
    byDatabase.set(db, cache);
  }
  let statement = cache.get(key) as T | undefined;
  if (statement !== undefined) {
    // Map keeps insertion order: re-inserting marks it the most recently used.
    cache.delete(key);
  } else {
    statement = prepare();
    if (cache.size >= MAX_PER_DATABASE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, statement);
  return statement;
}
