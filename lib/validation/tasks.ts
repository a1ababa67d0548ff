/**
 * The tasks API's schemas, shared by the browser (forms) and the server (route handlers,
 * OpenAPI). No server-only imports here: this module ships in the client bundle.
 */
import { z } from "zod";

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const TAGS_MAX = 10;
export const TAG_MAX = 32;
export const SEARCH_MAX = 200;
export const LIST_LIMIT_MAX = 100;
export const LIST_LIMIT_DEFAULT = 50;
export const CURSOR_MAX = 2048;
export const BULK_IDS_MAX = 500;
/** 500 quoted UUIDs need ~20 KB, more than the usual 16 KiB body cap. */
export const BULK_BODY_MAX_BYTES = 32 * 1024;
/** Minutes ahead of UTC accepted for "today"/"week" (UTC-14:00 .. UTC+14:00). */
export const UTC_OFFSET_MAX = 14 * 60;

export const TASK_PRIORITIES = ["none", "low", "medium", "high"] as const;
export const TASK_STATUSES = ["all", "active", "completed"] as const;
export const DUE_FILTERS = ["overdue", "today", "week", "none"] as const;
export const SORT_KEYS = ["created", "updated", "due", "priority", "title"] as const;
export const SORT_ORDERS = ["asc", "desc"] as const;
export const BULK_ACTIONS = ["complete", "uncomplete", "delete"] as const;

export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type DueFilter = (typeof DUE_FILTERS)[number];
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Each sort's natural direction when `order` is not given: newest, soonest, highest first. */
export const DEFAULT_ORDER: Record<SortKey, SortOrder> = {
  created: "desc",
  updated: "desc",
  due: "asc",
  priority: "desc",
  title: "asc",
};

/* Text that Postgres cannot store (NUL) or that is not Unicode (lone surrogates). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const NUL = /\u0000/;

const isUnicode = (value: string) => !LONE_SURROGATE.test(value);

/** Single-line text: no control characters, valid Unicode. */
function line(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${what} is required` : `${what} must be text`,
    })
    .refine((v) => !CONTROL.test(v), `${what} must not contain control characters`)
    .refine(isUnicode, `${what} must be valid Unicode text`);
}

const unknownFields =
  (noun: string) =>
  (issue: { code?: string; keys?: string[] }): string | undefined =>
    issue.code === "unrecognized_keys" && issue.keys
      ? `Unknown ${noun}${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`
      : undefined;

/* ---------------------------------------------------------------- fields */

export const taskIdSchema = z.uuid({ error: "Must be a task id (a UUID)" }).meta({
  description: "The task's id (a UUID).",
  example: "3f0e8a52-4c1b-4b8e-9a51-1f6f2d7c9b10",
});

export const titleSchema = z
  .string({
    error: (issue) => (issue.input === undefined ? "Title is required" : "Title must be text"),
  })
  .trim()
  .min(1, "Title is required")
  .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters`)
  .refine((v) => !CONTROL.test(v), "Title must not contain control characters")
  .refine(isUnicode, "Title must be valid Unicode text")
  .meta({ description: "Trimmed, 1–200 characters.", example: "Buy milk" });

export const descriptionSchema = z
  .string({ error: "Description must be text or null" })
  .max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters`)
  .refine((v) => !NUL.test(v), "Description must not contain NUL characters")
  .refine(isUnicode, "Description must be valid Unicode text")
  .nullable()
  // A cleared textarea sends "", which means "no description".
  .transform((v) => (v === null || v.trim() === "" ? null : v))
  .meta({ description: "Up to 2000 characters; an empty string is stored as null." });

export const prioritySchema = z
  .enum(TASK_PRIORITIES, { error: "Priority must be one of none, low, medium, high" })
  .meta({ id: "TaskPriority", description: "How important the task is." });

const DUE_MIN = Date.UTC(1000, 0, 1);
const DUE_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const dueAtSchema = z.iso
  .datetime({
    offset: true,
    error: "Due date must be an ISO-8601 date-time with a time zone, e.g. 2030-01-31T17:00:00Z",
  })
  .refine((v) => {
    const ms = Date.parse(v);
    return ms >= DUE_MIN && ms <= DUE_MAX;
  }, "Due date must be between the years 1000 and 9999")
  // Stored and returned in UTC.
  .transform((v) => new Date(v).toISOString())
  .nullable()
  .meta({
    description: "ISO-8601 date-time with an offset, or null.",
    example: "2030-01-31T17:00:00Z",
  });

export const tagSchema = z
  .string({ error: "Each tag must be text" })
  .trim()
  .toLowerCase()
  .min(1, "Tags must not be empty")
  .max(TAG_MAX, `Each tag must be at most ${TAG_MAX} characters`)
  .refine((v) => !CONTROL.test(v), "Tags must not contain control characters")
  .refine(isUnicode, "Tags must be valid Unicode text");

export const tagsSchema = z
  .array(tagSchema, { error: "Tags must be a list of strings" })
  .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
  .transform((tags) => [...new Set(tags)])
  .meta({
    description: "Up to 10 tags; trimmed, lower-cased and de-duplicated.",
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
    },
    { error: unknownFields("field") },
  )
  .meta({
    id: "TaskInput",
    description:
      "The editable fields. POST creates, PUT replaces them all (omitted fields take their defaults). Unknown fields, including id, userId and timestamps, are refused.",
  });

/** What a form or client sends. */
export type TaskInput = z.input<typeof taskInputSchema>;
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

export type CompleteBody = z.infer<typeof completeBodySchema>;

export const bulkBodySchema = z
  .strictObject(
    {
      action: z.enum(BULK_ACTIONS, { error: "action must be one of complete, uncomplete, delete" }),
      ids: z
        .array(taskIdSchema, { error: "ids must be a list of task ids" })
        .min(1, "ids must not be empty")
        .max(BULK_IDS_MAX, `At most ${BULK_IDS_MAX} ids`),
    },
    { error: unknownFields("field") },
  )
  .meta({ id: "BulkBody", description: "One action applied to many of the caller's tasks." });

export type BulkBody = z.infer<typeof bulkBodySchema>;

/* --------------------------------------------------------- query string */

export const listQuerySchema = z
  .strictObject(
    {
      status: z
        .enum(TASK_STATUSES, { error: "status must be one of all, active, completed" })
        .optional()
        .default("all"),
      q: line("q")
        .max(SEARCH_MAX, `q must be at most ${SEARCH_MAX} characters`)
        .transform((v) => v.trim())
        .optional()
        .meta({ description: "Case-insensitive text searched in title and description." }),
      priority: z
        .enum(TASK_PRIORITIES, { error: "priority must be one of none, low, medium, high" })
        .optional(),
      tag: line("tag")
        .max(TAG_MAX, `tag must be at most ${TAG_MAX} characters`)
        .transform((v) => v.trim().toLowerCase())
        .optional()
        .meta({ description: "Only tasks carrying this tag." }),
      due: z
        .enum(DUE_FILTERS, { error: "due must be one of overdue, today, week, none" })
        .optional()
        .meta({
          description:
            "overdue: incomplete and past due; today: due today; week: due in the next 7 days from the start of today; none: no due date.",
        }),
      utcOffset: z.coerce
        .number({ error: "utcOffset must be a number of minutes" })
        .int("utcOffset must be a whole number of minutes")
        .min(-UTC_OFFSET_MAX, "utcOffset must be between -840 and 840")
        .max(UTC_OFFSET_MAX, "utcOffset must be between -840 and 840")
        .optional()
        .default(0)
        .meta({
          description:
            "The caller's offset from UTC in minutes (e.g. 120 for UTC+2), which decides when 'today' starts.",
        }),
      sort: z
        .enum(SORT_KEYS, { error: "sort must be one of created, updated, due, priority, title" })
        .optional()
        .default("created"),
      order: z.enum(SORT_ORDERS, { error: "order must be asc or desc" }).optional().meta({
        description:
          "Defaults per sort: created, updated and priority descending; due and title ascending. Tasks without a due date come last either way.",
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

export type ListQuery = z.output<typeof listQuerySchema>;
export type ListQueryInput = z.input<typeof listQuerySchema>;

/* ------------------------------------------------------------ responses */

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
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "Task", description: "A task; timestamps are ISO-8601 in UTC." });

export type Task = z.infer<typeof taskSchema>;

export const taskCountsSchema = z
  .object({ all: z.number().int(), active: z.number().int(), completed: z.number().int() })
  .meta({
    id: "TaskCounts",
    description: "How many of the caller's tasks match the filters other than status, per status.",
  });

export type TaskCounts = z.infer<typeof taskCountsSchema>;

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

export type TaskList = z.infer<typeof taskListSchema>;

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

export type BulkResult = z.infer<typeof bulkResultSchema>;
