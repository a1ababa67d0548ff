/**
 * The trash and each task's history (lib/server/trash/, db/queries/trash.ts, task-history.ts).
 * Part of db/schema.ts, which drizzle-kit reads: imports stay relative.
 */
import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { TASK_EVENT_KINDS, type TaskEventKind } from "../lib/tasks/model";
import { user } from "./auth-schema";
import { taskColumns } from "./task-schema";

/**
 * Deleted tasks, kept TRASH_DAYS: the row exactly as it left `tasks` (same columns, same id),
 * so restoring puts it back with its project, parent and place. The live tables never see a
 * trashed row, so no list, count, reminder or feed has to filter it out.
 */
export const trashedTasks = pgTable(
  "trashed_tasks",
  {
    ...taskColumns(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
    /** The task the person deleted: itself, or for a subtask that went with it, its parent. */
    trashRootId: uuid("trash_root_id").notNull(),
  },
  (t) => [
    index("trashed_tasks_user_deleted_idx").on(t.userId, t.deletedAt, t.id),
    index("trashed_tasks_root_idx").on(t.trashRootId),
    // The purge's scan: entries past their time.
    index("trashed_tasks_deleted_idx").on(t.deletedAt),
  ],
);

/**
 * What happened to each task, written by triggers on `tasks` in the statement that changed it
 * (drizzle/0007_trash_history.sql), so no writer can change a task without its entry. No
 * foreign key to the task: a trashed task keeps its history, and restoring it continues it.
 */
export const taskEvents = pgTable(
  "task_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").notNull(),
    kind: text("kind").$type<TaskEventKind>().notNull(),
    /** Field name (the API's) -> [before, after], for the fields the change touched. */
    changes: jsonb("changes")
      .$type<Record<string, [unknown, unknown]>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A task's history newest first; also the purge's and the account cascade's lookups.
    index("task_events_user_task_idx").on(t.userId, t.taskId, t.id),
    check(
      "task_events_kind",
      sql`${t.kind} in (${sql.raw(TASK_EVENT_KINDS.map((k) => `'${k}'`).join(", "))})`,
    ),
  ],
);

export type TrashedTaskRow = typeof trashedTasks.$inferSelect;
export type TaskEventRow = typeof taskEvents.$inferSelect;
