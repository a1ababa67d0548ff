/**
 * What a task answer is read with: the row's columns and its subtask counts. Every query that
 * returns tasks to the API selects (or returns) `taskRecordColumns`, so the counts come in the
 * same statement as the task, never as a second round trip.
 */
import "server-only";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
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

const COLUMNS = getTableColumns(tasks);
export type ColumnKey = keyof typeof COLUMNS;

/** Every column of a CTE that returned whole task rows, for a typed selection of it. */
export function rowsOf(cte: Record<ColumnKey, unknown>) {
  return Object.fromEntries(
    (Object.keys(COLUMNS) as ColumnKey[]).map((key) => [key, cte[key]]),
  ) as unknown as typeof COLUMNS;
}

/** An INSERT ... SELECT's source: drizzle types it by the table's own select shape. */
// biome-ignore lint/suspicious/noExplicitAny: the SELECT names every column in the table's order (copyOf)
export const insertSource = (query: unknown) => query as any;

/**
 * A task row to insert copied from the row `from` names: every column in the tasks table's
 * order (INSERT ... SELECT needs them all), `carried[key]` where given, else `from`'s own value.
 */
export function copyOf(carried: Partial<Record<ColumnKey, SQL>>, from: string) {
  return Object.fromEntries(
    (Object.entries(COLUMNS) as [ColumnKey, (typeof COLUMNS)[ColumnKey]][]).map(([key, column]) => [
      key,
      (carried[key] ?? sql`${sql.identifier(from)}.${sql.identifier(column.name)}`).as(column.name),
    ]),
  );
}
