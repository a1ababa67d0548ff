/**
 * The task list's reads: one page of the caller's tasks, filtered and sorted with a keyset
 * cursor, and the per-status counts. Every statement is filtered by the caller's user id.
 * Both are read in one round trip on neon-http (DbHandle.readAll); elsewhere each runs as a
 * statement prepared once per list shape (task-list-shape.ts, prepared.ts).
 */
import "server-only";
import { and, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Database, DbHandle } from "@/db";
import { projects, tasks, user } from "@/db/schema";
import type { ListPosition } from "@/lib/server/tasks/cursor";
import type { TaskCounts } from "@/lib/tasks/model";
import { preparedOnce } from "./prepared";
import { preparedRows } from "./row-decoder";
import { type TaskRecord, taskRecordColumns } from "./task-columns";
import {
  type Bind,
  filterConditions,
  type ListOptions,
  type ListShape,
  listValues,
  shapeKey,
  shapeOf,
} from "./task-list-shape";
import { afterCondition, orderBy, SORTS } from "./task-sorts";

interface TaskPage {
  tasks: TaskRecord[];
  /** Where the next page starts, or null when this was the last one. */
  next: ListPosition | null;
}

/**
 * What a page reads: the task's columns, its subtask counts and the sort key as text (the
 * cursor's value). The expressions are named so that a page can be read from the driver's rows
 * by name (row-decoder.ts).
 */
function pageSelection(shape: ListShape) {
  const { subtasksTotal, subtasksDone, ...columns } = taskRecordColumns;
  return {
    ...columns,
    subtasksTotal: subtasksTotal.as("subtasks_total"),
    subtasksDone: subtasksDone.as("subtasks_done"),
    sortValue: SORTS[shape.sort].text.as("sort_value"),
  };
}

/** The statement for one page of the caller's tasks, filtered and sorted, after the cursor. */
export function pageStatement(
  db: Database,
  shape: ListShape,
  bind: Bind,
  limit: number | Placeholder,
) {
  const spec = SORTS[shape.sort];
  const conditions = filterConditions(shape, bind, true);
  if (shape.after !== "start") {
    conditions.push(afterCondition(spec, shape.order, shape.after, bind));
  }
  return db
    .select(pageSelection(shape))
    .from(tasks)
    .where(and(...conditions))
    .orderBy(...orderBy(spec, shape.order))
    .limit(limit);
}

type PageRows = Awaited<ReturnType<typeof pageStatement>>;

function toTaskPage(rows: PageRows, options: ListOptions): TaskPage {
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const next =
    rows.length > options.limit && last
      ? { sort: options.sort, order: options.order, value: last.sortValue, id: last.id }
      : null;
  // The rows keep sortValue beside the task's columns (no copy per row); toTask() picks the columns.
  return { tasks: page, next };
}

/** 1 when the row exists, else 0: an int reads the same on every driver, a boolean does not. */
const found = (query: SQL) => sql<number>`(exists (${query}))::int`;

/**
 * How many tasks match the filters (status aside), per status. It also answers, so that the list
 * costs no further round trip, whether the account still exists (the deleted-account rule,
 * lib/server/http/user-route.ts) and whether a project or parent task the filter names is the
 * caller's. Named like the page's fields, to be read by name.
 */
function countsSelection(shape: ListShape, bind: Bind) {
  const userId = bind("userId");
  return {
    all: sql<number>`count(*)::int`.as("all"),
    active: sql<number>`(count(*) filter (where not ${tasks.completed}))::int`.as("active"),
    completed: sql<number>`(count(*) filter (where ${tasks.completed}))::int`.as("completed"),
    account: found(sql`select 1 from ${user} where ${user.id} = ${userId}`).as("account"),
    ...(shape.project === "named"
      ? {
          project: found(
            sql`select 1 from ${projects} where ${projects.id} = ${bind("project")} and ${projects.userId} = ${userId}`,
          ).as("project"),
        }
      : {}),
    ...(shape.parent === "named"
      ? {
          // The inner "tasks" is the subquery's own: a qualified name binds to the nearest FROM.
          parent: found(
            sql`select 1 from ${tasks} where ${tasks.id} = ${bind("parent")} and ${tasks.userId} = ${userId}`,
          ).as("parent"),
        }
      : {}),
  };
}

/** The statement for the counts (countsSelection). */
export function countsStatement(db: Database, shape: ListShape, bind: Bind) {
  return db
    .select(countsSelection(shape, bind))
    .from(tasks)
    .where(and(...filterConditions(shape, bind, false)));
}

export interface CountsAnswer {
  counts: TaskCounts;
  accountExists: boolean;
  /** False when the filter named a project or parent that is not the caller's. */
  projectFound: boolean;
  parentFound: boolean;
}

function toTaskCounts(rows: Awaited<ReturnType<typeof countsStatement>>): CountsAnswer {
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

/**
 * One page of the caller's tasks and the counts. On neon-http both go in one batch, built with
 * their values; elsewhere each is prepared once per shape and run with this request's values.
 */
export function readTaskList(
  handle: Pick<DbHandle, "db" | "driver" | "readAll">,
  userId: string,
  options: ListOptions,
): Promise<{ page: TaskPage } & CountsAnswer> {
  const { db } = handle;
  const shape = shapeOf(options);
  const values = listValues(userId, options);
  let reading: Promise<[PageRows, Awaited<ReturnType<typeof countsStatement>>]>;
  if (handle.driver === "neon-http") {
    const value: Bind = (name) => sql.param(values[name]);
    reading = handle.readAll([
      pageStatement(db, shape, value, values.limit),
      countsStatement(db, shape, value),
    ]);
  } else {
    const { page, counts } = preparedOnce(db, shapeKey(shape), () => ({
      // "": unnamed on the wire (prepared.ts). Both read from the driver's rows, not through
      // Drizzle's mapping (row-decoder.ts).
      page: preparedRows(
        pageStatement(db, shape, sql.placeholder, sql.placeholder("limit")).prepare(""),
        pageSelection(shape),
      ),
      counts: preparedRows(
        countsStatement(db, shape, sql.placeholder).prepare(""),
        countsSelection(shape, sql.placeholder),
      ),
    }));
    reading = Promise.all([page(values), counts(values)]);
  }
  // then(), not an async function: one promise fewer per list (see openDbHandle() in db/index.ts).
  return reading.then((rows) => ({
    page: toTaskPage(rows[0], options),
    ...toTaskCounts(rows[1]),
  }));
}
