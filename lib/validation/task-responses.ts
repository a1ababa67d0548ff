/**
 * The tasks API's answers as zod schemas, for the OpenAPI document and the tests. Their types
 * are the task model's (lib/tasks/model.ts); the check at the end fails to compile otherwise.
 */
import { z } from "zod";
import {
  BULK_ACTIONS,
  type BulkResult,
  type CompleteResult,
  type PushDevice,
  REPEAT_FROM,
  type Task,
  type TaskCounts,
  type TaskList,
} from "@/lib/tasks/model";
import { prioritySchema } from "./tasks";
import type { Agree, Same } from "./type-checks";

const isoTimestamp = z.iso.datetime().meta({ example: "2030-01-31T17:00:00.000Z" });

export const taskSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    completed: z.boolean(),
    completedAt: isoTimestamp.nullable(),
    priority: prioritySchema,
    dueAt: isoTimestamp.nullable(),
    tags: z.array(z.string()),
    repeat: z.object({ rule: z.string(), from: z.enum(REPEAT_FROM) }).nullable(),
    reminders: z.array(
      z.union([z.object({ minutesBefore: z.number().int() }), z.object({ at: isoTimestamp })]),
    ),
    nextReminderAt: isoTimestamp
      .nullable()
      .meta({ description: "When the next reminder goes out; null when none is left." }),
    nextOccurrenceId: z.uuid().nullable().meta({
      description: "For a completed occurrence of a repeating task: the occurrence it created.",
    }),
    projectId: z.uuid().nullable().meta({ description: "Its project; null: the Inbox." }),
    parentId: z.uuid().nullable().meta({ description: "The task it is a subtask of, or null." }),
    position: z.string().meta({
      description: "Its place in the manual order (sort=manual): compare as numbers, never show.",
      example: "1767225600.5",
    }),
    subtasks: z
      .object({ total: z.number().int(), done: z.number().int() })
      .meta({ description: "How many subtasks it has, and how many of them are completed." }),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "Task", description: "A task; timestamps are ISO-8601 in UTC." });

export const completeResultSchema = taskSchema
  .extend({
    nextOccurrence: taskSchema.nullable().meta({
      description: "For a repeating task just completed: the next occurrence, created with it.",
    }),
  })
  .meta({ id: "CompleteResult" });

export const pushDeviceSchema = z
  .object({
    id: z.uuid(),
    label: z.string().meta({ example: "Chrome on Linux" }),
    createdAt: isoTimestamp,
    lastUsedAt: isoTimestamp.nullable(),
  })
  .meta({ id: "PushDevice", description: "A browser that receives this user's reminders." });

const taskCountsSchema = z
  .object({ all: z.number().int(), active: z.number().int(), completed: z.number().int() })
  .meta({
    id: "TaskCounts",
    description: "How many of the caller's tasks match the filters other than status, per status.",
  });

export const taskListSchema = z
  .object({
    tasks: z.array(taskSchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as cursor for the next page; null on the last page." }),
    counts: taskCountsSchema,
  })
  .meta({ id: "TaskList" });

export const bulkResultSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    affected: z
      .number()
      .int()
      .meta({ description: "How many of the caller's tasks were changed." }),
    ids: z.array(z.uuid()).meta({
      description: "The ids that were affected; others were not the caller's or did not exist.",
    }),
  })
  .meta({ id: "BulkResult" });

/** Compiles only while each schema describes exactly the model's type. */
export type ResponsesMatchModel = [
  Agree<Same<z.output<typeof taskSchema>, Task>>,
  Agree<Same<z.output<typeof taskCountsSchema>, TaskCounts>>,
  Agree<Same<z.output<typeof taskListSchema>, TaskList>>,
  Agree<Same<z.output<typeof bulkResultSchema>, BulkResult>>,
  Agree<Same<z.output<typeof completeResultSchema>, CompleteResult>>,
  Agree<Same<z.output<typeof pushDeviceSchema>, PushDevice>>,
];
