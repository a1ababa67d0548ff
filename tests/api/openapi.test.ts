/**
 * GET /api/openapi.json: a well-formed OpenAPI 3.1 document that covers every route under
 * app/api (found by walking the file system, so a new route without documentation fails here),
 * and that is generated from the same zod schemas the handlers validate with.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import type { DbHandle } from "@/db";
import { resetAuth } from "@/lib/server/auth/better-auth";
import { resetTokenVerifier } from "@/lib/server/auth/verify-token";
import { TITLE_MAX } from "@/lib/tasks/model";
import { attachTestDatabase, setTestAuthEnv } from "../support/auth";
import { openTestDatabase } from "../support/databases";
import { isErrorBody } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3300", dataDir: "/tmp/doable-api" });

const API_DIR = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

interface RouteFile {
  file: string;
  /** The OpenAPI path template, e.g. /api/{userId}/tasks/{id}. */
  template: string;
  /** The static part before a catch-all segment, when there is one. */
  catchAllPrefix?: string;
}

function routeFiles(dir = API_DIR, segments: string[] = ["api"]): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...routeFiles(full, [...segments, entry.name]));
    } else if (entry.name === "route.ts") {
      const parts: string[] = [];
      let catchAllPrefix: string | undefined;
      for (const segment of segments) {
        if (/^\(.*\)$/.test(segment)) continue; // route groups do not appear in URLs
        if (/^\[\[?\.\.\./.test(segment)) {
          catchAllPrefix = `/${parts.join("/")}/`;
          break;
        }
        parts.push(segment.replace(/^\[(\w+)\]$/, "{$1}"));
      }
      found.push({
        file: path.relative(process.cwd(), full),
        template: `/${parts.join("/")}`,
        catchAllPrefix,
      });
    }
  }
  return found;
}

/** A concrete URL for a template: any user id, a fresh task id. */
function concrete(template: string): string {
  return `http://localhost:3300${template.replace("{userId}", "someone").replace("{id}", randomUUID())}`;
}

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

async function loadModule(file: string): Promise<Partial<Record<Method, Handler>>> {
  return (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Partial<
    Record<Method, Handler>
  >;
}

/** What a handler is, judged by how it answers an anonymous request. */
async function classify(
  handler: Handler,
  method: Method,
  template: string,
): Promise<"endpoint" | "not-allowed" | "fallback"> {
  const url = concrete(template);
  const params = Object.fromEntries(
    [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => [
      name,
      name === "id" ? randomUUID() : "someone",
    ]),
  );
  const response = await handler(new Request(url, { method }), { params: Promise.resolve(params) });
  if (response.status === 405) return "not-allowed";
  if (response.status === 404) {
    // Our JSON 404 for paths nothing serves (Better Auth's own 404 is not one).
    if (/no API endpoint/i.test(await response.text())) return "fallback";
  }
  return "endpoint";
}

describe("OpenAPI document", () => {
  let handle: DbHandle;
  let doc: {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: {
      schemas: Record<string, Record<string, unknown>>;
      securitySchemes: Record<string, unknown>;
    };
  };

  beforeAll(async () => {
    // GET /api/health really queries the database while routes are classified.
    handle = await openTestDatabase("pglite");
    attachTestDatabase(handle);
    const response = await GET(new Request("http://localhost:3300/api/openapi.json"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    doc = await response.json();
  });
  afterAll(async () => {
    resetAuth();
    resetTokenVerifier();
    await handle?.close();
  });

  it("is OpenAPI 3.1 with bearer auth", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Doable API");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
  });

  it("documents every route under app/api with each method it serves", async () => {
    const files = routeFiles();
    expect(files.map((f) => f.template)).toContain("/api/{userId}/tasks/{id}/complete");
    const missing: string[] = [];
    let endpoints = 0;
    for (const route of files) {
      if (route.catchAllPrefix) {
        const module = await loadModule(route.file);
        const first = METHODS.find((m) => module[m]);
        // A catch-all either is a JSON 404 fallback or serves paths documented under its prefix.
        const kind = first
          ? await classify(module[first] as Handler, first, `${route.catchAllPrefix}x/y`)
          : "fallback";
        if (
          kind !== "fallback" &&
          !Object.keys(doc.paths).some((p) => p.startsWith(route.catchAllPrefix ?? ""))
        ) {
          missing.push(`${route.file}: nothing documented under ${route.catchAllPrefix}`);
        }
        continue;
      }
      const module = await loadModule(route.file);
      for (const method of METHODS) {
        const handler = module[method];
        if (!handler) continue;
        const kind = await classify(handler, method, route.template);
        if (kind !== "endpoint") continue;
        endpoints++;
        if (!doc.paths[route.template]?.[method.toLowerCase()]) {
          missing.push(`${method} ${route.template} (${route.file})`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(endpoints).toBeGreaterThanOrEqual(9);
  });

  it("documents nothing that no route serves", async () => {
    const files = new Map(routeFiles().map((f) => [f.template, f]));
    for (const [template, item] of Object.entries(doc.paths)) {
      if (template.startsWith("/api/auth/")) continue; // Better Auth's catch-all
      const route = files.get(template);
      expect(route, template).toBeDefined();
      const module = await loadModule(route?.file ?? "");
      for (const method of Object.keys(item)) {
        const handler = module[method.toUpperCase() as Method];
        expect(handler, `${method} ${template}`).toBeDefined();
        expect(await classify(handler as Handler, method.toUpperCase() as Method, template)).toBe(
          "endpoint",
        );
      }
    }
  });

  it("declares every path parameter, and every $ref resolves", () => {
    for (const [template, item] of Object.entries(doc.paths)) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map(([, n]) => n);
      for (const [method, operation] of Object.entries(item)) {
        const parameters = (operation.parameters ?? []) as {
          in: string;
          name: string;
          required?: boolean;
        }[];
        const inPath = parameters.filter((p) => p.in === "path");
        expect(inPath.map((p) => p.name).sort(), `${method} ${template}`).toEqual(
          [...names].sort(),
        );
        expect(inPath.every((p) => p.required)).toBe(true);
        expect(Object.keys(operation.responses as object).length).toBeGreaterThan(0);
      }
    }
    const refs = [
      ...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map(([, name]) => name as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
  });

  it("every task and project operation is secured and documents its errors in the error shape", () => {
    const taskPaths = Object.entries(doc.paths).filter(
      ([p]) =>
        p.startsWith("/api/{userId}/tasks") ||
        p.startsWith("/api/{userId}/projects") ||
        p.startsWith("/api/{userId}/trash"),
    );
    expect(taskPaths).toHaveLength(13);
    const expectations: Record<string, string[]> = {
      "get /api/{userId}/tasks": ["400", "401", "403", "500", "503"],
      "post /api/{userId}/tasks": ["400", "401", "403", "413", "500", "503"],
      "get /api/{userId}/tasks/{id}": ["401", "403", "404", "500", "503"],
      "put /api/{userId}/tasks/{id}": ["400", "401", "403", "404", "412", "413", "500", "503"],
      "delete /api/{userId}/tasks/{id}": ["401", "403", "404", "412", "500", "503"],
      "patch /api/{userId}/tasks/{id}/complete": [
        "400",
        "401",
        "403",
        "404",
        "409",
        "413",
        "500",
        "503",
      ],
      "post /api/{userId}/tasks/bulk": ["400", "401", "403", "413", "500", "503"],
      "post /api/{userId}/tasks/{id}/move": [
        "400",
        "401",
        "403",
        "404",
        "409",
        "413",
        "500",
        "503",
      ],
      "get /api/{userId}/projects": ["401", "403", "500", "503"],
      "post /api/{userId}/projects": ["400", "401", "403", "409", "413", "500", "503"],
      "get /api/{userId}/projects/{id}": ["401", "403", "404", "500", "503"],
      "patch /api/{userId}/projects/{id}": [
        "400",
        "401",
        "403",
        "404",
        "409",
        "412",
        "413",
        "500",
        "503",
      ],
      "delete /api/{userId}/projects/{id}": ["400", "401", "403", "404", "412", "500", "503"],
      "post /api/{userId}/tasks/{id}/skip": ["401", "403", "404", "409", "500", "503"],
      "get /api/{userId}/tasks/{id}/history": ["401", "403", "404", "500", "503"],
      "get /api/{userId}/trash": ["400", "401", "403", "500", "503"],
      "delete /api/{userId}/trash": ["401", "403", "500", "503"],
      "delete /api/{userId}/trash/{id}": ["401", "403", "404", "500", "503"],
      "post /api/{userId}/trash/{id}/restore": ["401", "403", "404", "500", "503"],
      "post /api/{userId}/tasks/{id}/reminders/snooze": [
        "400",
        "401",
        "403",
        "404",
        "413",
        "500",
        "503",
      ],
    };
    let operations = 0;
    for (const [template, item] of taskPaths) {
      for (const [method, operation] of Object.entries(item)) {
        operations++;
        expect(operation.security).toEqual([{ bearerAuth: [] }]);
        const responses = operation.responses as Record<
          string,
          { content?: Record<string, { schema: unknown }> }
        >;
        const errorCodes = Object.keys(responses).filter((s) => Number(s) >= 400);
        expect(errorCodes.sort(), `${method} ${template}`).toEqual(
          expectations[`${method} ${template}`],
        );
        for (const status of errorCodes) {
          expect(responses[status]?.content?.["application/json"]?.schema).toEqual({
            $ref: "#/components/schemas/Error",
          });
        }
      }
    }
    expect(operations).toBe(20);
  });

  it("is generated from the zod schemas the handlers use", () => {
    const input = doc.components.schemas.TaskInput as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { maxLength?: number; maxItems?: number }>;
    };
    expect(input.additionalProperties).toBe(false);
    expect(input.required).toEqual(["title"]);
    expect(input.properties.title?.maxLength).toBe(TITLE_MAX);
    expect(input.properties.tags?.maxItems).toBe(10);
    expect(Object.keys(input.properties).sort()).toEqual([
      "description",
      "dueAt",
      "parentId",
      "priority",
      "projectId",
      "reminders",
      "repeat",
      "tags",
      "title",
    ]);
    const task = doc.components.schemas.Task as { required: string[] };
    expect(task.required.sort()).toEqual(
      [
        "completed",
        "completedAt",
        "createdAt",
        "description",
        "dueAt",
        "id",
        "nextOccurrenceId",
        "nextReminderAt",
        "parentId",
        "position",
        "priority",
        "projectId",
        "reminders",
        "repeat",
        "subtasks",
        "tags",
        "title",
        "updatedAt",
      ].sort(),
    );
    const list = doc.paths["/api/{userId}/tasks"]?.get?.parameters as {
      in: string;
      name: string;
    }[];
    expect(
      list
        .filter((p) => p.in === "query")
        .map((p) => p.name)
        .sort(),
    ).toEqual(
      [
        "cursor",
        "due",
        "limit",
        "order",
        "parent",
        "priority",
        "project",
        "q",
        "sort",
        "status",
        "tag",
        "utcOffset",
      ].sort(),
    );
    const errorSchema = JSON.stringify(doc.components.schemas.Error);
    for (const code of [
      "validation_failed",
      "precondition_failed",
      "payload_too_large",
      "unavailable",
    ]) {
      expect(errorSchema).toContain(code);
    }
  });

  it("answers other methods with 405 in the error shape", async () => {
    const { POST } = await import("@/app/api/openapi.json/route");
    const response = await POST(
      new Request("http://localhost:3300/api/openapi.json", { method: "POST" }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(isErrorBody(await response.json())).toBe(true);
  });
});
