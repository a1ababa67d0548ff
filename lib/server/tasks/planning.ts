import "server-only";
import type { TaskFields } from "@/db/queries/tasks";
import { ApiError } from "@/lib/server/http/errors";
import type { TaskInputParsed } from "@/lib/validation/tasks";

/**
 * A task's stored fields from what a client sent: the repeat checked and normalised in the
 * user's time zone, and when its next reminder goes out. Reminders whose moment has passed when
 * the task is saved never go out. Temporal and the RRULE engine load only for tasks that repeat
 * or count a reminder back from their due date, so other writes do not pay for them.
 */
export async function taskFields(
  input: TaskInputParsed,
  /** The user's time zone, asked only when the task repeats or counts back from its due date. */
  zoneOf: () => Promise<string>,
  now: Date = new Date(),
): Promise<TaskFields> {
  const dueAt = input.dueAt === null ? null : new Date(input.dueAt);
  let repeatRule: string | null = null;
  if (input.repeat) {
    const { validateRepeat } = await import("@/lib/server/tasks/recurrence");
    const checked = validateRepeat(input.repeat, dueAt, await zoneOf());
    if (!checked.ok) {
      const path = dueAt ? "repeat.rule" : "dueAt";
      throw new ApiError("validation_failed", `${path}: ${checked.message}`, [
        { path, message: checked.message },
      ]);
    }
    repeatRule = checked.rule;
  }
  if (!dueAt && input.reminders.some((r) => "minutesBefore" in r)) {
    const message = "A reminder before the due time needs a due date";
    throw new ApiError("validation_failed", `reminders: ${message}`, [
      { path: "reminders", message },
    ]);
  }
  return {
    title: input.title,
    description: input.description,
    priority: input.priority,
    dueAt,
    tags: input.tags,
    repeatRule,
    repeatFrom: input.repeat?.from ?? null,
    reminders: input.reminders,
    projectId: input.projectId,
    parentId: input.parentId,
    ...(await reminderSchedule(input.reminders, dueAt, zoneOf, now)),
  };
}

/** The reminder columns after a write at `now`: what is left to send, none of it sent yet. */
export async function reminderSchedule(
  reminders: TaskFields["reminders"],
  dueAt: Date | null,
  zoneOf: () => Promise<string>,
  now: Date,
): Promise<Pick<TaskFields, "nextReminderAt" | "remindedThrough">> {
  if (reminders.length === 0) return { nextReminderAt: null, remindedThrough: null };
  const { nextReminderAt } = await import("@/lib/server/reminders/schedule");
  // Absolute reminders need no zone; only counting back from a due date does.
  const relative = dueAt !== null && reminders.some((r) => "minutesBefore" in r);
  const zone = relative ? await zoneOf() : "UTC";
  return {
    nextReminderAt: nextReminderAt({ reminders, dueAt, zone, through: now }),
    remindedThrough: now,
  };
}
