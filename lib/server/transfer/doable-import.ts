import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { parseOrThrow } from "@/lib/server/http/validation";
import { DOABLE_CSV_COLUMNS, type DoableCsvColumn } from "@/lib/transfer/model";
import {
  importEnvelopeSchema,
  importProjectSchema,
  importTaskSchema,
} from "@/lib/validation/transfer";
import type { CsvTable } from "./csv";
import { readRecord } from "./doable-csv";
import type { DraftProject, DraftTask, ImportDraft, Place } from "./draft";
import { Problems } from "./draft";

/**
 * Doable's own exports read back, JSON and CSV alike: each entry checked with the import schemas
 * (lib/validation/transfer.ts: the task API's fields and limits), and the ids that entries give
 * each other (projectId, parentId, nextOccurrenceId) turned into references within the file.
 * Each entry's import key is its id in the file, so importing the file again finds it.
 */

interface Entry {
  place: Place;
  value: unknown;
}

const keyOf = (id: string) => `doable:${id.toLowerCase()}`;

function draftOf(
  format: ImportDraft["format"],
  projectEntries: Entry[],
  taskEntries: Entry[],
  problems: Problems,
): ImportDraft {
  const projects: DraftProject[] = [];
  const projectIndex = new Map<string, number>();
  const names = new Set<string>();
  for (const { place, value } of projectEntries) {
    const entry = problems.check(importProjectSchema, value, place);
    if (!entry) continue;
    const name = entry.name.toLowerCase();
    if (projectIndex.has(entry.id) || names.has(name)) {
      problems.add(
        place,
        projectIndex.has(entry.id)
          ? "This project id is in the file twice"
          : "Two projects in this file have this name",
      );
      continue;
    }
    projectIndex.set(entry.id, projects.length);
    names.add(name);
    projects.push({
      ...place,
      key: keyOf(entry.id),
      sameAs: entry.id,
      name: entry.name,
      color: entry.color,
      archived: entry.archived,
      position: entry.position,
      createdAt: entry.createdAt ? new Date(entry.createdAt) : undefined,
      updatedAt: entry.updatedAt ? new Date(entry.updatedAt) : undefined,
    });
  }

  const read = taskEntries.map(({ place, value }) => ({
    place,
    entry: problems.check(importTaskSchema, value, place),
  }));
  const taskIndex = new Map<string, number>();
  for (const [i, { place, entry }] of read.entries()) {
    if (!entry) continue;
    if (taskIndex.has(entry.id)) problems.add(place, "This task id is in the file twice", "id");
    else taskIndex.set(entry.id, i);
  }
  const tasks: DraftTask[] = [];
  // References by position in `read`, then renumbered to the tasks kept.
  const kept = new Map<number, number>();
  for (const [i, { place, entry }] of read.entries()) {
    if (!entry || taskIndex.get(entry.id) !== i) continue;
    const project = entry.projectId === null ? null : projectIndex.get(entry.projectId);
    const parent = entry.parentId === null ? null : taskIndex.get(entry.parentId);
    const before = problems.list.length;
    if (project === undefined) {
      problems.add(place, "projectId: not a project in this file", "projectId");
    }
    if (parent === undefined) problems.add(place, "parentId: not a task in this file", "parentId");
    if (parent === i) problems.add(place, "parentId: a task cannot be its own subtask", "parentId");
    // An entry with a problem is not counted among the tasks that would be created.
    if (problems.list.length > before) continue;
    kept.set(i, tasks.length);
    tasks.push({
      ...place,
      key: keyOf(entry.id),
      sameAs: entry.id,
      input: entry,
      completed: entry.completed,
      completedAt: entry.completedAt ? new Date(entry.completedAt) : null,
      position: entry.position,
      createdAt: entry.createdAt ? new Date(entry.createdAt) : undefined,
      updatedAt: entry.updatedAt ? new Date(entry.updatedAt) : undefined,
      project: project ?? null,
      parent: parent ?? null,
      // An occurrence that was deleted leaves its predecessor's link dangling: not a problem.
      nextOccurrence:
        entry.nextOccurrenceId === null ? null : (taskIndex.get(entry.nextOccurrenceId) ?? null),
    });
  }
  const renumber = (i: number | null) => (i === null ? null : (kept.get(i) ?? null));
  for (const task of tasks) {
    task.parent = renumber(task.parent);
    task.nextOccurrence = renumber(task.nextOccurrence);
  }
  return { format, projects, tasks, problems: problems.list };
}

/** A Doable JSON export. A file that is not one at all is a 400; a bad entry is a problem. */
export function readDoableJson(text: string): ImportDraft {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError(
      "validation_failed",
      "The file is not valid JSON: is the download complete?",
    );
  }
  const envelope = parseOrThrow(importEnvelopeSchema, data);
  const entries = (list: unknown[], name: string): Entry[] =>
    list.map((value, i) => ({ place: { row: i + 1, path: `${name}[${i}]` }, value }));
  return draftOf(
    "doable-json",
    entries(envelope.projects, "projects"),
    entries(envelope.tasks, "tasks"),
    new Problems(),
  );
}

/** A Doable CSV export (its header: DOABLE_CSV_COLUMNS). */
export function readDoableCsv(table: CsvTable): ImportDraft {
  const known = new Set<string>(DOABLE_CSV_COLUMNS);
  const unknown = table.header.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ApiError(
      "validation_failed",
      `Unknown columns in the header: ${unknown.join(", ")}`,
      [{ path: "row 1", message: `A Doable CSV has the columns ${DOABLE_CSV_COLUMNS.join(", ")}` }],
    );
  }
  const problems = new Problems();
  for (const problem of table.problems) problems.add({ row: problem.row }, problem.reason);
  const projects: Entry[] = [];
  const tasks: Entry[] = [];
  for (const { row, cells } of table.rows) {
    const record = readRecord(cells as Partial<Record<DoableCsvColumn, string>>);
    if (record.kind === "invalid") problems.add({ row }, record.reason);
    else
      (record.kind === "project" ? projects : tasks).push({ place: { row }, value: record.entry });
  }
  return draftOf("doable-csv", projects, tasks, problems);
}
