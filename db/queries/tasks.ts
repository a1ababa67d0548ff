/**
 * Every read and write of tasks. Each function takes the caller's user id and every statement
 * is filtered by it, so no code path can reach another user's task. Each write is one
 * statement (neon-http has no interactive transactions), atomic on every driver.
 */
import "server-only";
import {
  type AnyColumn,
  and,
  arrayContains,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  not,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "@/db";
import { type TaskRow, tasks } from "@/db/schema";
import type { ListPosition } from "@/lib/server/tasks/cursor";
import type {
  BulkAction,
  DueFilter,
  SortKey,
  SortOrder,
  TaskCounts,
  TaskPriority,
  TaskStatus,
} from "@/lib/tasks/model";
import type { TaskInputParsed } from "@/lib/validation/tasks";

export interface TaskFilters {
  status?: TaskStatus;
  q?: string;
  priority?: TaskPriority;
  tag?: string;
  due?: DueFilter;
  /** Minutes ahead of UTC: where "today" starts for the caller. */
  utcOffset?: number;
}

export interface ListOptions extends TaskFilters {
  sort: SortKey;
  /** The route resolves the sort's default order (DEFAULT_ORDER) before calling. */
  order: SortOrder;
  limit: number;
  /** Continue after this position (from the previous page's `next`). */
  after?: ListPosition;
  /** The clock for the due filters; tests pin it. */
  now?: Date;
}

export interface TaskPage {
  tasks: TaskRow[];
  /** Where the next page starts, or null when this was the last one. */
  next: ListPosition | null;
}

const DAY_MS = 86_400_000;

/**
 * The next updatedAt of a row being written: now, truncated to the millisecond the API shows,
 * and at least a millisecond past the previous value. So every write yields a new ETag, even
 * two writes in the same millisecond (concurrent updates of a row run one after the other).
 */
const nextUpdatedAt = sql`greatest(date_trunc('milliseconds', now()), date_trunc('milliseconds', ${tasks.updatedAt}) + interval '1 millisecond')`;

/** A timestamp rendered exactly (microseconds, UTC) for cursors. */
function exactTimestamp(column: AnyColumn): SQL<string | null> {
  return sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/* ------------------------------------------------------------- filters */

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterConditions(userId: string, filters: TaskFilters, now: Date): SQL[] {
  const conditions: SQL[] = [eq(tasks.userId, userId)];
  if (filters.status === "active") conditions.push(eq(tasks.completed, false));
  if (filters.status === "completed") conditions.push(eq(tasks.completed, true));
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(or(ilike(tasks.title, pattern), ilike(tasks.description, pattern)) as SQL);
  }
  if (filters.priority) conditions.push(eq(tasks.priority, filters.priority));
  if (filters.tag) conditions.push(arrayContains(tasks.tags, [filters.tag]));
  if (filters.due) conditions.push(dueCondition(filters.due, now, filters.utcOffset ?? 0));
  return conditions;
}

function dueCondition(due: DueFilter, now: Date, utcOffsetMinutes: number): SQL {
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

/* --------------------------------------------------------------- reads */

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
    .select({ ...getTableColumns(tasks), sortValue: spec.text })
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

export async function getTask(db: Database, userId: string, id: string): Promise<TaskRow | null> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
    .limit(1);
  return row ?? null;
}

/* -------------------------------------------------------------- writes */

function editableFields(input: TaskInputParsed) {
  return {
    title: input.title,
    description: input.description,
    priority: input.priority,
    dueAt: input.dueAt === null ? null : new Date(input.dueAt),
    tags: input.tags,
  };
}

export async function createTask(
  db: Database,
  userId: string,
  input: TaskInputParsed,
): Promise<TaskRow> {
  const [row] = await db
    .insert(tasks)
    .values({ ...editableFields(input), userId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export type WriteResult =
  | { status: "ok"; task: TaskRow }
  | { status: "not_found" }
  | { status: "precondition_failed"; task: TaskRow };

/**
 * Why a guarded write changed nothing: the task is not the caller's (or gone), or its version
 * is not one the caller named. Only asked after the write itself, which was atomic.
 */
async function explainMiss(db: Database, userId: string, id: string): Promise<WriteResult> {
  const task = await getTask(db, userId, id);
  return task ? { status: "precondition_failed", task } : { status: "not_found" };
}

/** The If-Match guard: the row's version is one of `versions` (undefined: any version). */
function versionCondition(versions: Date[] | undefined): SQL | undefined {
  if (versions === undefined) return undefined;
  if (versions.length === 0) return sql`false`;
  const named = versions.map((v) => sql`${v.toISOString()}::timestamptz`);
  return sql`date_trunc('milliseconds', ${tasks.updatedAt}) in (${sql.join(named, sql`, `)})`;
}

/**
 * PUT: replaces the editable fields. With `versions` (from If-Match) the version check sits in
 * the UPDATE's own WHERE, so a concurrent write in between cannot slip past it.
 */
export async function replaceTask(
  db: Database,
  userId: string,
  id: string,
  input: TaskInputParsed,
  versions?: Date[],
): Promise<WriteResult> {
  const [row] = await db
    .update(tasks)
    .set({ ...editableFields(input), updatedAt: nextUpdatedAt })
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId), versionCondition(versions)))
    .returning();
  return row ? { status: "ok", task: row } : explainMiss(db, userId, id);
}

export type DeleteResult = { status: "ok" } | Exclude<WriteResult, { status: "ok" }>;

export async function deleteTask(
  db: Database,
  userId: string,
  id: string,
  versions?: Date[],
): Promise<DeleteResult> {
  const [row] = await db
    .delete(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId), versionCondition(versions)))
    .returning({ id: tasks.id });
  return row ? { status: "ok" } : explainMiss(db, userId, id);
}

/** The SET clause for completing (true), reopening (false) or toggling (undefined) tasks. */
function completionChange(completed: boolean | undefined) {
  // Right-hand sides see the row as it was before this UPDATE.
  if (completed === undefined) {
    return {
      completed: not(tasks.completed),
      completedAt: sql`case when ${tasks.completed} then null else now() end`,
      updatedAt: nextUpdatedAt,
    };
  }
  return {
    completed,
    // Completing a completed task keeps the moment it was first completed.
    completedAt: completed
      ? sql`case when ${tasks.completed} then ${tasks.completedAt} else now() end`
      : null,
    updatedAt: nextUpdatedAt,
  };
}

/**
 * PATCH complete: sets `completed`, or flips it when undefined, in one statement
 * (`completed = not completed`), so concurrent toggles never lose one.
 */
export async function setCompleted(
  db: Database,
  userId: string,
  id: string,
  completed?: boolean,
): Promise<TaskRow | null> {
  const [row] = await db
    .update(tasks)
    .set(completionChange(completed))
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
    .returning();
  return row ?? null;
}

/** One action on many of the caller's tasks, in one statement; returns the ids it touched. */
export async function bulkUpdate(
  db: Database,
  userId: string,
  action: BulkAction,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const where = and(eq(tasks.userId, userId), inArray(tasks.id, unique));
  const rows =
    action === "delete"
      ? await db.delete(tasks).where(where).returning({ id: tasks.id })
      : await db
          .update(tasks)
          .set(completionChange(action === "complete"))
          .where(where)
          .returning({ id: tasks.id });
  return rows.map((row) => row.id);
}
