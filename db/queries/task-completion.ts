/**
 * Completing and reopening occurrences of repeating tasks, and skipping one. Each function is one
 * statement, atomic on every driver (data-modifying CTEs), and guarded by the state it was
 * computed from: the caller read the task, worked out the next occurrence in the user's zone,
 * and the write applies only if the task is still as read (else it changes nothing, and the
 * caller reads again). So forty parallel completes of one occurrence create one next occurrence.
 */
import "server-only";
import { and, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type TaskRow, tasks } from "@/db/schema";
import { nextUpdatedAt } from "./tasks";

const COLUMNS = getTableColumns(tasks);
type ColumnKey = keyof typeof COLUMNS;

/** Every column of a CTE that returned whole task rows, for a typed selection of it. */
function rowsOf(cte: Record<ColumnKey, unknown>) {
  return Object.fromEntries(
    (Object.keys(COLUMNS) as ColumnKey[]).map((key) => [key, cte[key]]),
  ) as unknown as typeof COLUMNS;
}

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
 * tags, repeat and reminders; the new due date and rule), linked from the completed one. With
 * `next` null the series has ended: the task is completed and nothing follows. Null when the
 * task is no longer as read.
 */
export async function completeOccurrence(
  db: Database,
  userId: string,
  guard: OccurrenceGuard,
  next: NextOccurrenceRow | null,
): Promise<{ done: TaskRow; next: TaskRow | null } | null> {
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
    const [row] = await db.with(done).select(rowsOf(done)).from(done);
    return row ? { done: row, next: null } : null;
  }
  const carried: Partial<Record<ColumnKey, SQL>> = {
    id: sql`${next.id}::uuid`,
    completed: sql`false`,
    completedAt: sql`null`,
    dueAt: sql`${next.dueAt.toISOString()}::timestamptz`,
    repeatRule: sql`${next.repeatRule}::text`,
    reminders: sql`${JSON.stringify(next.reminders)}::jsonb`,
    nextReminderAt: sql`${next.nextReminderAt?.toISOString() ?? null}::timestamptz`,
    remindedThrough: sql`${next.remindedThrough?.toISOString() ?? null}::timestamptz`,
    snoozedUntil: sql`null`,
    reminderLeaseUntil: sql`null`,
    nextOccurrenceId: sql`null`,
    createdAt: sql`now()`,
    updatedAt: sql`now()`,
  };
  // Every column in the table's order (INSERT ... SELECT needs them all): the new values above,
  // the rest carried from the completed occurrence.
  const selection = Object.fromEntries(
    (Object.entries(COLUMNS) as [ColumnKey, (typeof COLUMNS)[ColumnKey]][]).map(([key, column]) => [
      key,
      (carried[key] ?? sql`${sql.identifier("done")}.${sql.identifier(column.name)}`).as(
        column.name,
      ),
    ]),
  );
  const created = db.$with("created").as(
    db
      .insert(tasks)
      // biome-ignore lint/suspicious/noExplicitAny: drizzle types INSERT ... SELECT by the table's own select shape
      .select(db.select(selection).from(done) as any)
      .returning(),
  );
  const [row] = await db
    .with(done, created)
    .select({ done: rowsOf(done), next: rowsOf(created) })
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
): Promise<TaskRow[]> {
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
      .returning({ ...COLUMNS, createdNext: targets.createdNext }),
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
  return db.with(targets, reopened, takenBack).select(rowsOf(reopened)).from(reopened);
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
): Promise<TaskRow | null> {
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
    .returning();
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
