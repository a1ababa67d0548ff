/**
 * Every read and write of projects. Each statement is filtered by the caller's user id; each
 * write is one statement, atomic on every driver.
 */
import "server-only";
import { and, asc, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type ProjectRow, projects, tasks } from "@/db/schema";
import { PROJECTS_MAX, type ProjectColor, type ProjectDeleteTasks } from "@/lib/tasks/model";
import { neighbourOf, positionBeside } from "./positions";
import { trashCtes } from "./trash";
import { nextVersion, versionCondition } from "./versions";

/** A project as the API reads it (its import key stays inside: db/queries/transfer.ts). */
export type ProjectRecord = Omit<ProjectRow, "importKey"> & { openTasks: number };

// Explicit names: drizzle leaves columns unqualified in a one-table select (see task-columns.ts).
const openTasks = sql<number>`(select count(*)::int from "tasks" "open" where "open"."user_id" = "projects"."user_id" and "open"."project_id" = "projects"."id" and not "open"."completed")`;
const projectColumns = {
  id: projects.id,
  userId: projects.userId,
  name: projects.name,
  color: projects.color,
  position: projects.position,
  archived: projects.archived,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  openTasks,
};

/** The caller's projects in order (archived ones too), and the Inbox's open tasks. */
export async function listProjects(db: Database, userId: string) {
  const [rows, [inbox]] = await Promise.all([
    db
      .select(projectColumns)
      .from(projects)
      .where(eq(projects.userId, userId))
      .orderBy(asc(projects.position), asc(projects.id)),
    db
      .select({ openTasks: count() })
      .from(tasks)
      .where(and(eq(tasks.userId, userId), isNull(tasks.projectId), eq(tasks.completed, false))),
  ]);
  return { projects: rows, inboxOpenTasks: Number(inbox?.openTasks ?? 0) };
}

export async function getProject(
  db: Database,
  userId: string,
  id: string,
): Promise<ProjectRecord | null> {
  const [row] = await db
    .select(projectColumns)
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Whether `id` names one of the caller's projects (for the task list's project filter). */
export async function projectExists(db: Database, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/**
 * A new project, last in the order; null when the caller already has PROJECTS_MAX. A name in
 * use fails on projects_user_name_idx (constraint-errors.ts answers 409).
 */
export async function createProject(
  db: Database,
  userId: string,
  input: { name: string; color: ProjectColor },
): Promise<ProjectRecord | null> {
  const room = sql`(select count(*) from ${projects} where ${projects.userId} = ${userId}) < ${PROJECTS_MAX}`;
  const [row] = await db
    .insert(projects)
    // Every column in the table's order; no row when the account already holds PROJECTS_MAX.
    .select(
      sql`select gen_random_uuid(), ${userId}, ${input.name}, ${input.color}, extract(epoch from clock_timestamp()), false, now(), now(), null where ${room}`,
    )
    .returning({ ...projectColumns, openTasks: sql<number>`0` });
  return row ?? null;
}

export interface ProjectChange {
  name?: string;
  color?: ProjectColor;
  archived?: boolean;
  /** A new place: right after or before another of the caller's projects. */
  place?: { side: "after" | "before"; id: string };
}

export type ProjectWriteResult =
  | { status: "ok"; project: ProjectRecord }
  | { status: "not_found" }
  | { status: "precondition_failed"; project: ProjectRecord }
  /** `place` names a project that is not the caller's, or this one. */
  | { status: "bad_place" };

/**
 * The position a change's `place` gives, read in the statement, and the condition that its
 * anchor is another of the caller's projects; undefined: no move.
 */
function placeFor(userId: string, id: string, place: ProjectChange["place"]) {
  if (!place) return undefined;
  const anchor = sql`(select a.position from ${projects} a where a.id = ${place.id}::uuid and a.user_id = ${userId} and a.id <> ${id}::uuid)`;
  const side = neighbourOf(place.side, sql`n.position`, anchor);
  const neighbour = sql`(select ${side.value} from ${projects} n where n.user_id = ${userId} and ${side.beyond} and n.id <> ${id}::uuid)`;
  return {
    position: positionBeside(place.side, anchor, neighbour),
    found: sql`${anchor} is not null`,
  };
}

/** PATCH: the fields given, and a move; with `versions` (If-Match), only at that version. */
export async function updateProject(
  db: Database,
  userId: string,
  id: string,
  change: ProjectChange,
  versions?: Date[],
): Promise<ProjectWriteResult> {
  const place = placeFor(userId, id, change.place);
  const [row] = await db
    .update(projects)
    .set({
      name: change.name,
      color: change.color,
      archived: change.archived,
      position: place?.position,
      updatedAt: nextVersion(projects.updatedAt),
    })
    .where(
      and(
        eq(projects.id, id),
        eq(projects.userId, userId),
        versionCondition(projects.updatedAt, versions),
        // A place next to a project that is not the caller's (or is this one) changes nothing.
        place?.found,
      ),
    )
    .returning(projectColumns);
  if (row) return { status: "ok", project: row };
  const current = await getProject(db, userId, id);
  if (!current) return { status: "not_found" };
  if (
    change.place &&
    (change.place.id === id || !(await projectExists(db, userId, change.place.id)))
  ) {
    return { status: "bad_place" };
  }
  return { status: "precondition_failed", project: current };
}

/**
 * Deletes a project with its tasks moved to the Inbox or deleted, in one statement. The
 * project row is locked first (FOR UPDATE), so a concurrent change to it makes this change
 * nothing rather than half of it.
 */
export async function deleteProject(
  db: Database,
  userId: string,
  id: string,
  taskMode: ProjectDeleteTasks,
  versions?: Date[],
): Promise<Exclude<ProjectWriteResult, { status: "ok" | "bad_place" }> | { status: "ok" }> {
  const target = db.$with("target").as(
    db
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.id, id),
          eq(projects.userId, userId),
          versionCondition(projects.updatedAt, versions),
        ),
      )
      .for("update"),
  );
  const inTarget = sql`${tasks.projectId} in (select ${target.id} from ${target})`;
  const mine = and(eq(tasks.userId, userId), inTarget) as SQL;
  // Deleted with the project, its tasks go to the trash (and come back to the Inbox).
  const taskChange =
    taskMode === "delete"
      ? trashCtes(db, userId, sql`(select ${tasks.id} from ${tasks} where ${mine})`)
      : [
          db.$with("task_change").as(
            db
              .update(tasks)
              .set({ projectId: null, updatedAt: nextVersion(tasks.updatedAt) })
              .where(mine)
              .returning({ id: tasks.id }),
          ),
        ];
  const gone = db.$with("gone").as(
    db
      .delete(projects)
      .where(
        and(
          eq(projects.userId, userId),
          sql`${projects.id} in (select ${target.id} from ${target})`,
        ),
      )
      .returning({ id: projects.id }),
  );
  const [row] = await db
    .with(target, ...taskChange, gone)
    .select({ id: gone.id })
    .from(gone);
  if (row) return { status: "ok" };
  const current = await getProject(db, userId, id);
  return current ? { status: "precondition_failed", project: current } : { status: "not_found" };
}
