/**
 * The task list's reads: one page of the caller's tasks, filtered and sorted with a keyset
 * cursor, and the per-status counts. Every statement is filtered by the caller's user id.
 */
import "server-only";
import {
  type AnyColumn,
  and,
  arrayContains,
  eq,
  gte,
  ilike,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "@/db";
import { projects, tasks } from "@/db/schema";
import type { ListPosition } from "@/lib/server/tasks/cursor";
import {
  type DueFilter,
  type SortKey,
  type SortOrder,
  type TaskCounts,
  type TaskPriority,
  type TaskStatus,
  UPCOMING_DAYS,
} from "@/lib/tasks/model";
import { type TaskRecord, taskRecordColumns } from "./task-columns";

interface TaskFilters {
  status?: TaskStatus;
  /** A project's id, or "inbox" (no project). Unset: every list, archived projects' aside. */
  project?: string;
  /** "none": top-level tasks only; a task's id: its subtasks. */
  parent?: string;
  q?: string;
  priority?: TaskPriority;
  tag?: string;
  due?: DueFilter;
  /** Minutes ahead of UTC: where "today" starts for the caller (due=today, week). */
  utcOffset?: number;
  /** The user's IANA zone: where "today" starts for due=agenda and due=upcoming. */
  timeZone?: string;
}

interface ListOptions extends TaskFilters {
  sort: SortKey;
  /** The route resolves the sort's default order (DEFAULT_ORDER) before calling. */
  order: SortOrder;
  limit: number;
  /** Continue after this position (from the previous page's `next`). */
  after?: ListPosition;
  /** The clock for the due filters; tests pin it. */
  now?: Date;
}

interface TaskPage {
  tasks: TaskRecord[];
  /** Where the next page starts, or null when this was the last one. */
  next: ListPosition | null;
}

const DAY_MS = 86_400_000;

/** A timestamp rendered exactly (microseconds, UTC) for cursors. */
export function exactTimestamp(column: AnyColumn): SQL<string | null> {
  return sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/* ------------------------------------------------------------- filters */

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Not in an archived project: archiving a project takes its tasks out of every other view. */
const notArchived = sql`(${tasks.projectId} is null or not exists (select 1 from ${projects} where ${projects.id} = ${tasks.projectId} and ${projects.archived}))`;

function placeConditions(filters: TaskFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.project === undefined) conditions.push(notArchived);
  else if (filters.project === "inbox") conditions.push(isNull(tasks.projectId));
  else conditions.push(eq(tasks.projectId, filters.project));
  if (filters.parent === "none") conditions.push(isNull(tasks.parentId));
  else if (filters.parent !== undefined) conditions.push(eq(tasks.parentId, filters.parent));
  return conditions;
}

function filterConditions(userId: string, filters: TaskFilters, now: Date): SQL[] {
  const conditions: SQL[] = [eq(tasks.userId, userId), ...placeConditions(filters)];
  if (filters.status === "active") conditions.push(eq(tasks.completed, false));
  if (filters.status === "completed") conditions.push(eq(tasks.completed, true));
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    const inTags = sql`array_to_string(${tasks.tags}, ' ') ilike ${pattern}`;
    conditions.push(
      or(ilike(tasks.title, pattern), ilike(tasks.description, pattern), inTags) as SQL,
    );
  }
  if (filters.priority) conditions.push(eq(tasks.priority, filters.priority));
  if (filters.tag) conditions.push(arrayContains(tasks.tags, [filters.tag]));
  if (filters.due) conditions.push(dueCondition(filters, filters.due, now));
  return conditions;
}

/**
 * A local day's bounds in the user's zone, computed by PostgreSQL: the start of the day `days`
 * after today (date_trunc in the zone, then calendar days in local time, so a day across a
 * daylight-saving change is 23 or 25 hours long).
 */
function localDayStart(now: Date, zone: string, days: number): SQL {
  const today = sql`date_trunc('day', ${now.toISOString()}::timestamptz, ${zone}::text)`;
  return sql`((${today} at time zone ${zone}::text) + make_interval(days => ${days}::int)) at time zone ${zone}::text`;
}

function dueCondition(filters: TaskFilters, due: DueFilter, now: Date): SQL {
  if (due === "agenda" || due === "upcoming") {
    const zone = filters.timeZone ?? "UTC";
    if (due === "agenda") {
      return and(eq(tasks.completed, false), lt(tasks.dueAt, localDayStart(now, zone, 1))) as SQL;
    }
    return and(
      gte(tasks.dueAt, localDayStart(now, zone, 0)),
      lt(tasks.dueAt, localDayStart(now, zone, UPCOMING_DAYS)),
    ) as SQL;
  }
  const utcOffsetMinutes = filters.utcOffset ?? 0;
  const offsetMs = utcOffsetMinutes * 60_000;
  const startOfToday = new Date(
    Math.floor((now.getTime() + offsetMs) / DAY_MS) * DAY_MS - offsetMs,
  );
  const days = (n: number) => new Date(startOfToday.getTime() + n * DAY_MS);
  switch (due) {
    case "overdue":
      return and(lt(tasks.dueAt, now), eq(tasks.completed, false)) as SQL;
    case "today":
      return and(gte(tasks.dueAt, startOfToday), lt(tasks.dueAt, days(1))) as SQL;
    case "week":
      return and(gte(tasks.dueAt, startOfToday), lt(tasks.dueAt, days(7))) as SQL;
    case "none":
      return isNull(tasks.dueAt);
  }
}

/* ------------------------------------------------------------- sorting */

interface SortSpec {
  /** The expression ordered by. */
  key: SQL;
  /** The same expression rendered as text for the cursor. */
  text: SQL<string | null>;
  /** A cursor value turned back into something comparable with `key`. */
  param(value: string): SQL;
  nullable: boolean;
}

const SORTS: Record<SortKey, SortSpec> = {
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

/** Rows strictly after `after` in (key, id) order; tasks without a due date come last. */
function afterCondition(spec: SortSpec, order: SortOrder, after: ListPosition): SQL {
  const op = sql.raw(order === "asc" ? ">" : "<");
  const id = sql`${after.id}::uuid`;
  if (after.value === null) {
    // Only the null block is left, ordered by id.
    return sql`(${spec.key} is null and ${tasks.id} ${op} ${id})`;
  }
  const beyond = sql`(${spec.key}, ${tasks.id}) ${op} (${spec.param(after.value)}, ${id})`;
  return spec.nullable ? sql`(${beyond} or ${spec.key} is null)` : beyond;
}

function orderBy(spec: SortSpec, order: SortOrder): SQL[] {
  const direction = sql.raw(order);
  return [
    spec.nullable ? sql`${spec.key} ${direction} nulls last` : sql`${spec.key} ${direction}`,
    sql`${tasks.id} ${direction}`,
  ];
}

/** One page of the caller's tasks, filtered and sorted, after an optional cursor position. */
export async function listTasks(
  db: Database,
  userId: string,
  options: ListOptions,
): Promise<TaskPage> {
  const { sort, order } = options;
  const spec = SORTS[sort];
  const conditions = filterConditions(userId, options, options.now ?? new Date());
  if (options.after) conditions.push(afterCondition(spec, order, options.after));
  const rows = await db
    .select({ ...taskRecordColumns, sortValue: spec.text })
    .from(tasks)
    .where(and(...conditions))
    .orderBy(...orderBy(spec, order))
    // One more than asked tells whether another page follows.
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const next =
    rows.length > options.limit && last
      ? { sort, order, value: last.sortValue, id: last.id }
      : null;
  // The rows keep sortValue beside the task's columns (no copy per row); toTask() picks the columns.
  return { tasks: page, next };
}

/** How many tasks match the filters (status aside), per status, in one statement. */
export async function countTasks(
  db: Database,
  userId: string,
  filters: Omit<TaskFilters, "status"> = {},
  now: Date = new Date(),
): Promise<TaskCounts> {
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where not ${tasks.completed}))::int`,
      completed: sql<number>`(count(*) filter (where ${tasks.completed}))::int`,
    })
    .from(tasks)
    .where(and(...filterConditions(userId, { ...filters, status: "all" }, now)));
  return {
    all: Number(row?.all ?? 0),
    active: Number(row?.active ?? 0),
    completed: Number(row?.completed ?? 0),
  };
}
