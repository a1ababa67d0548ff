import "server-only";

/** The Tasks operations of the OpenAPI document (list, create, get, replace, delete, complete, bulk). */

import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject } from "zod-openapi";
import {
  bulkResultSchema,
  completeResultSchema,
  taskListSchema,
  taskSchema,
} from "@/lib/validation/task-responses";
import {
  bulkBodySchema,
  completeBodySchema,
  listQuerySchema,
  taskIdSchema,
  taskInputSchema,
} from "@/lib/validation/tasks";
import { jsonContent, requestIdHeader } from "./content";
import { errors } from "./errors";

export const TASKS = "Tasks";

/* ------------------------------------------------------------- shared parts */

const etagHeader = z.string().meta({
  description: "The task's version; send it back in If-Match to update only that version.",
  example: '"1767225600000"',
});

export function taskAnswer(
  description: string,
  schema: z.ZodType = taskSchema,
): ZodOpenApiResponseObject {
  return {
    description,
    headers: z.object({ ETag: etagHeader, "X-Request-Id": requestIdHeader }),
    content: jsonContent(schema),
  };
}

const userIdParam = z.string().meta({
  description: "The caller's user id (the `sub` of the token); any other is 403.",
  example: "Yx8bV1c2kQ3pL0aZ",
});

export const ownerPath = z.object({ userId: userIdParam });
export const taskPath = z.object({ userId: userIdParam, id: taskIdSchema });

const ifMatchHeader = z.object({
  "If-Match": z.string().optional().meta({
    description:
      'An ETag from an earlier answer (or a list of them, or "*"). The write happens only if the task is still at that version, else 412.',
    example: '"1767225600000"',
  }),
});

export const secured: Pick<ZodOpenApiOperationObject, "security" | "tags"> = {
  security: [{ bearerAuth: [] }],
  tags: [TASKS],
};

/* ------------------------------------------------------------- operations */

const listTasks: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "listTasks",
  summary: "List your tasks",
  description:
    "One page of the caller's tasks, filtered and sorted, with counts per status. Pages are keyset-paginated: pass `nextCursor` back as `cursor` with the same sort and order; pages stay consistent while tasks are added. Unknown or repeated parameters are refused.",
  requestParams: { path: ownerPath, query: listQuerySchema },
  responses: {
    "200": {
      description: "A page of tasks.",
      headers: z.object({ "X-Request-Id": requestIdHeader }),
      content: jsonContent(taskListSchema),
    },
    ...errors("validation_failed", "unauthorized", "forbidden"),
  },
};

const createTask: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "createTask",
  summary: "Create a task",
  requestParams: { path: ownerPath },
  requestBody: { required: true, content: jsonContent(taskInputSchema) },
  responses: {
    "201": {
      ...taskAnswer("The new task."),
      headers: z.object({
        ETag: etagHeader,
        Location: z.string().meta({ description: "The task's URL." }),
        "X-Request-Id": requestIdHeader,
      }),
    },
    ...errors("validation_failed", "unauthorized", "forbidden", "payload_too_large"),
  },
};

const getTask: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "getTask",
  summary: "Get one task",
  requestParams: { path: taskPath },
  responses: {
    "200": taskAnswer("The task, its version in ETag."),
    ...errors("unauthorized", "forbidden", "not_found"),
  },
};

const replaceTask: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "replaceTask",
  summary: "Replace a task's editable fields",
  description:
    "Omitted optional fields take their defaults, except projectId and parentId, which stay as they are. With If-Match the update happens only if the task is still at that version (two tabs cannot silently overwrite each other).",
  requestParams: { path: taskPath, header: ifMatchHeader },
  requestBody: { required: true, content: jsonContent(taskInputSchema) },
  responses: {
    "200": taskAnswer("The updated task."),
    ...errors(
      "validation_failed",
      "unauthorized",
      "forbidden",
      "not_found",
      "precondition_failed",
      "payload_too_large",
    ),
  },
};

const deleteTask: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "deleteTask",
  summary: "Delete a task",
  requestParams: { path: taskPath, header: ifMatchHeader },
  responses: {
    "204": { description: "Deleted.", headers: z.object({ "X-Request-Id": requestIdHeader }) },
    ...errors("unauthorized", "forbidden", "not_found", "precondition_failed"),
  },
};

const completeTask: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "completeTask",
  summary: "Complete, reopen or toggle a task",
  description:
    'With `{ "completed": true|false }` sets the state; with an empty body toggles it, atomically: concurrent toggles are never lost. `completedAt` is set and cleared with it. Completing an occurrence of a repeating task creates the next occurrence (answered as `nextOccurrence`), in the same statement; forty parallel completes create one. Reopening it takes that occurrence back if nobody has touched it since (the Undo).',
  requestParams: { path: taskPath },
  requestBody: { required: false, content: jsonContent(completeBodySchema) },
  responses: {
    "200": taskAnswer("The task after the change.", completeResultSchema),
    ...errors(
      "validation_failed",
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "payload_too_large",
    ),
  },
};

const bulkTasks: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "bulkTasks",
  summary: "Complete, reopen or delete many tasks",
  description:
    "One statement; only the caller's tasks among `ids` are affected, others are ignored.",
  requestParams: { path: ownerPath },
  requestBody: { required: true, content: jsonContent(bulkBodySchema) },
  responses: {
    "200": {
      description: "What was affected.",
      headers: z.object({ "X-Request-Id": requestIdHeader }),
      content: jsonContent(bulkResultSchema),
    },
    ...errors("validation_failed", "unauthorized", "forbidden", "payload_too_large"),
  },
};

export const taskPaths = {
  "/api/{userId}/tasks": { get: listTasks, post: createTask },
  "/api/{userId}/tasks/{id}": { get: getTask, put: replaceTask, delete: deleteTask },
  "/api/{userId}/tasks/{id}/complete": { patch: completeTask },
  "/api/{userId}/tasks/bulk": { post: bulkTasks },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
