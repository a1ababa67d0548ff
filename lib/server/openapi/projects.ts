import "server-only";

/** The Projects operations of the OpenAPI document, and the task move. */

import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import {
  projectDeleteQuerySchema,
  projectIdSchema,
  projectInputSchema,
  projectListSchema,
  projectPatchSchema,
  projectSchema,
} from "@/lib/validation/projects";
import { moveBodySchema } from "@/lib/validation/tasks";
import { jsonContent, requestIdHeader } from "./content";
import { errors } from "./errors";
import { ownerPath, secured, TASKS, taskAnswer, taskPath } from "./tasks";

export const PROJECTS = "Projects";
const onProjects = { ...secured, tags: [PROJECTS] };

const projectPath = z.object({ userId: ownerPath.shape.userId, id: projectIdSchema });
const projectEtag = z.string().meta({
  description: "The project's version; send it back in If-Match to change only that version.",
  example: '"1767225600000"',
});
const ifMatch = z.object({
  "If-Match": z.string().optional().meta({
    description:
      "An ETag from an earlier answer: the write happens only at that version, else 412.",
  }),
});
const projectAnswer = (description: string) => ({
  description,
  headers: z.object({ ETag: projectEtag, "X-Request-Id": requestIdHeader }),
  content: jsonContent(projectSchema),
});

const listProjects: ZodOpenApiOperationObject = {
  ...onProjects,
  operationId: "listProjects",
  summary: "List your projects",
  description: "In the sidebar's order, archived ones included, with open-task counts.",
  requestParams: { path: ownerPath },
  responses: {
    "200": {
      description: "The projects and the Inbox's count.",
      headers: z.object({ "X-Request-Id": requestIdHeader }),
      content: jsonContent(projectListSchema),
    },
    ...errors("unauthorized", "forbidden"),
  },
};

const createProject: ZodOpenApiOperationObject = {
  ...onProjects,
  operationId: "createProject",
  summary: "Create a project",
  description:
    "It goes last in the order. 409 when the name is in use (ignoring case) or the account holds 300 projects.",
  requestParams: { path: ownerPath },
  requestBody: { required: true, content: jsonContent(projectInputSchema) },
  responses: {
    "201": {
      ...projectAnswer("The new project."),
      headers: z.object({
        ETag: projectEtag,
        Location: z.string().meta({ description: "The project's URL." }),
        "X-Request-Id": requestIdHeader,
      }),
    },
    ...errors("validation_failed", "unauthorized", "forbidden", "conflict", "payload_too_large"),
  },
};

const getProject: ZodOpenApiOperationObject = {
  ...onProjects,
  operationId: "getProject",
  summary: "Get one project",
  requestParams: { path: projectPath },
  responses: {
    "200": projectAnswer("The project, its version in ETag."),
    ...errors("unauthorized", "forbidden", "not_found"),
  },
};

const updateProject: ZodOpenApiOperationObject = {
  ...onProjects,
  operationId: "updateProject",
  summary: "Rename, recolour, archive or move a project",
  description:
    "Archiving takes its tasks out of every view but the project's own (they keep their reminders). `after`/`before` move it in the order: one row is written.",
  requestParams: { path: projectPath, header: ifMatch },
  requestBody: { required: true, content: jsonContent(projectPatchSchema) },
  responses: {
    "200": projectAnswer("The project after the change."),
    ...errors(
      "validation_failed",
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "precondition_failed",
      "payload_too_large",
    ),
  },
};

const deleteProject: ZodOpenApiOperationObject = {
  ...onProjects,
  operationId: "deleteProject",
  summary: "Delete a project",
  description:
    "Its tasks go to the Inbox (`tasks=move`) or are deleted with it (`tasks=delete`), in the same statement.",
  requestParams: { path: projectPath, query: projectDeleteQuerySchema, header: ifMatch },
  responses: {
    "204": { description: "Deleted.", headers: z.object({ "X-Request-Id": requestIdHeader }) },
    ...errors("validation_failed", "unauthorized", "forbidden", "not_found", "precondition_failed"),
  },
};

const moveTask: ZodOpenApiOperationObject = {
  ...secured,
  tags: [TASKS],
  operationId: "moveTask",
  summary: "Move a task in the manual order, or to another project",
  description:
    "One small write: the task's `position` becomes the midpoint between its new neighbours (no other task is renumbered), so moves from two devices at once never lose or repeat a task. A top-level task's subtasks go with it to another project; a subtask moves only among its siblings. List with `sort=manual` to see the order.",
  requestParams: { path: taskPath },
  requestBody: { required: true, content: jsonContent(moveBodySchema) },
  responses: {
    "200": taskAnswer("The task in its new place."),
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

export const projectPaths = {
  "/api/{userId}/projects": { get: listProjects, post: createProject },
  "/api/{userId}/projects/{id}": {
    get: getProject,
    patch: updateProject,
    delete: deleteProject,
  },
  "/api/{userId}/tasks/{id}/move": { post: moveTask },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
