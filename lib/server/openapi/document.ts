/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas the route handlers
 * validate with (lib/validation/*), so the document cannot drift from what the server accepts.
 */
import "server-only";
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { MAX_BODY_BYTES } from "@/lib/server/http/body";
import { ERROR_STATUS, type ErrorCode } from "@/lib/server/http/errors";
import { BULK_BODY_MAX_BYTES } from "@/lib/tasks/model";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import {
  bulkBodySchema,
  bulkResultSchema,
  completeBodySchema,
  listQuerySchema,
  taskIdSchema,
  taskInputSchema,
  taskListSchema,
  taskSchema,
} from "@/lib/validation/tasks";

export const API_VERSION = "1.0.0";

/* ------------------------------------------------------------- shared parts */

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().meta({ description: "For people; safe to show." }),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: "Field by field problems (validation_failed)." }),
      requestId: z.string().optional().meta({ description: "Quote it when reporting a 5xx." }),
    }),
  })
  .meta({
    id: "Error",
    description: "The one error shape of every API answer that is not a success.",
  });

const requestIdHeader = z.string().meta({ description: "This request's id, also in the logs." });

const jsonContent = (schema: z.ZodType) => ({ "application/json": { schema } });

const ERROR_DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  validation_failed: "The body, query string or a header is invalid; `details` names each field.",
  unauthorized:
    "No bearer token, or one that is malformed, expired, forged or for a deleted account.",
  forbidden: "A valid token for another user than the one in the path.",
  not_found: "No such task among the caller's (also for ids that are not UUIDs).",
  precondition_failed:
    "If-Match names a version that is no longer current; nothing was changed. The current version is in ETag.",
  payload_too_large: `The body is larger than the limit (${MAX_BODY_BYTES} bytes; bulk ${BULK_BODY_MAX_BYTES}).`,
  internal: "An unexpected error; it was logged under `requestId`.",
  unavailable:
    "The database cannot be reached, or every database connection stayed busy (overload); retry after Retry-After seconds.",
};

function errorResponse(code: ErrorCode): ZodOpenApiResponseObject {
  const extra: Record<string, z.ZodString> = {};
  if (code === "unauthorized") {
    extra["WWW-Authenticate"] = z.string().meta({ example: 'Bearer realm="doable"' });
  }
  if (code === "unavailable") {
    extra["Retry-After"] = z.string().meta({ description: "Seconds to wait." });
  }
  if (code === "precondition_failed") {
    extra.ETag = z.string().meta({ description: "The task's current version." });
  }
  return {
    description: `\`${code}\`: ${ERROR_DESCRIPTIONS[code] ?? code}`,
    headers: z.object({ "X-Request-Id": requestIdHeader, ...extra }),
    content: jsonContent(errorSchema),
  };
}

/** Error answers by status for an operation; every operation can also answer 500 and 503. */
function errors(...codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const code of [...codes, "internal", "unavailable"] as ErrorCode[]) {
    responses[`${ERROR_STATUS[code]}`] = errorResponse(code);
  }
  return responses;
}

const etagHeader = z.string().meta({
  description: "The task's version; send it back in If-Match to update only that version.",
  example: '"1767225600000"',
});

function taskAnswer(description: string): ZodOpenApiResponseObject {
  return {
    description,
    headers: z.object({ ETag: etagHeader, "X-Request-Id": requestIdHeader }),
    content: jsonContent(taskSchema),
  };
}

const userIdParam = z.string().meta({
  description: "The caller's user id (the `sub` of the token); any other is 403.",
  example: "Yx8bV1c2kQ3pL0aZ",
});

const ownerPath = z.object({ userId: userIdParam });
const taskPath = z.object({ userId: userIdParam, id: taskIdSchema });

const ifMatchHeader = z.object({
  "If-Match": z.string().optional().meta({
    description:
      'An ETag from an earlier answer (or a list of them, or "*"). The write happens only if the task is still at that version, else 412.',
    example: '"1767225600000"',
  }),
});

const TASKS = "Tasks";
const secured: Pick<ZodOpenApiOperationObject, "security" | "tags"> = {
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
    "Omitted optional fields take their defaults. With If-Match the update happens only if the task is still at that version (two tabs cannot silently overwrite each other).",
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
    'With `{ "completed": true|false }` sets the state; with an empty body toggles it. One atomic statement: concurrent toggles are never lost. `completedAt` is set and cleared with it.',
  requestParams: { path: taskPath },
  requestBody: { required: false, content: jsonContent(completeBodySchema) },
  responses: {
    "200": taskAnswer("The task after the change."),
    ...errors("validation_failed", "unauthorized", "forbidden", "not_found", "payload_too_large"),
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

/* Better Auth serves /api/auth/*; these are the calls an API client needs. */
const AUTH = "Authentication";
const authJson = z.looseObject({}).meta({ description: "Better Auth's answer." });
const authErrors = {
  "4XX": {
    description: "Better Auth's error answer (invalid input, wrong credentials, rate limited).",
    content: jsonContent(
      z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
    ),
  },
};

const authPaths = {
  "/api/auth/sign-up/email": {
    post: {
      tags: [AUTH],
      operationId: "signUp",
      summary: "Create an account (signs in: sets the session cookie)",
      requestBody: { required: true, content: jsonContent(signUpSchema) },
      responses: {
        "200": { description: "The new user and session.", content: jsonContent(authJson) },
        ...authErrors,
      },
    },
  },
  "/api/auth/sign-in/email": {
    post: {
      tags: [AUTH],
      operationId: "signIn",
      summary: "Sign in (sets the session cookie)",
      requestBody: { required: true, content: jsonContent(signInSchema) },
      responses: {
        "200": { description: "The user and session.", content: jsonContent(authJson) },
        ...authErrors,
      },
    },
  },
  "/api/auth/token": {
    get: {
      tags: [AUTH],
      operationId: "getToken",
      summary: "Exchange the session cookie for an API token",
      description:
        "Answers a short-lived JWT (EdDSA, 15 minutes) for `Authorization: Bearer` on the Tasks API. Needs the session cookie.",
      responses: {
        "200": {
          description: "The token.",
          content: jsonContent(z.object({ token: z.string() })),
        },
        ...authErrors,
      },
    },
  },
  "/api/auth/jwks": {
    get: {
      tags: [AUTH],
      operationId: "getJwks",
      summary: "The public keys that verify API tokens",
      responses: {
        "200": {
          description: "A JSON Web Key Set.",
          content: jsonContent(z.object({ keys: z.array(z.looseObject({})) })),
        },
      },
    },
  },
  "/api/auth/sign-out": {
    post: {
      tags: [AUTH],
      operationId: "signOut",
      summary: "End the session",
      responses: {
        "200": { description: "Signed out.", content: jsonContent(authJson) },
        ...authErrors,
      },
    },
  },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;

/* ------------------------------------------------------------- document */

function buildDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Doable API",
      version: API_VERSION,
      description: [
        "Doable's Tasks API. Every task route takes a bearer token (a JWT from `GET /api/auth/token`) whose subject is the `{userId}` in the path.",
        "",
        "JSON in and out, camelCase, ISO-8601 UTC timestamps. Every failure has the `Error` shape. Unknown fields and parameters are refused with 400; request bodies are capped (413). A method a path does not support answers 405 with `Allow`.",
      ].join("\n"),
    },
    servers: [{ url: "/" }],
    tags: [
      { name: TASKS, description: "The caller's tasks." },
      { name: AUTH, description: "Served by Better Auth: accounts, sessions and API tokens." },
      { name: "Service", description: "Health and this document." },
    ],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A token from GET /api/auth/token.",
        },
      },
    },
    paths: {
      "/api/{userId}/tasks": { get: listTasks, post: createTask },
      "/api/{userId}/tasks/{id}": { get: getTask, put: replaceTask, delete: deleteTask },
      "/api/{userId}/tasks/{id}/complete": { patch: completeTask },
      "/api/{userId}/tasks/bulk": { post: bulkTasks },
      ...authPaths,
      "/api/health": {
        get: {
          tags: ["Service"],
          operationId: "health",
          summary: "Liveness and database reachability",
          responses: {
            "200": {
              description: "Up, and the database answers.",
              content: jsonContent(
                z.object({
                  status: z.literal("ok"),
                  database: z.literal("ok"),
                  driver: z.enum(["pglite", "neon-http", "node-postgres"]),
                }),
              ),
            },
            "503": errorResponse("unavailable"),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          tags: ["Service"],
          operationId: "openapi",
          summary: "This document",
          responses: {
            "200": {
              description: "OpenAPI 3.1.",
              content: jsonContent(z.looseObject({ openapi: z.string() })),
            },
          },
        },
      },
    },
  });
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: OpenApiDocument | undefined;

/** The document, built once per process. */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
