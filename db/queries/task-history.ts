/**
 * A task's history (db/trash-schema.ts): written by the triggers of drizzle/0007, read here.
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type TaskEventRow, taskEvents, tasks } from "@/db/schema";
import { HISTORY_MAX } from "@/lib/tasks/model";

/**
 * The newest HISTORY_MAX entries of one of the caller's tasks, newest first; null when no such
 * task is the caller's (a trashed task has none until it is restored). One statement when the
 * task has history, which every task has from its creation on.
 */
export async function taskHistory(
  db: Database,
  userId: string,
  taskId: string,
): Promise<TaskEventRow[] | null> {
  const rows = await db
    .select()
    .from(taskEvents)
    .where(
      and(
        eq(taskEvents.userId, userId),
        eq(taskEvents.taskId, taskId),
        sql`exists (select 1 from ${tasks} where ${tasks.id} = ${taskId} and ${tasks.userId} = ${userId})`,
      ),
    )
    .orderBy(desc(taskEvents.id))
    .limit(HISTORY_MAX);
  if (rows.length > 0) return rows;
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.userId, userId)))
    .limit(1);
  return task ? [] : null;
}
