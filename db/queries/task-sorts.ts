/**
 * How the task list sorts: for each sort key the expression ordered by, its text for the
 * keyset cursor (lib/server/tasks/cursor.ts) and the condition for "after this position".
 */
import "server-only";
import { type AnyColumn, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { tasks } from "@/db/schema";
import type { SortKey, SortOrder } from "@/lib/tasks/model";
import type { Bind, ListShape } from "./task-list-shape";

/** A timestamp rendered exactly (microseconds, UTC) for cursors. */
export function exactTimestamp(column: AnyColumn): SQL<string | null> {
  return sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export interface SortSpec {
  /** The expression ordered by. */
  key: SQL;
  /** The same expression rendered as text for the cursor. */
  text: SQL<string | null>;
  /** A cursor value (text) turned back into something comparable with `key`. */
  param(value: SQLWrapper): SQL;
  nullable: boolean;
}

export const SORTS: Record<SortKey, SortSpec> = {
  created: {
    key: sql`${tasks.createdAt}`,
    text: exactTimestamp(tasks.createdAt),
    param: (v) => sql`${v}::timestamptz`,
    nullable: false,
  },
  updated: {
    key: sql`${tasks.updatedAt}`,
    text: exactTimestamp(tasks.updatedAt),
    param: (v) => sql`${v}::timestamptz`,
    nullable: false,
  },
  due: {
    key: sql`${tasks.dueAt}`,
    text: exactTimestamp(tasks.dueAt),
    param: (v) => sql`${v}::timestamptz`,
    nullable: true,
  },
  priority: {
    // The enum orders none < low < medium < high, as declared.
    key: sql`${tasks.priority}`,
    text: sql<string>`${tasks.priority}::text`,
    param: (v) => sql`${v}::task_priority`,
    nullable: false,
  },
  title: {
    key: sql`lower(${tasks.title})`,
    text: sql<string>`lower(${tasks.title})`,
    param: (v) => sql`${v}::text`,
    nullable: false,
  },
  manual: {
    key: sql`${tasks.position}`,
    text: sql<string>`${tasks.position}::text`,
    param: (v) => sql`${v}::numeric`,
    nullable: false,
  },
};

/**
 * Rows strictly after the cursor's position (values `afterValue`, `afterId`) in (key, id)
 * order; tasks without a due date come last.
 */
export function afterCondition(
  spec: SortSpec,
  order: SortOrder,
  after: Exclude<ListShape["after"], "start">,
  bind: Bind,
): SQL {
  const op = sql.raw(order === "asc" ? ">" : "<");
  const id = sql`${bind("afterId")}::uuid`;
  if (after === "null") {
    // Only the null block is left, ordered by id.
    return sql`(${spec.key} is null and ${tasks.id} ${op} ${id})`;
  }
  const beyond = sql`(${spec.key}, ${tasks.id}) ${op} (${spec.param(bind("afterValue"))}, ${id})`;
  return spec.nullable ? sql`(${beyond} or ${spec.key} is null)` : beyond;
}

export function orderBy(spec: SortSpec, order: SortOrder): SQL[] {
  const direction = sql.raw(order);
  return [
    spec.nullable ? sql`${spec.key} ${direction} nulls last` : sql`${spec.key} ${direction}`,
    sql`${tasks.id} ${direction}`,
  ];
}
