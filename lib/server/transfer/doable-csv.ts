import "server-only";
import {
  DOABLE_CSV_COLUMNS,
  type DoableCsvColumn,
  type ExportProject,
  type ExportTask,
} from "@/lib/transfer/model";

/**
 * The Doable CSV, both ways: an export's entries as CSV records, and a record read back as the
 * entry a Doable JSON export would hold, so both Doable formats share one import path. The
 * header is DOABLE_CSV_COLUMNS (lib/transfer/model.ts); README.md documents it.
 *
 * Spreadsheet formulas: a cell starting with = + - @, a tab or a carriage return is run as a
 * formula by Excel and others (CSV injection), so free text (titles, descriptions, project
 * names) that starts with one is written with a leading apostrophe, which spreadsheets hide, and
 * the apostrophe is removed again on import. Only free text: ids, dates and numbers never need it.
 */

export type CsvRecord = Record<DoableCsvColumn, string>;

const FORMULA = /^[=+\-@\t\r]/;
const FREE_TEXT: ReadonlySet<DoableCsvColumn> = new Set(["title", "description"]);

const guard = (text: string) => (FORMULA.test(text) ? `'${text}` : text);
const unguard = (text: string) =>
  text.startsWith("'") && FORMULA.test(text.slice(1)) ? text.slice(1) : text;

function record(values: Partial<CsvRecord>): CsvRecord {
  const out = {} as CsvRecord;
  for (const column of DOABLE_CSV_COLUMNS) {
    const value = values[column] ?? "";
    out[column] = FREE_TEXT.has(column) ? guard(value) : value;
  }
  return out;
}

export function projectRecord(project: ExportProject): CsvRecord {
  return record({
    type: "project",
    id: project.id,
    title: project.name,
    position: project.position,
    color: project.color,
    archived: String(project.archived),
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  });
}

export function taskRecord(task: ExportTask): CsvRecord {
  return record({
    type: "task",
    id: task.id,
    title: task.title,
    description: task.description ?? "",
    priority: task.priority,
    tags: JSON.stringify(task.tags),
    dueAt: task.dueAt ?? "",
    repeatRule: task.repeat?.rule ?? "",
    repeatFrom: task.repeat?.from ?? "",
    reminders: JSON.stringify(task.reminders),
    completed: String(task.completed),
    completedAt: task.completedAt ?? "",
    projectId: task.projectId ?? "",
    parentId: task.parentId ?? "",
    position: task.position,
    nextOccurrenceId: task.nextOccurrenceId ?? "",
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
  });
}

/** A record read back: what kind of entry, and the entry for the JSON schemas to check. */
export type ReadRecord =
  | { kind: "project"; entry: Record<string, unknown> }
  | { kind: "task"; entry: Record<string, unknown> }
  | { kind: "invalid"; reason: string };

/** An empty cell is an omitted field (it takes its default); a text cell is itself. */
function cells(values: Partial<Record<DoableCsvColumn, string>>, columns: DoableCsvColumn[]) {
  const entry: Record<string, unknown> = {};
  for (const column of columns) {
    const raw = values[column];
    if (raw === undefined || raw === "") continue;
    entry[column] = FREE_TEXT.has(column) ? unguard(raw) : raw;
  }
  return entry;
}

/** "true"/"false" as a boolean, anything else as is (the schema then names the field). */
const bool = (value: unknown) => (value === "true" ? true : value === "false" ? false : value);

function json(
  value: unknown,
  column: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (value === undefined) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(String(value)) };
  } catch {
    return { ok: false, reason: `${column} must be a JSON list, e.g. ["home"]` };
  }
}

export function readRecord(values: Partial<Record<DoableCsvColumn, string>>): ReadRecord {
  const type = values.type?.trim().toLowerCase();
  if (type === "project") {
    const { title, archived, ...rest } = cells(values, [
      "id",
      "title",
      "color",
      "position",
      "archived",
      "createdAt",
      "updatedAt",
    ]);
    const entry: Record<string, unknown> = { ...rest, name: title ?? "" };
    if (archived !== undefined) entry.archived = bool(archived);
    return { kind: "project", entry };
  }
  if (type !== "task") return { kind: "invalid", reason: 'type must be "project" or "task"' };
  const {
    repeatRule,
    repeatFrom,
    tags,
    reminders,
    completed,
    projectId,
    parentId,
    nextOccurrenceId,
    ...rest
  } = cells(
    values,
    DOABLE_CSV_COLUMNS.filter((c) => c !== "type" && c !== "color" && c !== "archived"),
  );
  const parsedTags = json(tags, "tags");
  if (!parsedTags.ok) return { kind: "invalid", reason: parsedTags.reason };
  const parsedReminders = json(reminders, "reminders");
  if (!parsedReminders.ok) return { kind: "invalid", reason: parsedReminders.reason };
  const entry: Record<string, unknown> = {
    ...rest,
    title: rest.title ?? "",
    projectId: projectId ?? null,
    parentId: parentId ?? null,
    nextOccurrenceId: nextOccurrenceId ?? null,
  };
  if (parsedTags.value !== undefined) entry.tags = parsedTags.value;
  if (parsedReminders.value !== undefined) entry.reminders = parsedReminders.value;
  if (completed !== undefined) entry.completed = bool(completed);
  if (repeatRule !== undefined || repeatFrom !== undefined) {
    entry.repeat = { rule: repeatRule ?? "", from: repeatFrom ?? "due" };
  }
  return { kind: "task", entry };
}
