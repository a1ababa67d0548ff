/**
 * Export's and import's statements. Every statement is filtered by the caller's user id; an
 * import's rows all carry it, and go in with DbHandle.batch (one transaction, or db.batch on
 * neon-http), so an error anywhere leaves nothing behind.
 */
import "server-only";
import { and, asc, eq, getTableColumns, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database, DbHandle } from "@/db";
import { type ProjectRow, projects, type TaskRow, tasks } from "@/db/schema";
import { exactTimestamp } from "./task-list";

/* ----------------------------------------------------------------- export */

/** The caller's projects in the sidebar's order (at most PROJECTS_MAX, so read at once). */
export function exportProjects(db: Database, userId: string): Promise<ProjectRow[]> {
  return db
    .select()
    .from(projects)
    .where(eq(projects.userId, userId))
    .orderBy(asc(projects.position), asc(projects.id));
}

/** Where an export's next page starts: the last task's exact creation time and id. */
export interface ExportCursor {
  createdAt: string;
  id: string;
}

export type ExportTaskRow = TaskRow & { cursorAt: string };

const allTaskColumns = getTableColumns(tasks);

/**
 * One page of the caller's tasks, oldest first, after `after`: a keyset on (created_at, id),
 * which tasks_user_created_idx serves. The cursor carries created_at to the microsecond (a JS
 * Date keeps milliseconds, and a page boundary between two tasks of one millisecond would
 * repeat or drop one).
 */
export function exportTaskPage(
  db: Database,
  userId: string,
  after: ExportCursor | null,
  limit: number,
): Promise<ExportTaskRow[]> {
  const beyond = after
    ? sql`(${tasks.createdAt}, ${tasks.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return db
    .select({ ...allTaskColumns, cursorAt: sql<string>`${exactTimestamp(tasks.createdAt)}` })
    .from(tasks)
    .where(and(eq(tasks.userId, userId), beyond))
    .orderBy(asc(tasks.createdAt), asc(tasks.id))
    .limit(limit);
}

/* ------------------------------------------------------------------ import */

/** Ids and keys per statement while looking for rows an import already made. */
const LOOKUP_CHUNK = 2000;
/** Rows per INSERT: ~20 parameters each stays far below PostgreSQL's 65 535. */
const INSERT_CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The caller's projects as an import matches them: by key, by id, by name ignoring case. */
export function projectsForImport(db: Database, userId: string) {
  return db
    .select({ id: projects.id, name: projects.name, importKey: projects.importKey })
    .from(projects)
    .where(eq(projects.userId, userId));
}

export interface ExistingTask {
  id: string;
  importKey: string | null;
  parentId: string | null;
  projectId: string | null;
}

/**
 * The caller's tasks that an import would make again: those whose import key is one of `keys`,
 * or whose id is one of `ids` (a Doable export brought back into its own account).
 */
export async function existingTasks(
  db: Database,
  userId: string,
  keys: readonly string[],
  ids: readonly string[],
): Promise<ExistingTask[]> {
  const found: ExistingTask[] = [];
  const columns = {
    id: tasks.id,
    importKey: tasks.importKey,
    parentId: tasks.parentId,
    projectId: tasks.projectId,
  };
  const lookups: SQL[] = [
    ...chunks(keys, LOOKUP_CHUNK).map((part) => inArray(tasks.importKey, part)),
    ...chunks(ids, LOOKUP_CHUNK).map((part) => inArray(tasks.id, part)),
  ];
  for (const lookup of lookups) {
    found.push(
      ...(await db
        .select(columns)
        .from(tasks)
        .where(and(eq(tasks.userId, userId), lookup))),
    );
  }
  return found;
}

/** How many subtasks each of these (existing) tasks of the caller has. */
export async function subtaskCountsOf(
  db: Database,
  userId: string,
  parentIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const part of chunks(parentIds, LOOKUP_CHUNK)) {
    const rows = await db
      .select({ parentId: tasks.parentId, total: sql<number>`count(*)::int` })
      .from(tasks)
      .where(
        and(eq(tasks.userId, userId), isNotNull(tasks.parentId), inArray(tasks.parentId, part)),
      )
      .groupBy(tasks.parentId);
    for (const row of rows) if (row.parentId) counts.set(row.parentId, Number(row.total));
  }
  return counts;
}

export type ProjectInsert = typeof projects.$inferInsert;
export type TaskInsert = typeof tasks.$inferInsert;

/** Everything one import writes: top-level tasks before subtasks, which name them. */
export interface ImportRows {
  projects: ProjectInsert[];
  tasks: TaskInsert[];
  subtasks: TaskInsert[];
}

/**
 * Writes an import atomically. A row whose import key the caller already has (another import
 * of the same file finished in between) is skipped, and a subtask of a skipped parent then fails
 * its foreign key: the whole import is undone and the caller is told to try again.
 */
export async function writeImport(batch: DbHandle["batch"], rows: ImportRows): Promise<void> {
  const statements = (db: Database): BatchItem<"pg">[] => [
    ...chunks(rows.projects, INSERT_CHUNK).map((part) =>
      db
        .insert(projects)
        .values(part)
        .onConflictDoNothing({ target: [projects.userId, projects.importKey] }),
    ),
    ...[rows.tasks, rows.subtasks].flatMap((list) =>
      chunks(list, INSERT_CHUNK).map((part) =>
        db
          .insert(tasks)
          .values(part)
          .onConflictDoNothing({ target: [tasks.userId, tasks.importKey] }),
      ),
    ),
  ];
  if (rows.projects.length + rows.tasks.length + rows.subtasks.length === 0) return;
  await batch((db) => statements(db) as [BatchItem<"pg">, ...BatchItem<"pg">[]]);
}
