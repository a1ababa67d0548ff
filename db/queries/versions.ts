/**
 * Row versions for optimistic concurrency (ETag / If-Match), for tasks and projects alike: a
 * row's version is its updatedAt in milliseconds (lib/tasks/etag.ts).
 */
import "server-only";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * The next updatedAt of a row being written: now, truncated to the millisecond the API shows,
 * and at least a millisecond past the previous value. So every write yields a new ETag, even
 * two writes in the same millisecond (concurrent updates of a row run one after the other).
 */
export function nextVersion(updatedAt: AnyColumn): SQL {
  return sql`greatest(date_trunc('milliseconds', now()), date_trunc('milliseconds', ${updatedAt}) + interval '1 millisecond')`;
}

/** The If-Match guard: the row's version is one of `versions` (undefined: any version). */
export function versionCondition(
  updatedAt: AnyColumn,
  versions: Date[] | undefined,
): SQL | undefined {
  if (versions === undefined) return undefined;
  if (versions.length === 0) return sql`false`;
  const named = versions.map((v) => sql`${v.toISOString()}::timestamptz`);
  return sql`date_trunc('milliseconds', ${updatedAt}) in (${sql.join(named, sql`, `)})`;
}
