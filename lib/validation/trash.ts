/**
 * The trash's and the task history's query string and answers as zod schemas, for the route
 * handlers, the OpenAPI document and the tests; checked against the model at compile time.
 */
import { z } from "zod";
import {
  CURSOR_MAX,
  TASK_EVENT_KINDS,
  type TaskEvent,
  TRASH_PAGE_MAX,
  type TrashEntry,
  type TrashList,
} from "@/lib/tasks/model";
import { taskSchema } from "./task-responses";
import type { Agree, Same } from "./type-checks";

const isoTimestamp = z.iso.datetime().meta({ example: "2030-01-31T17:00:00.000Z" });

export const trashQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(TRASH_PAGE_MAX).default(50),
  cursor: z
    .string()
    .max(CURSOR_MAX)
    .optional()
    .meta({ description: "The nextCursor of the page before." }),
});

export const trashEntrySchema = z
  .object({
    task: taskSchema,
    subtasks: z
      .number()
      .int()
      .meta({ description: "Subtasks deleted with it; they come back with it." }),
    deletedAt: isoTimestamp,
    purgeAt: isoTimestamp.meta({ description: "When it is deleted for good." }),
  })
  .meta({ id: "TrashEntry" });

export const trashListSchema = z
  .object({
    entries: z.array(trashEntrySchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as cursor for the next page; null on the last page." }),
  })
  .meta({ id: "TrashList" });

export const emptyTrashSchema = z
  .object({ deleted: z.number().int().meta({ description: "Tasks deleted for good." }) })
  .meta({ id: "EmptyTrashResult" });

export const taskEventSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TASK_EVENT_KINDS),
    at: isoTimestamp,
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).meta({
      description:
        "The fields the change touched, by their API names (title, description, priority, dueAt, tags, repeat, reminders, completed, projectId, parentId, position), with their values before and after.",
    }),
  })
  .meta({ id: "TaskEvent" });

export const taskHistorySchema = z
  .object({ events: z.array(taskEventSchema).meta({ description: "Newest first." }) })
  .meta({ id: "TaskHistory" });

export type TrashMatchesModel = [
  Agree<Same<z.output<typeof trashEntrySchema>, TrashEntry>>,
  Agree<Same<z.output<typeof trashListSchema>, TrashList>>,
  Agree<Same<z.output<typeof taskEventSchema>, TaskEvent>>,
];
