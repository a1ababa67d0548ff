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
import { exactTimestamp } from "./task-sorts";

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
/** Rows per INSERT (one JSON parameter each: see insertRows). */
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
 * Rows as the JSON that one INSERT unpacks with jsonb_populate_recordset (see insertRows): keys
 * are the columns' names, instants ISO text, and nulls left out (a missing key is null).
 */
function encodeRows(table: typeof tasks | typeof projects, rows: object[]): string {
  const columns = Object.entries(getTableColumns(table));
  return JSON.stringify(
    rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = (row as Record<string, unknown>)[key];
        if (value === null || value === undefined) continue;
        record[column.name] = value instanceof Date ? value.toISOString() : value;
      }
      return record;
    }),
  );
}

/**
 * One INSERT of many rows sent as a single JSON parameter: a 50 000-task import is 100 such
 * statements instead of a million parameters passed one by one (several times faster on every
 * driver). Every column is named, in the schema's order: the database's own order differs
 * (columns added by later migrations come last). A column the rows leave out is null: the plan
 * (lib/server/transfer/plan.ts) gives every NOT NULL one.
 */
function insertRows(
  db: Database,
  table: typeof tasks | typeof projects,
  json: string,
): BatchItem<"pg"> {
  const names = sql.join(
    Object.values(getTableColumns(table)).map((column) => sql`r.${sql.identifier(column.name)}`),
    sql`, `,
  );
  const source = sql`select ${names} from jsonb_populate_recordset(null::${table}, ${json}::jsonb) r`;
  const insert = db
    .insert(table)
    .select(source)
    .onConflictDoNothing({ target: [table.userId, table.importKey] });
  // Drizzle types an INSERT on a union of tables as neither; it is one statement either way.
  return insert as unknown as BatchItem<"pg">;
}

/**
 * Writes an import atomically. A row whose import key the caller already has (another import
 * of the same file finished in between) is skipped, and a subtask of a skipped parent then fails
 * its foreign key: the whole import is undone and the caller is told to try again.
 *
 * `maxBytes`: the most the batch may carry. neon-http sends a batch as one HTTP request, and
 * Neon takes about 10 MB per request, so an import larger than that cannot be written at once
 * there: it is refused before anything is sent ("too_large") rather than half sent.
 */
export async function writeImport(
  batch: DbHandle["batch"],
  rows: ImportRows,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<{ status: "ok" } | { status: "too_large"; bytes: number }> {
  const parts: [typeof tasks | typeof projects, string][] = [
    ...chunks(rows.projects, INSERT_CHUNK).map(
      (part) => [projects, encodeRows(projects, part)] as const,
    ),
    ...[rows.tasks, rows.subtasks].flatMap((list) =>
      chunks(list, INSERT_CHUNK).map((part) => [tasks, encodeRows(tasks, part)] as const),
    ),
  ] as [typeof tasks | typeof projects, string][];
  if (parts.length === 0) return { status: "ok" };
  const bytes = parts.reduce((sum, [, json]) => sum + Buffer.byteLength(json), 0);
  if (bytes > maxBytes) return { status: "too_large", bytes };
  await batch(
    (db) =>
      parts.map(([table, json]) => insertRows(db, table, json)) as [
        BatchItem<"pg">,
        ...BatchItem<"pg">[],
      ],
  );
  return { status: "ok" };
}
