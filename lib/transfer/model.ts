/**
 * Export and import (issue 14): the formats, their limits and the API's types, in one module
 * with no runtime dependency, like the task model (lib/tasks/model.ts), so the account menu's
 * export and import UI can import it without zod. README.md, "Export and import", describes the
 * formats for people; the zod schemas are in lib/validation/transfer.ts.
 */
import type { Project, Task } from "@/lib/tasks/model";

/** The `format` and `version` of a Doable export; an import refuses any other version. */
export const EXPORT_FORMAT = "doable";
export const EXPORT_VERSION = 1;

/** What GET /export can answer: the JSON document (the default) or the flat CSV. */
export const EXPORT_FILE_TYPES = ["json", "csv"] as const;
export type ExportFileType = (typeof EXPORT_FILE_TYPES)[number];

/** Tasks read per statement while an export streams: a page is all that is held at once. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * The largest import body, 413 past it: 32 MiB, so that the export of a full account imports
 * back (a 50 000-task export with every field is about 21 MB as JSON, 11 MB as CSV), with room
 * for long descriptions. Vercel's functions take at most 4.5 MB whatever this says.
 */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Most tasks one import may hold (CSV rows or JSON entries); past it the file is refused. */
export const IMPORT_ROWS_MAX = 50_000;
/** Most problems an answer lists; `problemCount` says how many there were in all. */
export const IMPORT_PROBLEMS_MAX = 1000;

/** The formats an import reads, told apart by the file's content (see lib/server/transfer/). */
export const IMPORT_FORMATS = ["doable-json", "doable-csv", "todoist-csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * The Doable CSV's header, in order. One row per project (`type` "project": its name is in
 * `title`) and then one per task (`type` "task"). tags and reminders are JSON lists; instants
 * are ISO-8601 UTC; completed and archived are true or false; empty cells are null.
 */
export const DOABLE_CSV_COLUMNS = [
  "type",
  "id",
  "title",
  "description",
  "priority",
  "tags",
  "dueAt",
  "repeatRule",
  "repeatFrom",
  "reminders",
  "completed",
  "completedAt",
  "projectId",
  "parentId",
  "position",
  "nextOccurrenceId",
  "color",
  "archived",
  "createdAt",
  "updatedAt",
] as const;
export type DoableCsvColumn = (typeof DOABLE_CSV_COLUMNS)[number];

/* ------------------------------------------------------- the API's types */

/** A project in an export: everything but the counts, which follow from the tasks. */
export type ExportProject = Omit<Project, "openTasks">;

/**
 * A task in an export: every stored field but what follows from others (the subtask counts,
 * when the next reminder goes out). projectId, parentId and nextOccurrenceId name entries of
 * the same export.
 */
export type ExportTask = Omit<Task, "subtasks" | "nextReminderAt">;

/** GET /export: the whole account, projects first, tasks oldest first. */
export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  projects: ExportProject[];
  tasks: ExportTask[];
}

/**
 * A row an import cannot read. `row`: the spreadsheet row for a CSV (the header is row 1), the
 * entry's place (from 1) in `projects` or `tasks` for a JSON export, whose `path` then names
 * the entry and field ("tasks[3].dueAt").
 */
export interface ImportProblem {
  row: number;
  path?: string;
  reason: string;
}

/** What an import creates: projects, top-level tasks, and subtasks (disjoint counts). */
export interface ImportCounts {
  projects: number;
  tasks: number;
  subtasks: number;
}

/** POST /import's answer: what it created (a dry run: would create), skipped, and could not read. */
export interface ImportResult {
  format: ImportFormat;
  dryRun: boolean;
  created: ImportCounts;
  /** Already in the account from an earlier import of the same file (or its own export). */
  skipped: { projects: number; tasks: number };
  /** At most IMPORT_PROBLEMS_MAX, in file order; a real run with any answers 400 instead. */
  problems: ImportProblem[];
  problemCount: number;
}
