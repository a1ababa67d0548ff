import "server-only";

/** The trash and each task's history (README.md, "Trash and history"). */

import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { HISTORY_MAX, TRASH_DAYS } from "@/lib/tasks/model";
import {
  emptyTrashSchema,
  taskHistorySchema,
  trashListSchema,
  trashQuerySchema,
} from "@/lib/validation/trash";
import { jsonContent, requestIdHeader } from "./content";
import { errors } from "./errors";
import { ownerPath, secured, taskAnswer, taskPath } from "./tasks";

export const TRASH = "Trash and history";
const onTrash = { ...secured, tags: [TRASH] };
const json = (description: string, schema: z.ZodType) => ({
  description,
  headers: z.object({ "X-Request-Id": requestIdHeader }),
  content: jsonContent(schema),
});

const listTrash: ZodOpenApiOperationObject = {
  ...onTrash,
  operationId: "listTrash",
  summary: "The trash: deleted tasks",
  description: `Every task you deleted (DELETE on a task, a bulk delete, a project deleted with its tasks) in the last ${TRASH_DAYS} days, newest first; subtasks deleted with their parent are counted in its \`subtasks\` and come back with it. After ${TRASH_DAYS} days the scheduled work deletes them for good.`,
  requestParams: { path: ownerPath, query: trashQuerySchema },
  responses: {
    "200": json("A page of the trash.", trashListSchema),
    ...errors("validation_failed", "unauthorized", "forbidden"),
  },
};

const emptyTrash: ZodOpenApiOperationObject = {
  ...onTrash,
  operationId: "emptyTrash",
  summary: "Empty the trash",
  description: "Deletes everything in the trash for good, with its history.",
  requestParams: { path: ownerPath },
  responses: {
    "200": json("How many tasks were deleted for good.", emptyTrashSchema),
    ...errors("unauthorized", "forbidden"),
  },
};

const deleteForever: ZodOpenApiOperationObject = {
  ...onTrash,
  operationId: "deleteFromTrash",
  summary: "Delete a trashed task for good",
  description: "The task and the subtasks deleted with it, with their history.",
  requestParams: { path: taskPath },
  responses: {
    "204": { description: "Gone.", headers: z.object({ "X-Request-Id": requestIdHeader }) },
    ...errors("unauthorized", "forbidden", "not_found"),
  },
};

const restore: ZodOpenApiOperationObject = {
  ...onTrash,
  operationId: "restoreTask",
  summary: "Restore a trashed task",
  description:
    "Puts the task back with the subtasks deleted with it: same id, fields and place in its list. It returns to its project if that still exists (else the Inbox), and a subtask to its parent if that is still a top-level task with room (else it comes back as a task of its own). Its reminders go on from now, as after an edit: one that fell due while it was in the trash is not sent, later ones are.",
  requestParams: { path: taskPath },
  responses: {
    "200": taskAnswer("The restored task."),
    ...errors("unauthorized", "forbidden", "not_found"),
  },
};

const history: ZodOpenApiOperationObject = {
  ...onTrash,
  operationId: "taskHistory",
  summary: "A task's history",
  description: `Its newest ${HISTORY_MAX} entries: created, updated (each field with its value before and after), completed, reopened, moved (project, parent or place), deleted and restored. Each is written in the statement that made the change, whatever made it.`,
  requestParams: { path: taskPath },
  responses: {
    "200": json("Newest first.", taskHistorySchema),
    ...errors("unauthorized", "forbidden", "not_found"),
  },
};

export const trashPaths = {
  "/api/{userId}/trash": { get: listTrash, delete: emptyTrash },
  "/api/{userId}/trash/{id}": { delete: deleteForever },
  "/api/{userId}/trash/{id}/restore": { post: restore },
  "/api/{userId}/tasks/{id}/history": { get: history },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
