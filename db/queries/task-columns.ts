/**
 * What a task answer is read with: the row's columns and its subtask counts. Every query that
 * returns tasks to the API selects (or returns) `taskRecordColumns`, so the counts come in the
 * same statement as the task, never as a second round trip.
 */
import "server-only";
import { getTableColumns, sql } from "drizzle-orm";
import { type TaskRow, tasks } from "@/db/schema";

/** A task row as the API answers it: the columns, and how many subtasks it has (and done). */
export type TaskRecord = TaskRow & { subtasksTotal: number; subtasksDone: number };

/**
 * The subtask counts of each row of `from` (the tasks table, or a CTE of task rows). Written
 * with explicit names: drizzle leaves columns unqualified in a one-table select, and inside
 * the subquery an unqualified "id" would be the subtask's own.
 */
export function subtaskCounts(from: string) {
  const parent = sql`${sql.identifier(from)}."id"`;
  return {
    subtasksTotal: sql<number>`(select count(*)::int from "tasks" "subtask" where "subtask"."parent_id" = ${parent})`,
    subtasksDone: sql<number>`(select count(*)::int from "tasks" "subtask" where "subtask"."parent_id" = ${parent} and "subtask"."completed")`,
  };
}

export const taskRecordColumns = { ...getTableColumns(tasks), ...subtaskCounts("tasks") };
