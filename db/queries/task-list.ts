/**
 * The task list's reads: one page of the caller's tasks, filtered and sorted with a keyset
 * cursor, and the per-status counts. Every statement is filtered by the caller's user id.
 * Each read is a statement builder plus a reader of its rows, so the route sends both in one
 * round trip (DbHandle.readAll).
 */
import "server-only";
import { and, arrayContains, eq, gte, ilike, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { projects, tasks, user } from "@/db/schema";
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
import { afterCondition, orderBy, SORTS } from "./task-sorts";

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

/**
 * The statement for one page of the caller's tasks, filtered and sorted, after an optional
 * cursor position; toTaskPage() reads its rows. Built apart from running it so the route can
 * send it with the counts in one round trip (DbHandle.readAll).
 */
export function taskPageQuery(db: Database, userId: string, options: ListOptions) {
  const spec = SORTS[options.sort];
  const conditions = filterConditions(userId, options, options.now ?? new Date());
  if (options.after) conditions.push(afterCondition(spec, options.order, options.after));
  return (
    db
      .select({ ...taskRecordColumns, sortValue: spec.text })
      .from(tasks)
      .where(and(...conditions))
      .orderBy(...orderBy(spec, options.order))
      // One more than asked tells whether another page follows.
      .limit(options.limit + 1)
  );
}

type PageRows = Awaited<ReturnType<typeof taskPageQuery>>;

export function toTaskPage(rows: PageRows, options: ListOptions): TaskPage {
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const next =
    rows.length > options.limit && last
      ? { sort: options.sort, order: options.order, value: last.sortValue, id: last.id }
      : null;
  // The rows keep sortValue beside the task's columns (no copy per row); toTask() picks the columns.
  return { tasks: page, next };
}

/** Ids the list names that must be the caller's (else 404, not an empty list). */
interface NamedIds {
  project?: string;
  parent?: string;
}

/** 1 when the row exists, else 0: an int reads the same on every driver, a boolean does not. */
const found = (query: SQL) => sql<number>`(exists (${query}))::int`;

/**
 * The statement for how many tasks match the filters (status aside), per status; toTaskCounts()
 * reads it. It also answers, so that the list costs no further round trip, whether the account
 * still exists (the deleted-account rule, lib/server/http/user-route.ts) and whether a project
 * or parent task the filter names is the caller's.
 */
export function taskCountsQuery(
  db: Database,
  userId: string,
  filters: Omit<TaskFilters, "status"> = {},
  now: Date = new Date(),
) {
  const named = namedIds(filters);
  return db
    .select({
      all: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where not ${tasks.completed}))::int`,
      completed: sql<number>`(count(*) filter (where ${tasks.completed}))::int`,
      account: found(sql`select 1 from ${user} where ${user.id} = ${userId}`),
      ...(named.project === undefined
        ? {}
        : {
            project: found(
              sql`select 1 from ${projects} where ${projects.id} = ${named.project} and ${projects.userId} = ${userId}`,
            ),
          }),
      ...(named.parent === undefined
        ? {}
        : {
            // The inner "tasks" is the subquery's own: a qualified name binds to the nearest FROM.
            parent: found(
              sql`select 1 from ${tasks} where ${tasks.id} = ${named.parent} and ${tasks.userId} = ${userId}`,
            ),
          }),
    })
    .from(tasks)
    .where(and(...filterConditions(userId, { ...filters, status: "all" }, now)));
}

function namedIds(filters: TaskFilters): NamedIds {
  const { project, parent } = filters;
  return {
    project: project === undefined || project === "inbox" ? undefined : project,
    parent: parent === undefined || parent === "none" ? undefined : parent,
  };
}

export interface CountsAnswer {
  counts: TaskCounts;
  accountExists: boolean;
  /** False when the filter named a project or parent that is not the caller's. */
  projectFound: boolean;
  parentFound: boolean;
}

export function toTaskCounts(rows: Awaited<ReturnType<typeof taskCountsQuery>>): CountsAnswer {
  // An aggregate without GROUP BY always answers one row.
  const row = rows[0] as (typeof rows)[number] & { project?: number; parent?: number };
  return {
    counts: {
      all: Number(row?.all ?? 0),
      active: Number(row?.active ?? 0),
      completed: Number(row?.completed ?? 0),
    },
    accountExists: Number(row?.account) === 1,
    projectFound: row?.project === undefined || Number(row.project) === 1,
    parentFound: row?.parent === undefined || Number(row.parent) === 1,
  };
}
