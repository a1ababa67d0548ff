/**
 * Moving a task in the manual order: one UPDATE of the moved row (positions.ts), its new
 * neighbours read in the same statement. Two moves at once may read the same neighbours and
 * land on the same position: the list then orders them by id, so nothing is lost or repeated,
 * and each still sits between the neighbours it was put between.
 */
import "server-only";
import { and, eq, ne, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { tasks } from "@/db/schema";
import { neighbourOf, positionAtEnd, positionBeside } from "./positions";
import { type TaskRecord, taskRecordColumns } from "./task-columns";
import { getTask, nextUpdatedAt } from "./tasks";

/** Where a task goes: next to `anchor` (on `side`), or with no anchor to the end of its list. */
export interface MoveTarget {
  anchor?: { id: string; side: "after" | "before" };
  /** Another project (null: the Inbox); undefined: the task's own. */
  projectId?: string | null;
}

export type MoveResult =
  | { status: "ok"; task: TaskRecord }
  | { status: "not_found" }
  /** The move cannot be made as asked: `path` names the field, `message` says why. */
  | { status: "invalid"; path: string; message: string }
  /** Nothing was wrong once read again: another write came in between. */
  | { status: "conflict" };

/** Same list: the same project (or both the Inbox) and the same parent (or both top-level). */
function sameList(a: typeof tasks, b: { projectId: unknown; parentId: unknown }): SQL {
  return sql`${a.projectId} is not distinct from ${b.projectId} and ${a.parentId} is not distinct from ${b.parentId}`;
}

async function moveNextTo(
  db: Database,
  userId: string,
  id: string,
  anchor: NonNullable<MoveTarget["anchor"]>,
  projectId: string | null | undefined,
): Promise<TaskRecord | undefined> {
  const anchorRow = db.$with("anchor").as(
    db
      .select({
        position: sql<string>`${tasks.position}`.as("anchor_position"),
        projectId: sql<string | null>`${tasks.projectId}`.as("anchor_project_id"),
        parentId: sql<string | null>`${tasks.parentId}`.as("anchor_parent_id"),
      })
      .from(tasks)
      .where(and(eq(tasks.id, anchor.id), eq(tasks.userId, userId))),
  );
  // The anchor's neighbour on the side the task goes to (the moved task itself aside).
  const side = neighbourOf(anchor.side, sql`${tasks.position}`, sql`${anchorRow.position}`);
  const neighbour = db.$with("neighbour").as(
    db
      .select({ position: side.value.as("neighbour_position") })
      .from(tasks)
      .innerJoin(anchorRow, sql`true`)
      .where(
        and(eq(tasks.userId, userId), sameList(tasks, anchorRow), side.beyond, ne(tasks.id, id)),
      ),
  );
  const [row] = await db
    .with(anchorRow, neighbour)
    .update(tasks)
    .set({
      position: positionBeside(anchor.side, sql`${anchorRow.position}`, sql`${neighbour.position}`),
      projectId: sql`${anchorRow.projectId}`,
      updatedAt: nextUpdatedAt,
    })
    .from(anchorRow)
    .innerJoin(neighbour, sql`true`)
    .where(
      and(
        eq(tasks.id, id),
        eq(tasks.userId, userId),
        ne(tasks.id, anchor.id),
        sql`${tasks.parentId} is not distinct from ${anchorRow.parentId}`,
        projectId === undefined
          ? undefined
          : sql`${anchorRow.projectId} is not distinct from ${projectId}::uuid`,
      ),
    )
    .returning(taskRecordColumns);
  return row;
}

async function moveToEnd(
  db: Database,
  userId: string,
  id: string,
  projectId: string | null | undefined,
): Promise<TaskRecord | undefined> {
  const target = projectId === undefined ? sql`${tasks.projectId}` : sql`${projectId}::uuid`;
  const other = sql.identifier("other");
  const last = sql`(select max(${other}.position) from ${tasks} ${other} where ${other}.user_id = ${userId} and ${other}.project_id is not distinct from ${target} and ${other}.parent_id is not distinct from ${tasks.parentId} and ${other}.id <> ${tasks.id})`;
  const [row] = await db
    .update(tasks)
    .set({
      position: positionAtEnd(last),
      projectId: projectId === undefined ? undefined : projectId,
      updatedAt: nextUpdatedAt,
    })
    .where(
      and(
        eq(tasks.id, id),
        eq(tasks.userId, userId),
        // A subtask is in its parent's project; it cannot be sent to another on its own.
        projectId === undefined
          ? undefined
          : sql`(${tasks.parentId} is null or ${tasks.projectId} is not distinct from ${projectId}::uuid)`,
      ),
    )
    .returning(taskRecordColumns);
  return row;
}

/** Moves one of the caller's tasks; see MoveResult for what a refusal says. */
export async function moveTask(
  db: Database,
  userId: string,
  id: string,
  target: MoveTarget,
): Promise<MoveResult> {
  const { anchor, projectId } = target;
  const row = anchor
    ? await moveNextTo(db, userId, id, anchor, projectId)
    : await moveToEnd(db, userId, id, projectId);
  if (row) return { status: "ok", task: row };
  return explainRefusal(db, userId, id, target);
}

/** Why a move changed nothing, read after the fact (the move itself was one statement). */
async function explainRefusal(
  db: Database,
  userId: string,
  id: string,
  { anchor, projectId }: MoveTarget,
): Promise<MoveResult> {
  const [task, next] = await Promise.all([
    getTask(db, userId, id),
    anchor ? getTask(db, userId, anchor.id) : null,
  ]);
  if (!task) return { status: "not_found" };
  const invalid = (path: string, message: string): MoveResult => ({
    status: "invalid",
    path,
    message,
  });
  if (anchor) {
    const path = anchor.side;
    if (!next) return invalid(path, "Not one of your tasks");
    if (next.id === task.id) return invalid(path, "A task cannot move next to itself");
    if (next.parentId !== task.parentId) {
      return invalid(path, "Must be a task in the same list (the same parent)");
    }
    if (projectId !== undefined && next.projectId !== projectId) {
      return invalid("projectId", `The task in ${path} is in another project`);
    }
  } else if (projectId !== undefined && task.parentId !== null && task.projectId !== projectId) {
    return invalid("projectId", "A subtask moves with its parent");
  }
  return { status: "conflict" };
}
