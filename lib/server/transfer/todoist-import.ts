import "server-only";
import { DESCRIPTION_MAX, TAG_MAX, type TaskPriority } from "@/lib/tasks/model";
import { taskInputSchema } from "@/lib/validation/tasks";
import type { CsvTable } from "./csv";
import { type DraftProject, type DraftTask, type ImportDraft, Problems } from "./draft";
import { readTodoistDate } from "./todoist-dates";

/**
 * A Todoist CSV export (one Todoist project per file: "Export as template", then CSV), read by
 * its header's names, so column order and columns Todoist adds later do not matter. README.md,
 * "Importing from Todoist", is the mapping for people; in short:
 *
 * - TYPE task: a task. CONTENT is the title, its @labels become tags; DESCRIPTION the
 *   description; DATE the due date and repeat (todoist-dates.ts); DEADLINE the due date when
 *   there is no DATE, else a "Deadline: ..." line in the description.
 * - PRIORITY: Todoist's template numbers priorities as its apps show them, 1 = p1 (the highest)
 *   to 4 = p4 (none): 1 high, 2 medium, 3 low, 4 none, the mapping quick add uses for "p1".
 *   (Todoist's API numbers them the other way round, 4 = p1; its CSV does not.) An empty cell is
 *   none; Todoist itself would read it as p1, but its exports always fill it in.
 * - INDENT 1: top level; 2: a subtask of the INDENT 1 task above it; 3 and deeper: Doable has one
 *   level of subtasks, so they flatten to subtasks of the same top-level task, in file order.
 * - TYPE section: its name becomes a tag (lower-cased) on the tasks below it, up to the next
 *   section. Doable has no sections; a tag keeps the grouping filterable without turning one
 *   Todoist project into many of ours (and toward the 300-project cap).
 * - TYPE note: a comment on the task above; appended to its description.
 * - TYPE meta (view_style) and empty rows: skipped.
 * - Not mapped: AUTHOR and RESPONSIBLE (Doable has no shared projects), DURATION and
 *   DURATION_UNIT (no durations), TIMEZONE (dates are read in the account's zone, the zone of the
 *   person moving their own tasks), IS_COLLAPSED (a view state), DATE_LANG and DEADLINE_LANG
 *   beyond refusing dates in languages other than English.
 * - The template has no completion column: Todoist exports open tasks only, so every task
 *   imported from Todoist is open.
 *
 * The file goes into the project named by ?project= (found by name or created), else the Inbox.
 * Each task's import key is the file's digest and its row, so the same file imported twice adds
 * its tasks once.
 */

export interface TodoistOptions {
  /** ?project=: the project the file's tasks go into; none: the Inbox. */
  project?: string;
  /** A digest of the file, for the import keys. */
  digest: string;
  timeZone: string;
  now: Date;
}

const PRIORITY: Record<string, TaskPriority> = {
  "": "none",
  "1": "high",
  "2": "medium",
  "3": "low",
  "4": "none",
};
/** A Todoist label in CONTENT: "@name" after a space or at the start (not an e-mail address). */
const LABEL = /(?<!\S)@([^\s@]+)/gu;

interface RawTask {
  row: number;
  title: string;
  description: string;
  priority: TaskPriority;
  tags: string[];
  dueAt: string | null;
  repeat: { rule: string; from: "due" | "completion" } | null;
  parent: number | null;
  /** The row has a problem: it is kept for the notes below it, but is not a task. */
  bad: boolean;
}

/** The title without its labels, and the labels. */
function splitLabels(content: string): { title: string; labels: string[] } {
  const labels = [...content.matchAll(LABEL)].map((m) => (m[1] as string).toLowerCase());
  const title = content.replace(LABEL, " ").replace(/\s+/g, " ").trim();
  return { title, labels };
}

export function readTodoistCsv(table: CsvTable, options: TodoistOptions): ImportDraft {
  const problems = new Problems();
  for (const problem of table.problems) problems.add({ row: problem.row }, problem.reason);
  const raw: RawTask[] = [];
  let section: string | null = null;
  let lastTop: number | null = null;

  for (const { row, cells } of table.rows) {
    const cell = (name: string) => (cells[name] ?? "").trim();
    const type = cell("TYPE").toLowerCase();
    if (type === "meta" || (type === "" && Object.values(cells).every((v) => v.trim() === "")))
      continue;
    if (type === "section") {
      section = cell("CONTENT").toLowerCase();
      lastTop = null;
      if (section === "" || section.length > TAG_MAX) {
        problems.add({ row }, `A section name becomes a tag: 1 to ${TAG_MAX} characters`);
        section = null;
      }
      continue;
    }
    if (type === "note") {
      const task = raw[raw.length - 1];
      const note = cells.CONTENT ?? "";
      if (!task) problems.add({ row }, "A note belongs to the task above it, and there is none");
      else if (task.description.length + note.length + 2 > DESCRIPTION_MAX) {
        problems.add(
          { row },
          `With this note the task's description would pass ${DESCRIPTION_MAX} characters`,
        );
      } else task.description = task.description ? `${task.description}\n\n${note}` : note;
      continue;
    }
    if (type !== "task") {
      problems.add({ row }, "TYPE must be task, section, note or meta");
      continue;
    }
    const before = problems.list.length;
    const priority = PRIORITY[cell("PRIORITY")];
    if (priority === undefined)
      problems.add({ row }, "PRIORITY must be 1 (p1, the highest), 2, 3 or 4");
    const indentText = cell("INDENT") || "1";
    const indent = /^\d{1,2}$/.test(indentText) ? Number(indentText) : 0;
    if (indent < 1) problems.add({ row }, "INDENT must be 1 (top level), 2 (a subtask) or deeper");
    if (indent > 1 && lastTop === null) {
      problems.add(
        { row },
        `INDENT ${indent}: a subtask needs a task with INDENT 1 above it in its section`,
      );
    }
    const date = readTodoistDate(cell("DATE"), cell("DATE_LANG"), options.timeZone, options.now);
    const deadline = readTodoistDate(
      cell("DEADLINE"),
      cell("DEADLINE_LANG"),
      options.timeZone,
      options.now,
    );
    if (!date.ok) problems.add({ row }, date.reason);
    if (!deadline.ok) problems.add({ row }, deadline.reason.replace(/^DATE/, "DEADLINE"));
    const { title, labels } = splitLabels(cells.CONTENT ?? "");
    let description = cells.DESCRIPTION ?? "";
    const dueAt = date.ok ? date.dueAt : null;
    // One due date in Doable: DATE, else the deadline; a deadline beside a date is kept in words.
    if (dueAt && deadline.ok && deadline.dueAt) {
      description = `${description}${description ? "\n\n" : ""}Deadline: ${cell("DEADLINE")}`;
    }
    const index = raw.length;
    if (indent === 1) lastTop = index;
    raw.push({
      row,
      title,
      description,
      priority: priority ?? "none",
      tags: section ? [...labels, section] : labels,
      dueAt: dueAt ?? (deadline.ok ? deadline.dueAt : null),
      repeat: date.ok ? date.repeat : null,
      parent: indent > 1 ? lastTop : null,
      bad: problems.list.length > before,
    });
  }

  const projects: DraftProject[] = options.project
    ? [{ row: 1, key: null, name: options.project, color: "gray", archived: false }]
    : [];
  const tasks: DraftTask[] = [];
  // Rows dropped for their problems are not tasks: parents are renumbered to the tasks kept.
  const kept = new Map<number, number>();
  for (const [index, task] of raw.entries()) {
    const { row, parent, bad, ...fields } = task;
    if (bad) continue;
    const input = problems.check(
      taskInputSchema,
      { ...fields, description: fields.description || null },
      { row },
    );
    if (!input) continue;
    kept.set(index, tasks.length);
    tasks.push({
      row,
      key: `todoist:${options.digest}:${row}`,
      input,
      completed: false,
      completedAt: null,
      project: projects.length > 0 && parent === null ? 0 : null,
      parent: parent === null ? null : (kept.get(parent) ?? null),
      nextOccurrence: null,
    });
  }
  return { format: "todoist-csv", projects, tasks, problems: problems.list };
}
