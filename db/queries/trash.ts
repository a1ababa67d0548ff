/**
 * The trash (db/trash-schema.ts): deleting a task moves its row, with its subtasks, out of
 * `tasks` into `trashed_tasks` in one statement; restoring moves the rows back in one batch.
 * Every statement is filtered by the caller's user id, but the purge, which is scheduled work
 * over every account and filters by age alone.
 */
import "server-only";
import { and, desc, eq, getTableColumns, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database, DbHandle } from "@/db";
import { type TaskRow, taskEvents, tasks, trashedTasks } from "@/db/schema";
import { SUBTASKS_MAX, TRASH_DAYS } from "@/lib/tasks/model";
import { type ColumnKey, copyOf, insertSource, type TaskRecord } from "./task-columns";

/**
 * The CTEs that move the tasks `chosen` names (a parenthesised id list or subquery of the
 * caller's tasks), with their subtasks, to the trash, and record "deleted" in each one's
 * history. Put them in a statement's WITH; `trashGone` returns the rows that left.
 */
export function trashCtes(db: Database, userId: string, chosen: SQL) {
  const trashGone = db.$with("trash_gone").as(
    db
      .delete(tasks)
      .where(
        and(
          eq(tasks.userId, userId),
          or(sql`${tasks.id} in ${chosen}`, sql`${tasks.parentId} in ${chosen}`),
        ),
      )
      .returning(),
  );
  const gone = (column: string) => sql`${sql.identifier("trash_gone")}.${sql.identifier(column)}`;
  const trashIn = db.$with("trash_in").as(
    db
      .insert(trashedTasks)
      .select(
        insertSource(
          db
            .select({
              ...copyOf({}, "trash_gone"),
              // Milliseconds, as the API and the trash's page cursor show it.
              deletedAt: sql`date_trunc('milliseconds', now())`.as("deleted_at"),
              // A subtask deleted with its parent comes back with it.
              trashRootId:
                sql`case when ${gone("parent_id")} in ${chosen} then ${gone("parent_id")} else ${gone("id")} end`.as(
                  "trash_root_id",
                ),
            })
            .from(trashGone),
        ),
      )
      .returning({ id: trashedTasks.id }),
  );
  const trashEvents = db.$with("trash_events").as(
    db
      .insert(taskEvents)
      .select(
        insertSource(
          db
            .select({
              id: sql`nextval(pg_get_serial_sequence('task_events', 'id'))`.as("id"),
              userId: sql`${gone("user_id")}`.as("user_id"),
              taskId: sql`${gone("id")}`.as("task_id"),
              kind: sql`'deleted'`.as("kind"),
              changes: sql`'{}'::jsonb`.as("changes"),
              at: sql`now()`.as("at"),
            })
            .from(trashGone),
        ),
      )
      .returning({ id: taskEvents.id }),
  );
  return [trashGone, trashIn, trashEvents] as const;
}

/** Parenthesised uuids for trashCtes. */
export function idList(ids: readonly string[]): SQL {
  return sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** A page of the trash: what the person deleted, newest first, with its subtasks' counts. */
export interface TrashPosition {
  deletedAt: Date;
  id: string;
}

const isRoot = sql`${trashedTasks.id} = ${trashedTasks.trashRootId}`;
const subtasksOfEntry = (done: boolean) =>
  sql<number>`(select count(*)::int from "trashed_tasks" "sub" where "sub"."trash_root_id" = "trashed_tasks"."id" and "sub"."id" <> "sub"."trash_root_id"${done ? sql` and "sub"."completed"` : sql``})`;

export async function listTrash(
  db: Database,
  userId: string,
  limit: number,
  after?: TrashPosition,
): Promise<(TaskRecord & { deletedAt: Date })[]> {
  const { deletedAt: _deletedAt, trashRootId: _root, ...columns } = getTableColumns(trashedTasks);
  return db
    .select({
      ...columns,
      deletedAt: trashedTasks.deletedAt,
      subtasksTotal: subtasksOfEntry(false),
      subtasksDone: subtasksOfEntry(true),
    })
    .from(trashedTasks)
    .where(
      and(
        eq(trashedTasks.userId, userId),
        isRoot,
        after
          ? sql`(${trashedTasks.deletedAt}, ${trashedTasks.id}) < (${after.deletedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(trashedTasks.deletedAt), desc(trashedTasks.id))
    .limit(limit);
}

/** The reminders of an entry's rows, for their schedule from the moment of a restore. */
export async function entryReminders(
  db: Database,
  userId: string,
  rootId: string,
): Promise<Pick<TaskRow, "id" | "reminders" | "dueAt">[]> {
  return db
    .select({ id: trashedTasks.id, reminders: trashedTasks.reminders, dueAt: trashedTasks.dueAt })
    .from(trashedTasks)
    .where(
      and(
        eq(trashedTasks.userId, userId),
        eq(trashedTasks.trashRootId, rootId),
        sql`jsonb_array_length(${trashedTasks.reminders}) > 0`,
      ),
    );
}

/** A row's reminder columns as restored (lib/server/tasks/planning.ts, reminderSchedule). */
export type RestoredSchedule = Pick<TaskRow, "nextReminderAt" | "remindedThrough">;

/**
 * Puts an entry back, with the subtasks that went with it, as they were: same id, fields,
 * place. Its project if that still exists (else the Inbox); a subtask's parent if that is
 * still a top-level task with room for it (else it comes back on its own). Reminders take
 * `schedules` (by row id: from now on, so none that fell due in the trash is sent late; a row
 * without reminders has none). One batch: the rows return and leave the trash together, and
 * the history trigger records "restored" (it sees the rows still in the trash). False when
 * the entry is not in the caller's trash.
 */
export async function restoreEntry(
  handle: Pick<DbHandle, "batch">,
  userId: string,
  rootId: string,
  schedules: ReadonlyMap<string, RestoredSchedule>,
): Promise<boolean> {
  const t = (column: string) => sql`"trashed_tasks".${sql.identifier(column)}`;
  const byRow = (pick: (schedule: RestoredSchedule) => Date | null) =>
    schedules.size === 0
      ? sql`null`
      : sql`case ${t("id")} ${sql.join(
          [...schedules].map(
            ([id, schedule]) =>
              sql`when ${id}::uuid then ${pick(schedule)?.toISOString() ?? null}::timestamptz`,
          ),
          sql` `,
        )} end`;
  const carried: Partial<Record<ColumnKey, SQL>> = {
    projectId: sql`case when exists (select 1 from "projects" "p" where "p"."id" = ${t("project_id")} and "p"."user_id" = ${userId}) then ${t("project_id")} end`,
    parentId: sql`case when ${t("id")} <> ${t("trash_root_id")} or exists (select 1 from "tasks" "p" where "p"."id" = ${t("parent_id")} and "p"."user_id" = ${userId} and "p"."parent_id" is null and (select count(*) from "tasks" "c" where "c"."parent_id" = "p"."id") < ${SUBTASKS_MAX}) then ${t("parent_id")} end`,
    // A file imported again while this was away now holds the key: the restored row lets go.
    importKey: sql`case when exists (select 1 from "tasks" "k" where "k"."user_id" = ${userId} and "k"."import_key" = ${t("import_key")}) then null else ${t("import_key")} end`,
    nextReminderAt: byRow((schedule) => schedule.nextReminderAt),
    remindedThrough: byRow((schedule) => schedule.remindedThrough),
    snoozedUntil: sql`null`,
    reminderLeaseUntil: sql`null`,
    updatedAt: sql`date_trunc('milliseconds', now())`,
  };
  const entry = and(eq(trashedTasks.userId, userId), eq(trashedTasks.trashRootId, rootId));
  const [inserted] = (await handle.batch((tx) => [
    tx
      .insert(tasks)
      .select(
        insertSource(tx.select(copyOf(carried, "trashed_tasks")).from(trashedTasks).where(entry)),
      )
      .onConflictDoNothing({ target: tasks.id })
      .returning({ id: tasks.id }),
    tx.delete(trashedTasks).where(entry),
  ])) as [{ id: string }[], unknown];
  return inserted.length > 0;
}

/**
 * Deletes entries for good with their history: one entry (`rootId`), or the whole trash.
 * Answers how many tasks went.
 */
export async function deleteForever(
  db: Database,
  userId: string,
  rootId?: string,
): Promise<number> {
  return purgeWhere(
    db,
    and(
      eq(trashedTasks.userId, userId),
      rootId === undefined ? undefined : eq(trashedTasks.trashRootId, rootId),
    ) as SQL,
  );
}

/** Scheduled work: every entry deleted more than TRASH_DAYS before `now`, for every account. */
export async function purgeTrash(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000);
  return purgeWhere(db, lt(trashedTasks.deletedAt, cutoff));
}

async function purgeWhere(db: Database, where: SQL): Promise<number> {
  const purged = db
    .$with("purged")
    .as(
      db
        .delete(trashedTasks)
        .where(where)
        .returning({ id: trashedTasks.id, userId: trashedTasks.userId }),
    );
  const history = db
    .$with("history")
    .as(
      db
        .delete(taskEvents)
        .where(
          sql`(${taskEvents.userId}, ${taskEvents.taskId}) in (select "user_id", "id" from "purged")`,
        )
        .returning({ id: taskEvents.id }),
    );
  const [row] = await db
    .with(purged, history)
    .select({ count: sql<number>`count(*)::int` })
    .from(purged);
  return Number(row?.count ?? 0);
}
