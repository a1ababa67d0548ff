/**
 * The task list's filters as SQL, written once for two ways of running them: as a prepared
 * statement per *shape* (which filters, sort and cursor kind a request has), its values bound
 * per request, or as one statement built with its values (neon-http, whose batch takes
 * statements with their values). The conditions see only the shape; every value comes
 * through `bind`, so a statement prepared for one request is right for every request of the
 * same shape.
 */
import "server-only";
import { eq, ilike, isNull, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { projects, tasks } from "@/db/schema";
import type { ListPosition } from "@/lib/server/tasks/cursor";
import {
  type DueFilter,
  type SortKey,
  type SortOrder,
  type TaskPriority,
  type TaskStatus,
  UPCOMING_DAYS,
} from "@/lib/tasks/model";

export interface TaskFilters {
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

/** What a list statement's SQL depends on; the values it is run with are not part of it. */
export interface ListShape {
  sort: SortKey;
  order: SortOrder;
  status: TaskStatus;
  project: "every" | "inbox" | "named";
  parent: "any" | "top" | "named";
  q: boolean;
  priority: boolean;
  tag: boolean;
  due: DueFilter | "any";
  /** No cursor, a cursor in the null block (tasks without a due date), or after a value. */
  after: "start" | "null" | "value";
}

/** The values a list statement takes, by placeholder name. */
export type ListValues = {
  userId: string;
  limit: number;
  project?: string;
  parent?: string;
  q?: string;
  priority?: TaskPriority;
  tag?: string;
  /** ISO timestamps: the clock and the bounds of the due filters. */
  now?: string;
  dueFrom?: string;
  dueTo?: string;
  zone?: string;
  afterValue?: string;
  afterId?: string;
};

/**
 * A value of the statement by name: a placeholder (`sql.placeholder`) to prepare, or the
 * value itself as a parameter (`sql.param`). Either way no column encoder sees it, so the
 * values are what the driver sends: text, and ISO timestamps cast in SQL.
 */
export type Bind = (name: Exclude<keyof ListValues, "limit">) => SQLWrapper;

const DAY_MS = 86_400_000;

export function shapeOf(options: ListOptions): ListShape {
  const { project, parent, after } = options;
  return {
    sort: options.sort,
    order: options.order,
    status: options.status ?? "all",
    project: project === undefined ? "every" : project === "inbox" ? "inbox" : "named",
    parent: parent === undefined ? "any" : parent === "none" ? "top" : "named",
    q: Boolean(options.q),
    priority: Boolean(options.priority),
    tag: Boolean(options.tag),
    due: options.due ?? "any",
    after: after === undefined ? "start" : after.value === null ? "null" : "value",
  };
}

/** One string per shape: the prepared statements' cache key. */
export function shapeKey(shape: ListShape): string {
  return [
    shape.sort,
    shape.order,
    shape.status,
    shape.project,
    shape.parent,
    shape.q ? "q" : "",
    shape.priority ? "p" : "",
    shape.tag ? "t" : "",
    shape.due,
    shape.after,
  ].join("|");
}

export function listValues(userId: string, options: ListOptions): ListValues {
  const now = options.now ?? new Date();
  const values: ListValues = {
    userId,
    // One more than asked tells whether another page follows.
    limit: options.limit + 1,
    project: options.project === "inbox" ? undefined : options.project,
    parent: options.parent === "none" ? undefined : options.parent,
    q: options.q ? `%${escapeLike(options.q)}%` : undefined,
    priority: options.priority,
    tag: options.tag,
    now: now.toISOString(),
    afterValue: options.after?.value ?? undefined,
    afterId: options.after?.id,
  };
  if (options.due === "agenda" || options.due === "upcoming") {
    values.zone = options.timeZone ?? "UTC";
  } else if (options.due === "today" || options.due === "week") {
    const offsetMs = (options.utcOffset ?? 0) * 60_000;
    const startOfToday = Math.floor((now.getTime() + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
    const days = options.due === "today" ? 1 : 7;
    values.dueFrom = new Date(startOfToday).toISOString();
    values.dueTo = new Date(startOfToday + days * DAY_MS).toISOString();
  }
  return values;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/* ------------------------------------------------------------- conditions */

/** Not in an archived project: archiving a project takes its tasks out of every other view. */
const notArchived = sql`(${tasks.projectId} is null or not exists (select 1 from ${projects} where ${projects.id} = ${tasks.projectId} and ${projects.archived}))`;

const timestamp = (bind: Bind, name: Parameters<Bind>[0]) => sql`${bind(name)}::timestamptz`;

/** The conditions for the shape's filters; `withStatus: false` for the per-status counts. */
export function filterConditions(shape: ListShape, bind: Bind, withStatus: boolean): SQL[] {
  const conditions: SQL[] = [eq(tasks.userId, bind("userId"))];
  if (shape.project === "every") conditions.push(notArchived);
  else if (shape.project === "inbox") conditions.push(isNull(tasks.projectId));
  else conditions.push(eq(tasks.projectId, bind("project")));
  if (shape.parent === "top") conditions.push(isNull(tasks.parentId));
  else if (shape.parent === "named") conditions.push(eq(tasks.parentId, bind("parent")));
  if (withStatus && shape.status === "active") conditions.push(eq(tasks.completed, false));
  if (withStatus && shape.status === "completed") conditions.push(eq(tasks.completed, true));
  if (shape.q) {
    const pattern = bind("q");
    const inTags = sql`array_to_string(${tasks.tags}, ' ') ilike ${pattern}`;
    conditions.push(
      or(ilike(tasks.title, pattern), ilike(tasks.description, pattern), inTags) as SQL,
    );
  }
  if (shape.priority) conditions.push(eq(tasks.priority, bind("priority")));
  if (shape.tag) conditions.push(sql`${tasks.tags} @> array[${bind("tag")}::text]`);
  if (shape.due !== "any") conditions.push(dueCondition(shape.due, bind));
  return conditions;
}

/**
 * A local day's bounds in the user's zone, computed by PostgreSQL: the start of the day `days`
 * after today (date_trunc in the zone, then calendar days in local time, so a day across a
 * daylight-saving change is 23 or 25 hours long).
 */
function localDayStart(bind: Bind, days: number): SQL {
  const zone = sql`${bind("zone")}::text`;
  const today = sql`date_trunc('day', ${timestamp(bind, "now")}, ${zone})`;
  return sql`((${today} at time zone ${zone}) + make_interval(days => ${sql.raw(String(days))})) at time zone ${zone}`;
}

function dueCondition(due: DueFilter, bind: Bind): SQL {
  switch (due) {
    case "agenda":
      return sql`(not ${tasks.completed} and ${tasks.dueAt} < ${localDayStart(bind, 1)})`;
    case "upcoming":
      return sql`(${tasks.dueAt} >= ${localDayStart(bind, 0)} and ${tasks.dueAt} < ${localDayStart(bind, UPCOMING_DAYS)})`;
    case "overdue":
      return sql`(${tasks.dueAt} < ${timestamp(bind, "now")} and not ${tasks.completed})`;
    case "today":
    case "week":
      return sql`(${tasks.dueAt} >= ${timestamp(bind, "dueFrom")} and ${tasks.dueAt} < ${timestamp(bind, "dueTo")})`;
    case "none":
      return isNull(tasks.dueAt);
  }
}
