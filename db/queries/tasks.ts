/**
 * Every read of one task and every write of tasks. Each function takes the caller's user id and
 * every statement is filtered by it, so no code path can reach another user's task. Each write
 * is one statement (neon-http has no interactive transactions), atomic on every driver.
 */
import "server-only";
import { and, eq, getTableColumns, inArray, isNull, not, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type TaskRow, tasks } from "@/db/schema";
import type { BulkAction } from "@/lib/tasks/model";
import { rowsOf, subtaskCounts, type TaskRecord, taskRecordColumns } from "./task-columns";
import { idList, trashCtes } from "./trash";
import { nextVersion, versionCondition } from "./versions";

/** The next updatedAt of a task being written (see versions.ts). */
export const nextUpdatedAt = nextVersion(tasks.updatedAt);

/**
 * Plain tasks: neither repeating nor an occurrence that created another. Their completion is
 * one statement here; the others go through lib/server/tasks/occurrences.ts.
 */
const isPlainTask = and(isNull(tasks.repeatRule), isNull(tasks.nextOccurrenceId)) as SQL;

export async function getTask(
  db: Database,
  userId: string,
  id: string,
): Promise<TaskRecord | null> {
  const [row] = await db
    .select(taskRecordColumns)
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
    .limit(1);
  return row ?? null;
}

/* -------------------------------------------------------------- writes */

/**
 * The columns a create or a replace writes, as lib/server/tasks/planning.ts derives them from
 * the request (the repeat normalised, the next reminder's moment). A write also ends any snooze
 * and any dispatcher's claim: the reminders start over from the new fields.
 */
export type TaskFields = Pick<
  TaskRow,
  | "title"
  | "description"
  | "priority"
  | "dueAt"
  | "tags"
  | "repeatRule"
  | "repeatFrom"
  | "reminders"
  | "nextReminderAt"
  | "remindedThrough"
> &
  /* Where it is: omitted, a create puts it in the Inbox at the top level and a replace leaves it. */
  Partial<Pick<TaskRow, "projectId" | "parentId">>;

function editableFields(fields: TaskFields) {
  return { ...fields, snoozedUntil: null, reminderLeaseUntil: null };
}

export async function createTask(
  db: Database,
  userId: string,
  input: TaskFields,
): Promise<TaskRecord> {
  const [row] = await db
    .insert(tasks)
    .values({ ...editableFields(input), userId })
    // A task just made has no subtasks.
    .returning({
      ...getTableColumns(tasks),
      subtasksTotal: sql<number>`0`,
      subtasksDone: sql<number>`0`,
    });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export type WriteResult =
  | { status: "ok"; task: TaskRecord }
  | { status: "not_found" }
  | { status: "precondition_failed"; task: TaskRecord };

/**
 * Why a guarded write changed nothing: the task is not the caller's (or gone), or its version
 * is not one the caller named. Only asked after the write itself, which was atomic.
 */
async function explainMiss(db: Database, userId: string, id: string): Promise<WriteResult> {
  const task = await getTask(db, userId, id);
  return task ? { status: "precondition_failed", task } : { status: "not_found" };
}

/**
 * PUT: replaces the editable fields. With `versions` (from If-Match) the version check sits in
 * the UPDATE's own WHERE, so a concurrent write in between cannot slip past it.
 */
export async function replaceTask(
  db: Database,
  userId: string,
  id: string,
  input: TaskFields,
  versions?: Date[],
): Promise<WriteResult> {
  const [row] = await db
    .update(tasks)
    .set({ ...editableFields(input), updatedAt: nextUpdatedAt })
    .where(
      and(eq(tasks.id, id), eq(tasks.userId, userId), versionCondition(tasks.updatedAt, versions)),
    )
    .returning(taskRecordColumns);
  return row ? { status: "ok", task: row } : explainMiss(db, userId, id);
}

type DeleteResult = { status: "ok" } | Exclude<WriteResult, { status: "ok" }>;

/** DELETE: moves the task, with its subtasks, to the trash (db/queries/trash.ts). */
export async function deleteTask(
  db: Database,
  userId: string,
  id: string,
  versions?: Date[],
): Promise<DeleteResult> {
  const chosen = sql`(${db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(eq(tasks.id, id), eq(tasks.userId, userId), versionCondition(tasks.updatedAt, versions)),
    )})`;
  const ctes = trashCtes(db, userId, chosen);
  const [row] = await db
    .with(...ctes)
    .select({ id: ctes[0].id })
    .from(ctes[0])
    .where(eq(ctes[0].id, id));
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

/** What PATCH complete's first statement found (see setCompleted). */
export type CompletionAttempt =
  | { applied: true; task: TaskRecord }
  /** The task is not plain: left as it was, and here as it is, for occurrences.ts. */
  | { applied: false; task: TaskRecord }
  | null;

/**
 * PATCH complete of a plain task: sets `completed`, or flips it when undefined, in one
 * statement (`completed = not completed`), so concurrent toggles never lose one. A task that is
 * not plain (a repeating task or an occurrence) is not changed but answered as it is, by the
 * same statement, so that lib/server/tasks/occurrences.ts need not read it again: a repeating
 * completion costs two round trips, not three. Null when the task is not the caller's.
 */
export async function setCompleted(
  db: Database,
  userId: string,
  id: string,
  completed?: boolean,
): Promise<CompletionAttempt> {
  const mine = and(eq(tasks.id, id), eq(tasks.userId, userId));
  const changed = db
    .$with("changed")
    .as(
      db.update(tasks).set(completionChange(completed)).where(and(mine, isPlainTask)).returning(),
    );
  // The second select reads the row as it was before the update: it answers only when the
  // update changed nothing. Both sides select the same columns in the same order; the union
  // is a second CTE because PostgreSQL wants the data-modifying WITH at the top level.
  const counts = (from: string) => {
    const { subtasksTotal, subtasksDone } = subtaskCounts(from);
    return { subtasksTotal: subtasksTotal.as("total"), subtasksDone: subtasksDone.as("done") };
  };
  const asItIs = db
    .select({
      ...getTableColumns(tasks),
      ...counts("tasks"),
      applied: sql<number>`0`.as("applied"),
    })
    .from(tasks)
    .where(and(mine, sql`not exists (select 1 from ${changed})`));
  const answer = db.$with("answer").as(
    db
      .select({ ...rowsOf(changed), ...counts("changed"), applied: sql<number>`1`.as("applied") })
      .from(changed)
      // drizzle types a CTE's columns as never in a set operation; the shapes are equal.
      .unionAll(asItIs as never),
  );
  const [row] = await db.with(changed, answer).select().from(answer);
  if (!row) return null;
  const { applied, ...task } = row;
  return { applied: Number(applied) === 1, task } as CompletionAttempt;
}

/**
 * One action on many of the caller's tasks, in one statement; returns the ids it touched.
 * Completing and reopening touch plain tasks only (see setCompleted).
 */
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
      ? await trashed(db, userId, unique)
      : await db
          .update(tasks)
          .set(completionChange(action === "complete"))
          .where(and(where, isPlainTask))
          .returning({ id: tasks.id });
  return rows.map((row) => row.id);
}

/** Bulk delete: the named tasks (and their subtasks) to the trash; returns the named ones. */
async function trashed(db: Database, userId: string, ids: string[]): Promise<{ id: string }[]> {
  const ctes = trashCtes(db, userId, idList(ids));
  return db
    .with(...ctes)
    .select({ id: ctes[0].id })
    .from(ctes[0])
    .where(inArray(ctes[0].id, ids));
}
