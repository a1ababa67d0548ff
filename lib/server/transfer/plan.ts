import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import type { TaskFields } from "@/db/queries/tasks";
import {
  type ExistingTask,
  existingTasks,
  type ImportRows,
  type ProjectInsert,
  projectsForImport,
  subtaskCountsOf,
  type TaskInsert,
} from "@/db/queries/transfer";
import { ApiError } from "@/lib/server/http/errors";
import { taskFields } from "@/lib/server/tasks/planning";
import { PROJECTS_MAX, SUBTASKS_MAX } from "@/lib/tasks/model";
import type { ImportCounts, ImportProblem } from "@/lib/transfer/model";
import { type DraftTask, type ImportDraft, Problems } from "./draft";

/**
 * A draft (draft.ts) made into rows for one account, every check done before anything is
 * written: each task's fields through the task API's own planning (repeats normalised in the
 * user's zone, the next reminder), the subtask rules of drizzle/0004_organise.sql (one level,
 * SUBTASKS_MAX per parent, a subtask in its parent's project) and PROJECTS_MAX, so a file that
 * breaks one is answered with its rows rather than refused by the database halfway.
 *
 * Import only adds. A project or task the account already has from an earlier import of the
 * same file (its import key), or that is the account's own (an id from its own export), is
 * skipped and stands in for the file's entry; a project of the same name (ignoring case) is
 * used as is. Every id written is new, whatever the file says: a file naming another user's
 * ids only ever makes rows for the caller.
 */

export interface ImportPlan {
  rows: ImportRows;
  created: ImportCounts;
  skipped: { projects: number; tasks: number };
  problems: ImportProblem[];
}

interface PlanContext {
  db: Database;
  userId: string;
  timeZone: string;
  now: Date;
}

/** Positions for entries that bring none, in file order after every row made before now. */
function positionOf(now: Date, index: number): string {
  return `${Math.floor(now.getTime() / 1000)}.${String(index).padStart(6, "0")}`;
}

async function planProjects(draft: ImportDraft, ctx: PlanContext, problems: Problems) {
  const existing = await projectsForImport(ctx.db, ctx.userId);
  const byKey = new Map(existing.flatMap((p) => (p.importKey ? [[p.importKey, p.id]] : [])));
  const byId = new Map(existing.map((p) => [p.id, p.id]));
  const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p.id]));
  const ids: string[] = [];
  const rows: ProjectInsert[] = [];
  let skipped = 0;
  for (const [index, project] of draft.projects.entries()) {
    const found =
      (project.key && byKey.get(project.key)) ||
      (project.sameAs && byId.get(project.sameAs)) ||
      byName.get(project.name.toLowerCase());
    if (found) {
      ids.push(found);
      skipped++;
      continue;
    }
    if (existing.length + rows.length >= PROJECTS_MAX) {
      problems.add(
        project,
        `An account holds at most ${PROJECTS_MAX} projects, and this one would be number ${existing.length + rows.length + 1}`,
      );
      ids.push("");
      continue;
    }
    const id = randomUUID();
    ids.push(id);
    byName.set(project.name.toLowerCase(), id);
    const createdAt = project.createdAt ?? ctx.now;
    rows.push({
      id,
      userId: ctx.userId,
      importKey: project.key,
      name: project.name,
      color: project.color,
      archived: project.archived,
      position: project.position ?? positionOf(ctx.now, index),
      createdAt,
      updatedAt: project.updatedAt ?? createdAt,
    });
  }
  return { ids, rows, skipped };
}

/** Each task's stored fields, or null with its problem: the task API's rules for a create. */
async function fieldsOf(tasks: DraftTask[], ctx: PlanContext, problems: Problems) {
  const zoneOf = async () => ctx.timeZone;
  const fields: (TaskFields | null)[] = [];
  for (const task of tasks) {
    try {
      fields.push(await taskFields(task.input, zoneOf, ctx.now));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const detail = error.details?.[0];
      problems.add(
        task,
        detail ? `${detail.path}: ${detail.message}` : error.message,
        detail?.path,
      );
      fields.push(null);
    }
  }
  return fields;
}

/** The account's tasks that entries of the draft stand for (see the top of this file). */
async function findExisting(
  draft: ImportDraft,
  ctx: PlanContext,
): Promise<(ExistingTask | undefined)[]> {
  const keys = draft.tasks.flatMap((t) => (t.key ? [t.key] : []));
  const ids = draft.tasks.flatMap((t) => (t.sameAs ? [t.sameAs] : []));
  const found = await existingTasks(ctx.db, ctx.userId, keys, ids);
  const byKey = new Map(found.flatMap((t) => (t.importKey ? [[t.importKey, t]] : [])));
  const byId = new Map(found.map((t) => [t.id, t]));
  return draft.tasks.map(
    (t) => (t.key && byKey.get(t.key)) || (t.sameAs && byId.get(t.sameAs)) || undefined,
  );
}

export async function planImport(draft: ImportDraft, ctx: PlanContext): Promise<ImportPlan> {
  const problems = new Problems();
  const projects = await planProjects(draft, ctx, problems);
  const [fields, existing] = await Promise.all([
    fieldsOf(draft.tasks, ctx, problems),
    findExisting(draft, ctx),
  ]);
  const ids = draft.tasks.map((_, i) => existing[i]?.id ?? randomUUID());

  // Subtasks per parent: the ones an existing parent has, and the ones this file adds.
  const existingParents = [
    ...new Set(
      draft.tasks.flatMap((t, i) =>
        t.parent !== null && !existing[i] && existing[t.parent] ? [ids[t.parent] as string] : [],
      ),
    ),
  ];
  const subtaskCount = await subtaskCountsOf(ctx.db, ctx.userId, existingParents);

  const rows: ImportRows = { projects: projects.rows, tasks: [], subtasks: [] };
  let skipped = 0;
  for (const [index, task] of draft.tasks.entries()) {
    const own = fields[index];
    if (existing[index]) {
      skipped++;
      continue;
    }
    const parent = task.parent === null ? null : draft.tasks[task.parent];
    const parentStored = task.parent === null ? undefined : existing[task.parent];
    if (parent && (parent.parent !== null || (parentStored && parentStored.parentId !== null))) {
      problems.add(task, "Subtasks go one level deep: its parent task is itself a subtask");
      continue;
    }
    const parentId = task.parent === null ? null : (ids[task.parent] as string);
    if (parentId !== null) {
      const count = (subtaskCount.get(parentId) ?? 0) + 1;
      subtaskCount.set(parentId, count);
      if (count > SUBTASKS_MAX) {
        problems.add(
          task,
          `A task holds at most ${SUBTASKS_MAX} subtasks: this would be number ${count}`,
        );
        continue;
      }
    }
    if (!own) continue;
    // A subtask is in its parent's project (the tasks_subtask_rules trigger would say so too).
    const projectOf = (draftProject: number | null) =>
      draftProject === null ? null : (projects.ids[draftProject] ?? null);
    const projectId = !parent
      ? projectOf(task.project)
      : parentStored
        ? parentStored.projectId
        : projectOf(parent.project);
    const createdAt = task.createdAt ?? ctx.now;
    const row: TaskInsert = {
      ...own,
      id: ids[index],
      userId: ctx.userId,
      importKey: task.key,
      projectId,
      parentId,
      completed: task.completed,
      completedAt: task.completed ? (task.completedAt ?? ctx.now) : null,
      position: task.position ?? positionOf(ctx.now, index),
      nextOccurrenceId: task.nextOccurrence === null ? null : ids[task.nextOccurrence],
      createdAt,
      updatedAt: task.updatedAt ?? createdAt,
    };
    (parentId === null ? rows.tasks : rows.subtasks).push(row);
  }
  return {
    rows,
    created: {
      projects: rows.projects.length,
      tasks: rows.tasks.length,
      subtasks: rows.subtasks.length,
    },
    skipped: { projects: projects.skipped, tasks: skipped },
    problems: problems.list,
  };
}
