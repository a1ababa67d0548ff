/**
 * The tasks API's schemas, shared by the browser (forms) and the server (route handlers,
 * OpenAPI). Values and types come from the task model (lib/tasks/model.ts); the type check at
 * the end fails to compile if the body schema and the model disagree. The answers' schemas are
 * in task-responses.ts. No server-only imports here: the dashboard loads this module after its
 * first paint, for its forms.
 */
import { z } from "zod";
import {
  BULK_ACTIONS,
  BULK_IDS_MAX,
  CURSOR_MAX,
  DEFAULT_ORDER,
  DEFAULT_SORT,
  DESCRIPTION_MAX,
  DUE_FILTERS,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  SEARCH_MAX,
  SORT_KEYS,
  SORT_ORDERS,
  TAG_MAX,
  TAGS_MAX,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskInput,
  type TaskMove,
  TITLE_MAX,
  UTC_OFFSET_MAX,
} from "@/lib/tasks/model";
import { projectIdSchema } from "./projects";
import { instantSchema, remindersSchema, repeatSchema } from "./task-planning";
import { CONTROL, isUnicode, line, listOf, NUL, unknownFields } from "./text";
import type { Agree, Same } from "./type-checks";

const UTC_OFFSET_RANGE = `utcOffset must be between ${-UTC_OFFSET_MAX} and ${UTC_OFFSET_MAX}`;

/** "created desc, updated desc, ...": each sort's default order, for the OpenAPI text. */
const defaultOrders = () =>
  SORT_KEYS.map(
    (key) => `${key} ${DEFAULT_ORDER[key] === "asc" ? "ascending" : "descending"}`,
  ).join(", ");

/* ---------------------------------------------------------------- fields */

export const taskIdSchema = z.uuid({ error: "Must be a task id (a UUID)" }).meta({
  description: "The task's id (a UUID).",
  example: "3f0e8a52-4c1b-4b8e-9a51-1f6f2d7c9b10",
});

const titleSchema = z
  .string({
    error: (issue) => (issue.input === undefined ? "Title is required" : "Title must be text"),
  })
  .trim()
  .min(1, "Title is required")
  .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters`)
  .refine((v) => !CONTROL.test(v), "Title must not contain control characters")
  .refine(isUnicode, "Title must be valid Unicode text")
  .meta({ description: `Trimmed, 1–${TITLE_MAX} characters.`, example: "Buy milk" });

const descriptionSchema = z
  .string({ error: "Description must be text or null" })
  .max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters`)
  .refine((v) => !NUL.test(v), "Description must not contain NUL characters")
  .refine(isUnicode, "Description must be valid Unicode text")
  .nullable()
  // A cleared textarea sends "", which means "no description".
  .transform((v) => (v === null || v.trim() === "" ? null : v))
  .meta({ description: `Up to ${DESCRIPTION_MAX} characters; an empty string is stored as null.` });

export const prioritySchema = z
  .enum(TASK_PRIORITIES, { error: `Priority must be one of ${listOf(TASK_PRIORITIES)}` })
  .meta({ id: "TaskPriority", description: "How important the task is." });

// Stored and returned in UTC.
const dueAtSchema = instantSchema("Due date").nullable().meta({
  description: "ISO-8601 date-time with an offset, or null.",
  example: "2030-01-31T17:00:00Z",
});

const tagSchema = z
  .string({ error: "Each tag must be text" })
  .trim()
  .toLowerCase()
  .min(1, "Tags must not be empty")
  .max(TAG_MAX, `Each tag must be at most ${TAG_MAX} characters`)
  .refine((v) => !CONTROL.test(v), "Tags must not contain control characters")
  .refine(isUnicode, "Tags must be valid Unicode text");

const tagsSchema = z
  .array(tagSchema, { error: "Tags must be a list of strings" })
  .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
  .transform((tags) => [...new Set(tags)])
  .meta({
    description: `Up to ${TAGS_MAX} tags; trimmed, lower-cased and de-duplicated.`,
    example: ["home"],
  });

/* --------------------------------------------------------------- bodies */

export const taskInputSchema = z
  .strictObject(
    {
      title: titleSchema,
      description: descriptionSchema.default(null),
      priority: prioritySchema.default("none"),
      dueAt: dueAtSchema.default(null),
      tags: tagsSchema.default([]),
      repeat: repeatSchema.default(null),
      reminders: remindersSchema.default([]),
      projectId: projectIdSchema.nullable().optional().meta({
        description:
          "The project (null: the Inbox). A subtask is always in its parent's project, whatever is sent.",
      }),
      parentId: taskIdSchema.nullable().optional().meta({
        description:
          "Makes it a subtask of this task (null: top-level). One level deep: the parent cannot be a subtask, nor can a task with subtasks become one.",
      }),
    },
    { error: unknownFields("field") },
  )
  .meta({
    id: "TaskInput",
    description:
      "The editable fields. POST creates, PUT replaces them all (omitted fields take their defaults), except projectId and parentId: omitted, a new task goes to the Inbox at the top level and a replaced one stays where it is. Unknown fields, including id, userId and timestamps, are refused.",
  });

/** What the server stores after trimming and normalising. */
export type TaskInputParsed = z.output<typeof taskInputSchema>;

export const completeBodySchema = z
  .strictObject(
    { completed: z.boolean({ error: "completed must be true or false" }) },
    { error: unknownFields("field") },
  )
  .meta({
    id: "CompleteBody",
    description: "Sets the task's state; send an empty body instead to toggle it.",
  });

export const bulkBodySchema = z
  .strictObject(
    {
      action: z.enum(BULK_ACTIONS, { error: `action must be one of ${listOf(BULK_ACTIONS)}` }),
      ids: z
        .array(taskIdSchema, { error: "ids must be a list of task ids" })
        .min(1, "ids must not be empty")
        .max(BULK_IDS_MAX, `At most ${BULK_IDS_MAX} ids`),
    },
    { error: unknownFields("field") },
  )
  .meta({ id: "BulkBody", description: "One action applied to many of the caller's tasks." });

export const moveBodySchema = z
  .strictObject(
    {
      after: taskIdSchema
        .optional()
        .meta({ description: "Put the task right after this one (in the same list)." }),
      before: taskIdSchema
        .optional()
        .meta({ description: "Put the task right before this one (in the same list)." }),
      projectId: projectIdSchema.nullable().optional().meta({
        description: "Move it to this project (null: the Inbox); omitted, it stays in its own.",
      }),
    },
    { error: unknownFields("field") },
  )
  .refine((m) => m.after === undefined || m.before === undefined, {
    error: "Send after or before, not both",
    path: ["before"],
  })
  .meta({
    id: "TaskMove",
    description:
      "Where the task goes in the manual order: right after or right before a task of the same list (its project or the Inbox, and its parent for a subtask), or, with neither, to the end of the list.",
  });

/* --------------------------------------------------------- query string */

export const listQuerySchema = z
  .strictObject(
    {
      project: z
        .union([z.literal("inbox"), projectIdSchema], {
          error: "project must be a project id or inbox",
        })
        .optional()
        .meta({
          description:
            "Only this project's tasks (a project id), or inbox: tasks in no project. Without it, every list but archived projects'.",
        }),
      parent: z
        .union([z.literal("none"), taskIdSchema], {
          error: "parent must be a task id or none",
        })
        .optional()
        .meta({ description: "none: top-level tasks only; a task id: that task's subtasks." }),
      status: z
        .enum(TASK_STATUSES, { error: `status must be one of ${listOf(TASK_STATUSES)}` })
        .optional()
        .default("all"),
      q: line("q")
        .max(SEARCH_MAX, `q must be at most ${SEARCH_MAX} characters`)
        .transform((v) => v.trim())
        .optional()
        .meta({ description: "Case-insensitive text searched in title, description and tags." }),
      priority: z
        .enum(TASK_PRIORITIES, { error: `priority must be one of ${listOf(TASK_PRIORITIES)}` })
        .optional(),
      tag: line("tag")
        .max(TAG_MAX, `tag must be at most ${TAG_MAX} characters`)
        .transform((v) => v.trim().toLowerCase())
        .optional()
        .meta({ description: "Only tasks carrying this tag." }),
      due: z
        .enum(DUE_FILTERS, { error: `due must be one of ${listOf(DUE_FILTERS)}` })
        .optional()
        .meta({
          description:
            "overdue: incomplete and past due; today: due today; week: due in the next 7 days from the start of today; none: no due date.",
        }),
      utcOffset: z.coerce
        .number({ error: "utcOffset must be a number of minutes" })
        .int("utcOffset must be a whole number of minutes")
        .min(-UTC_OFFSET_MAX, UTC_OFFSET_RANGE)
        .max(UTC_OFFSET_MAX, UTC_OFFSET_RANGE)
        .optional()
        .default(0)
        .meta({
          description:
            "The caller's offset from UTC in minutes (e.g. 120 for UTC+2), which decides when 'today' starts.",
        }),
      sort: z
        .enum(SORT_KEYS, { error: `sort must be one of ${listOf(SORT_KEYS)}` })
        .optional()
        .default(DEFAULT_SORT),
      order: z
        .enum(SORT_ORDERS, { error: `order must be ${SORT_ORDERS.join(" or ")}` })
        .optional()
        .meta({
          description: `Defaults per sort: ${defaultOrders()}. Tasks without a due date come last either way.`,
        }),
      limit: z.coerce
        .number({ error: "limit must be a number" })
        .int("limit must be a whole number")
        .min(1, `limit must be between 1 and ${LIST_LIMIT_MAX}`)
        .max(LIST_LIMIT_MAX, `limit must be between 1 and ${LIST_LIMIT_MAX}`)
        .optional()
        .default(LIST_LIMIT_DEFAULT),
      cursor: z
        .string()
        .min(1, "cursor must not be empty")
        .max(CURSOR_MAX, "cursor is too long")
        .optional()
        .meta({ description: "The nextCursor of the previous page, as is." }),
    },
    { error: unknownFields("parameter") },
  )
  .meta({ id: "ListQuery" });

/** Compiles only while the body schemas describe exactly the model's types. */
export type InputMatchesModel = [
  Agree<Same<z.input<typeof taskInputSchema>, TaskInput>>,
  Agree<Same<z.input<typeof moveBodySchema>, TaskMove>>,
];
