/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas the route handlers
 * validate with (lib/validation/*), so the document cannot drift from what the server accepts.
 * The parts live beside it: tasks.ts, projects.ts, planner.ts, transfer.ts, trash.ts, calendar.ts, auth.ts and
 * service.ts (paths), errors.ts (error answers).
 */
import "server-only";
import { createDocument } from "zod-openapi";
import { AUTH, authPaths } from "./auth";
import { CALENDAR, calendarPaths } from "./calendar";
import { plannerPaths, REMINDERS } from "./planner";
import { PROJECTS, projectPaths } from "./projects";
import { SERVICE, servicePaths } from "./service";
import { TASKS, taskPaths } from "./tasks";
import { TRANSFER, transferPaths } from "./transfer";
import { TRASH, trashPaths } from "./trash";

const API_VERSION = "1.0.0";

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
      { name: PROJECTS, description: "The caller's projects: named, coloured lists of tasks." },
      { name: REMINDERS, description: "Push devices, snooze, and the reminder dispatch." },
      { name: TRANSFER, description: "Everything you own out as a file, and files back in." },
      { name: TRASH, description: "Deleted tasks for 30 days, and what happened to each task." },
      { name: CALENDAR, description: "A private iCalendar feed of your dated tasks." },
      { name: AUTH, description: "Served by Better Auth: accounts, sessions and API tokens." },
      { name: SERVICE, description: "Health and this document." },
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
      ...taskPaths,
      ...projectPaths,
      ...plannerPaths,
      ...transferPaths,
      ...trashPaths,
      ...calendarPaths,
      ...authPaths,
      ...servicePaths,
    },
  });
}

type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: OpenApiDocument | undefined;

/** The document, built once per process. */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
