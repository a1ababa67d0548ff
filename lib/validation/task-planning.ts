/**
 * The planner's parts of a task as zod schemas: how it repeats and when to be reminded. Shapes
 * only: whether a rule is supported and ever repeats needs the user's time zone and is decided
 * on the server (lib/server/tasks/recurrence.ts). Browser-safe, loaded with the forms.
 */
import { z } from "zod";
import {
  REMINDER_MINUTES_MAX,
  REMINDERS_MAX,
  REPEAT_FROM,
  REPEAT_RULE_MAX,
  type Reminder,
  SNOOZE_MINUTES_DEFAULT,
  SNOOZE_MINUTES_MAX,
} from "@/lib/tasks/model";
import { listOf, unknownFields } from "./text";

/** Instants as the API takes them: ISO-8601 with an offset, within years 1000..9999, stored in UTC. */
export function instantSchema(what: string) {
  return z.iso
    .datetime({
      offset: true,
      error: `${what} must be an ISO-8601 date-time with a time zone, e.g. 2030-01-31T17:00:00Z`,
    })
    .refine((v) => {
      const ms = Date.parse(v);
      return ms >= Date.UTC(1000, 0, 1) && ms <= Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    }, `${what} must be between the years 1000 and 9999`)
    .transform((v) => new Date(v).toISOString());
}

export const repeatSchema = z
  .strictObject(
    {
      rule: z
        .string({ error: "repeat.rule must be an RRULE, e.g. FREQ=WEEKLY;BYDAY=MO" })
        .trim()
        .toUpperCase()
        .min(1, "repeat.rule must not be empty")
        .max(REPEAT_RULE_MAX, `repeat.rule must be at most ${REPEAT_RULE_MAX} characters`)
        .regex(/^[A-Z0-9=;,+-]+$/, "repeat.rule must be an RRULE without DTSTART, e.g. FREQ=DAILY")
        .meta({
          description:
            "An RFC 5545 RRULE without DTSTART: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL. Expanded in the user's time zone; the stored rule names its day explicitly.",
          example: "FREQ=WEEKLY;BYDAY=MO,TH",
        }),
      from: z
        .enum(REPEAT_FROM, { error: `repeat.from must be one of ${listOf(REPEAT_FROM)}` })
        .meta({
          description:
            "due: the next date follows the due date; completion: follows the day it was completed.",
        }),
    },
    { error: unknownFields("field") },
  )
  .nullable()
  .meta({ id: "Repeat", description: "How the task repeats, or null. Needs a due date." });

const reminderSchema = z.union(
  [
    z.strictObject({
      minutesBefore: z
        .number({ error: "minutesBefore must be a number of minutes" })
        .int("minutesBefore must be a whole number")
        .min(0, "minutesBefore must not be negative")
        .max(
          REMINDER_MINUTES_MAX,
          `minutesBefore must be at most ${REMINDER_MINUTES_MAX} (four weeks)`,
        ),
    }),
    z.strictObject({ at: instantSchema("Reminder time") }),
  ],
  { error: "Each reminder is { minutesBefore } or { at }" },
);

/** A reminder's identity, so the same reminder given twice is kept once. */
const reminderKey = (r: Reminder) => ("at" in r ? `at:${r.at}` : `before:${r.minutesBefore}`);

export const remindersSchema = z
  .array(reminderSchema, { error: "reminders must be a list" })
  .max(REMINDERS_MAX, `At most ${REMINDERS_MAX} reminders`)
  .transform((list) => [...new Map(list.map((r) => [reminderKey(r), r])).values()])
  .meta({
    id: "Reminders",
    description: `Up to ${REMINDERS_MAX}: { "minutesBefore": n } counts back from the due time (from 09:00 on the due day for a task without a time) and needs a due date; { "at": instant } is absolute. Both move with each occurrence of a repeating task.`,
    example: [{ minutesBefore: 15 }],
  });

export const snoozeBodySchema = z
  .strictObject(
    {
      minutes: z
        .number({ error: "minutes must be a number" })
        .int("minutes must be a whole number")
        .min(1, `minutes must be between 1 and ${SNOOZE_MINUTES_MAX}`)
        .max(SNOOZE_MINUTES_MAX, `minutes must be between 1 and ${SNOOZE_MINUTES_MAX}`)
        .default(SNOOZE_MINUTES_DEFAULT),
    },
    { error: unknownFields("field") },
  )
  .meta({ id: "SnoozeBody", description: "Reminds again after this many minutes." });
