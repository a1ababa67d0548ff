import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import type { TaskRecord } from "@/db/queries/task-columns";
import {
  completeOccurrence,
  type NextOccurrenceRow,
  openRepeatingTasks,
  reopenTasks,
  skipOccurrence,
} from "@/db/queries/task-completion";
import { bulkUpdate, getTask, setCompleted } from "@/db/queries/tasks";
import type { TaskRow } from "@/db/schema";
import { ApiError } from "@/lib/server/http/errors";
import { reminderSchedule } from "@/lib/server/tasks/planning";
import type { BulkAction } from "@/lib/tasks/model";

/**
 * Completing, reopening and skipping tasks, repeating ones included. A plain task changes in one
 * statement, as before repeats existed. An occurrence of a repeating task is read, its next
 * occurrence worked out in the user's zone, and written in one guarded statement
 * (db/queries/task-completion.ts); if another request changed it in between, it is read again.
 */

/** How often a guarded write is tried before the request gives up with 409. */
const ATTEMPTS = 5;

export interface CompletionOutcome {
  task: TaskRecord;
  /** The occurrence this completion created, if it created one. */
  next: TaskRecord | null;
}

type ZoneOf = () => Promise<string>;

type OpenOccurrence = TaskRow & { dueAt: Date; repeatRule: string };

const isOpenOccurrence = <T extends TaskRow>(row: T): row is T & OpenOccurrence =>
  !row.completed && row.repeatRule !== null && row.dueAt !== null;

/** The occurrence after `row`, with its reminders moved along; null when the series ends. */
async function followingOccurrence(
  row: OpenOccurrence,
  zone: string,
  now: Date,
): Promise<NextOccurrenceRow | null> {
  const [{ nextOccurrence }, { shiftReminders }] = await Promise.all([
    import("@/lib/server/tasks/recurrence"),
    import("@/lib/server/reminders/schedule"),
  ]);
  const repeat = { rule: row.repeatRule, from: row.repeatFrom ?? "due" };
  const next = nextOccurrence(repeat, row.dueAt, zone, now, now);
  if (!next) return null;
  const reminders = shiftReminders(row.reminders, row.dueAt, next.dueAt);
  const schedule = await reminderSchedule(reminders, next.dueAt, async () => zone, now);
  return { id: randomUUID(), dueAt: next.dueAt, repeatRule: next.rule, reminders, ...schedule };
}

const tooBusy = () =>
  new ApiError("conflict", "This task is being changed elsewhere right now. Try again.");

/**
 * PATCH complete: `completed` true or false, or a toggle when undefined. Null when the task is
 * not the caller's.
 */
export async function changeCompletion(
  db: Database,
  userId: string,
  id: string,
  completed: boolean | undefined,
  zoneOf: ZoneOf,
): Promise<CompletionOutcome | null> {
  const first = await setCompleted(db, userId, id, completed);
  if (!first) return null;
  if (first.applied) return { task: first.task, next: null };
  let read: TaskRecord | null = first.task;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The first attempt uses the row the completion statement answered; later ones read again.
    const row = read ?? (await getTask(db, userId, id));
    read = null;
    if (!row) return null;
    const complete = completed ?? !row.completed;
    if (complete === row.completed) return { task: row, next: null };
    if (!complete) {
      const [reopened] = await reopenTasks(db, userId, [id]);
      if (reopened) return { task: reopened, next: null };
      continue;
    }
    if (!isOpenOccurrence(row)) continue; // changed in between: read again
    const next = await followingOccurrence(row, await zoneOf(), new Date());
    const written = await completeOccurrence(db, userId, row, next);
    if (written) return { task: written.done, next: written.next };
  }
  throw tooBusy();
}

/**
 * Skips an open occurrence of a repeating task: it moves to its next date, uncompleted. Null
 * when the task is not the caller's; 409 when it does not repeat or this is its last date.
 */
export async function skipToNext(
  db: Database,
  userId: string,
  id: string,
  zoneOf: ZoneOf,
): Promise<TaskRecord | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await getTask(db, userId, id);
    if (!row) return null;
    if (!isOpenOccurrence(row)) {
      throw new ApiError("conflict", "Only an open, repeating task can skip to its next date.");
    }
    const next = await followingOccurrence(row, await zoneOf(), new Date());
    if (!next) {
      throw new ApiError(
        "conflict",
        "This is the last date of the series: complete it or delete it.",
      );
    }
    const { id: _unused, ...moved } = next;
    const skipped = await skipOccurrence(db, userId, row, moved);
    if (skipped) return skipped;
  }
  throw tooBusy();
}

/**
 * The bulk endpoint's actions: plain tasks in one statement; repeating ones each in one guarded
 * statement (completing one creates its next occurrence). Returns the ids changed.
 */
export async function bulkChange(
  db: Database,
  userId: string,
  action: BulkAction,
  ids: readonly string[],
  zoneOf: ZoneOf,
): Promise<string[]> {
  const changed = await bulkUpdate(db, userId, action, ids);
  if (action === "delete") return changed;
  const done = new Set(changed);
  const rest = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => !done.has(id));
  if (rest.length === 0) return changed;
  if (action === "uncomplete") {
    const reopened = await reopenTasks(db, userId, rest);
    return [...changed, ...reopened.map((row) => row.id)];
  }
  const open = (await openRepeatingTasks(db, userId, rest)).filter(isOpenOccurrence);
  if (open.length === 0) return changed;
  const zone = await zoneOf();
  const now = new Date();
  for (const row of open) {
    const written = await completeOccurrence(
      db,
      userId,
      row,
      await followingOccurrence(row, zone, now),
    );
    if (written) changed.push(row.id);
  }
  return changed;
}
