/**
 * Completing and reopening occurrences of repeating tasks, and skipping one. Each function is one
 * statement, atomic on every driver (data-modifying CTEs), and guarded by the state it was
 * computed from: the caller read the task, worked out the next occurrence in the user's zone,
 * and the write applies only if the task is still as read (else it changes nothing, and the
 * caller reads again). So forty parallel completes of one occurrence create one next occurrence.
 */
import "server-only";
import { and, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { type TaskRow, taskEvents, tasks } from "@/db/schema";
import {
  type ColumnKey,
  copyOf,
  insertSource,
  rowsOf,
  subtaskCounts,
  type TaskRecord,
  taskRecordColumns,
} from "./task-columns";
import { nextUpdatedAt } from "./tasks";

/** The task as it was read: the write applies only while it still is. */
export interface OccurrenceGuard {
  id: string;
  dueAt: Date;
  repeatRule: string;
}

/** The occurrence to create: computed in the user's zone by lib/server/tasks/occurrences.ts. */
export interface NextOccurrenceRow {
  id: string;
  dueAt: Date;
  repeatRule: string;
  reminders: TaskRow["reminders"];
  nextReminderAt: Date | null;
  remindedThrough: Date | null;
}

function isAsRead(userId: string, guard: OccurrenceGuard): SQL {
  return and(
    eq(tasks.id, guard.id),
    eq(tasks.userId, userId),
    eq(tasks.completed, false),
    eq(tasks.dueAt, guard.dueAt),
    eq(tasks.repeatRule, guard.repeatRule),
  ) as SQL;
}

const stopReminders = { nextReminderAt: null, reminderLeaseUntil: null, snoozedUntil: null };

/**
 * Completes an open occurrence and creates the next one (same title, description, priority,
 * tags, repeat and reminders; the new due date and rule), linked from the completed one, with
 * its subtasks back open (due dates moved on by the same step; their own repeats and reminders
 * are not carried). With `next` null the series has ended: the task is completed and nothing
 * follows. Null when the task is no longer as read.
 */
export async function completeOccurrence(
  db: Database,
  userId: string,
  guard: OccurrenceGuard,
  next: NextOccurrenceRow | null,
): Promise<{ done: TaskRecord; next: TaskRecord | null } | null> {
  const done = db.$with("done").as(
    db
      .update(tasks)
      .set({
        completed: true,
        completedAt: sql`now()`,
        updatedAt: nextUpdatedAt,
        nextOccurrenceId: next?.id ?? null,
        ...stopReminders,
      })
      .where(isAsRead(userId, guard))
      .returning(),
  );
  if (!next) {
    const [row] = await db
      .with(done)
      .select({ ...rowsOf(done), ...subtaskCounts("done") })
      .from(done);
    return row ? { done: row, next: null } : null;
  }
  const nextId = sql`${next.id}::uuid`;
  const nextDue = sql`${next.dueAt.toISOString()}::timestamptz`;
  const fresh: Partial<Record<ColumnKey, SQL>> = {
    completed: sql`false`,
    completedAt: sql`null`,
    snoozedUntil: sql`null`,
    reminderLeaseUntil: sql`null`,
    nextOccurrenceId: sql`null`,
    // An import's key names the row it imported; a copy of it would break the unique index.
    importKey: sql`null`,
    createdAt: sql`now()`,
    updatedAt: sql`now()`,
  };
  const nextRow = db
    .select(
      copyOf(
        {
          ...fresh,
          id: nextId,
          dueAt: nextDue,
          repeatRule: sql`${next.repeatRule}::text`,
          reminders: sql`${JSON.stringify(next.reminders)}::jsonb`,
          nextReminderAt: sql`${next.nextReminderAt?.toISOString() ?? null}::timestamptz`,
          remindedThrough: sql`${next.remindedThrough?.toISOString() ?? null}::timestamptz`,
        },
        "done",
      ),
    )
    .from(done);
  const created = db
    .$with("created")
    .as(db.insert(tasks).select(insertSource(nextRow)).returning());
  const source = alias(tasks, "source");
  const subtaskRows = db
    .select(
      copyOf(
        {
          ...fresh,
          id: sql`gen_random_uuid()`,
          parentId: nextId,
          dueAt: sql`${source.dueAt} + (${nextDue} - ${done.dueAt})`,
          repeatRule: sql`null`,
          repeatFrom: sql`null`,
          reminders: sql`'[]'::jsonb`,
          nextReminderAt: sql`null`,
          remindedThrough: sql`null`,
        },
        "source",
      ),
    )
    .from(source)
    .innerJoin(done, eq(source.parentId, done.id));
  const copied = db
    .$with("copied")
    .as(db.insert(tasks).select(insertSource(subtaskRows)).returning({ id: tasks.id }));
  const [row] = await db
    .with(done, created, copied)
    .select({
      done: { ...rowsOf(done), ...subtaskCounts("done") },
      next: {
        ...rowsOf(created),
        subtasksTotal: sql<number>`(select count(*)::int from ${copied})`,
        subtasksDone: sql<number>`0`,
      },
    })
    .from(done)
    .leftJoin(created, sql`true`);
  return row ? { done: row.done, next: row.next } : null;
}

/**
 * Reopens completed tasks. An occurrence that had created the next one takes it back if nobody
 * has touched it since (still open, never updated): reopening within the undo window leaves no
 * extra copy. Returns the reopened rows.
 */
export async function reopenTasks(
  db: Database,
  userId: string,
  ids: readonly string[],
): Promise<TaskRecord[]> {
  const targets = db.$with("targets").as(
    db
      // Aliased: the UPDATE below returns both this and the task's own next_occurrence_id.
      .select({
        id: tasks.id,
        createdNext: sql<string | null>`${tasks.nextOccurrenceId}`.as("created_next"),
      })
      .from(tasks)
      .where(and(eq(tasks.userId, userId), inArray(tasks.id, [...ids]), eq(tasks.completed, true))),
  );
  const reopened = db.$with("reopened").as(
    db
      .update(tasks)
      .set({
        completed: false,
        completedAt: null,
        nextOccurrenceId: null,
        updatedAt: nextUpdatedAt,
      })
      .from(targets)
      .where(and(eq(tasks.id, targets.id), eq(tasks.userId, userId), eq(tasks.completed, true)))
      .returning({ ...getTableColumns(tasks), createdNext: targets.createdNext }),
  );
  const takenBack = db.$with("taken_back").as(
    db
      .delete(tasks)
      .where(
        and(
          eq(tasks.userId, userId),
          inArray(tasks.id, db.select({ id: reopened.createdNext }).from(reopened)),
          eq(tasks.completed, false),
          eq(tasks.updatedAt, tasks.createdAt),
        ),
      )
      .returning({ id: tasks.id }),
  );
  // Taken back, the occurrence never was: its history ("created") goes with it.
  const takenBackHistory = db.$with("taken_back_history").as(
    db
      .delete(taskEvents)
      .where(
        and(
          eq(taskEvents.userId, userId),
          inArray(taskEvents.taskId, db.select({ id: takenBack.id }).from(takenBack)),
        ),
      )
      .returning({ id: taskEvents.id }),
  );
  return db
    .with(targets, reopened, takenBack, takenBackHistory)
    .select({ ...rowsOf(reopened), ...subtaskCounts("reopened") })
    .from(reopened);
}

/**
 * Skips an open occurrence: it moves to the next date without being completed. Null when the
 * task is no longer as read.
 */
export async function skipOccurrence(
  db: Database,
  userId: string,
  guard: OccurrenceGuard,
  next: Omit<NextOccurrenceRow, "id">,
): Promise<TaskRecord | null> {
  const [row] = await db
    .update(tasks)
    .set({
      dueAt: next.dueAt,
      repeatRule: next.repeatRule,
      reminders: next.reminders,
      nextReminderAt: next.nextReminderAt,
      remindedThrough: next.remindedThrough,
      reminderLeaseUntil: null,
      snoozedUntil: null,
      updatedAt: nextUpdatedAt,
    })
    .where(isAsRead(userId, guard))
    .returning(taskRecordColumns);
  return row ?? null;
}

/** The caller's open, repeating tasks among `ids`, as read before completing them in bulk. */
export function openRepeatingTasks(
  db: Database,
  userId: string,
  ids: readonly string[],
): Promise<TaskRow[]> {
  return db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.userId, userId),
        inArray(tasks.id, [...ids]),
        eq(tasks.completed, false),
        sql`${tasks.repeatRule} is not null`,
      ),
    );
}
