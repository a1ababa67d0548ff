/**
 * Property-based tests: thousands of generated bodies, headers and query strings thrown at
 * POST, PUT, PATCH and GET-list on every driver. Whatever comes in, the API never answers 5xx,
 * every refusal has the one error shape, every success has the documented shape, and the
 * number of stored tasks equals the number of 201 answers.
 *
 * FUZZ_SCALE (default 1) multiplies the number of runs, e.g. FUZZ_SCALE=5 for a longer hunt.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { resetAuth } from "@/lib/server/auth/better-auth";
import { resetTokenVerifier } from "@/lib/server/auth/verify-token";
import { LIST_LIMIT_MAX } from "@/lib/tasks/model";
import { bulkResultSchema, taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import {
  anyChar,
  type Body,
  body,
  expectSafe,
  ifMatch,
  nastyChar,
  runs,
  send,
  text,
} from "../support/fuzz";
import { callApi, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3300", dataDir: "/tmp/doable-api" });

const queryValue = fc.oneof(
  fc.constantFrom(
    "all",
    "active",
    "completed",
    "none",
    "low",
    "medium",
    "high",
    "overdue",
    "today",
    "week",
    "created",
    "updated",
    "due",
    "priority",
    "title",
    "asc",
    "desc",
    "0",
    "1",
    "50",
    "100",
    "101",
    "-1",
    "1e2",
    "0x10",
    "NaN",
    "Infinity",
    "840",
    "-840",
    "841",
    "",
    "%",
    "_",
    "%_%",
    "\\",
    "inbox",
    "manual",
  ),
  text,
  fc.integer({ min: -1000, max: 1000 }).map(String),
);
const queryKey = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      "status",
      "q",
      "priority",
      "tag",
      "due",
      "utcOffset",
      "sort",
      "order",
      "limit",
      "cursor",
      "project",
      "parent",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("userId", "offset", "page", "__proto__", "constructor", ""),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const queryString = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(fc.tuple(queryKey, queryValue), { maxLength: 6 }).map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      return params.toString();
    }),
  },
  // Raw text after '?', percent-escapes and all.
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.oneof(anyChar, nastyChar, fc.constantFrom("&", "=", "%2", "%zz", "%00", "+")),
      maxLength: 60,
    }),
  },
);

/** Header values a client can send: visible Latin-1 text, no control characters. */
/* ----------------------------------------------------------------- tests */

describe.each(testDrivers())("tasks API under generated input on %s", (driver) => {
  let handle: DbHandle;
  let user: TestUser;
  let created = 0;
  const existing: string[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    user = await createTestUser();
    for (let i = 0; i < 3; i++) {
      const response = await callApi("POST", tasksPath(user.userId), {
        token: user.token,
        json: { title: `Seed ${i}`, tags: ["seed"] },
      });
      expect(response.status).toBe(201);
      existing.push(((await response.json()) as { id: string }).id);
      created++;
    }
  });
  afterAll(async () => {
    resetAuth();
    resetTokenVerifier();
    await handle?.close();
  });

  it("POST: 201 with a valid task, or a refusal in the error shape", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const response = await callApi("POST", tasksPath(user.userId), {
          token: user.token,
          ...send(generated),
        });
        const json = await expectSafe(response, [201, 400, 413]);
        if (response.status === 201) {
          created++;
          const task = taskSchema.parse(json);
          existing.push(task.id);
          const input = (
            generated.kind === "json" ? generated.value : JSON.parse(generated.text)
          ) as { title: string; tags?: string[] };
          expect(task.title).toBe(input.title.trim());
          expect(task.tags).toEqual([
            ...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase())),
          ]);
        }
      }),
      { numRuns: runs(700) },
    );
  });

  it("PUT: 200, or a refusal in the error shape; ids and If-Match fuzzed too", async () => {
    const id = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...existing.slice(0, 20)) },
      { weight: 1, arbitrary: fc.uuid().map(String) },
      { weight: 1, arbitrary: text },
    );
    await fc.assert(
      fc.asyncProperty(id, body, ifMatch, async (taskId, generated, match) => {
        const options = send(generated);
        const response = await callApi("PUT", tasksPath(user.userId, taskId), {
          token: user.token,
          ...options,
          headers: { ...options.headers, ...(match === undefined ? {} : { "If-Match": match }) },
        });
        const json = await expectSafe(response, [200, 400, 404, 412, 413]);
        if (response.status === 200) taskSchema.parse(json);
      }),
      { numRuns: runs(500) },
    );
  });

  it("PATCH complete: 200, or a refusal in the error shape", async () => {
    const patchBody: fc.Arbitrary<Body | undefined> = fc.oneof(
      fc.constant(undefined),
      fc.boolean().map((completed) => ({ kind: "json" as const, value: { completed } })),
      body,
    );
    const id = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...existing.slice(0, 20)) },
      { weight: 1, arbitrary: fc.uuid().map(String) },
      { weight: 1, arbitrary: text },
    );
    await fc.assert(
      fc.asyncProperty(id, patchBody, async (taskId, generated) => {
        const response = await callApi("PATCH", tasksPath(user.userId, taskId, "complete"), {
          token: user.token,
          ...(generated ? send(generated) : {}),
        });
        // "." and ".." are dot segments: the URL resolves /tasks/./complete to /tasks/complete,
        // the one-task path with id "complete", which has no PATCH (as a real server would).
        const dotSegment = taskId === "." || taskId === "..";
        const json = await expectSafe(response, dotSegment ? [405] : [200, 400, 404, 413]);
        if (response.status === 200) taskSchema.parse(json);
      }),
      { numRuns: runs(400) },
    );
  });

  it("GET list: 200 with a valid page, or 400 in the error shape", async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const response = await callApi("GET", `${tasksPath(user.userId)}?${query}`, {
          token: user.token,
        });
        const json = await expectSafe(response, [200, 400]);
        if (response.status === 200) {
          const page = taskListSchema.parse(json);
          expect(page.tasks.length).toBeLessThanOrEqual(LIST_LIMIT_MAX);
          expect(page.counts.all).toBe(page.counts.active + page.counts.completed);
        }
      }),
      { numRuns: runs(900) },
    );
  });

  it("bulk: 200 or a refusal, touching only existing tasks", async () => {
    const ids = fc.array(
      fc.oneof(fc.constantFrom(...existing.slice(0, 20)), fc.uuid().map(String), text),
      { maxLength: 8 },
    );
    const bulkBody: fc.Arbitrary<Body> = fc.oneof(
      fc
        .record({ action: fc.constantFrom("complete", "uncomplete", "archive", ""), ids })
        .map((value) => ({ kind: "json" as const, value })),
      body,
    );
    await fc.assert(
      fc.asyncProperty(bulkBody, async (generated) => {
        const response = await callApi("POST", tasksPath(user.userId, "bulk"), {
          token: user.token,
          ...send(generated),
        });
        const json = await expectSafe(response, [200, 400, 413]);
        if (response.status === 200) bulkResultSchema.parse(json);
      }),
      { numRuns: runs(200) },
    );
  });

  it("stores exactly as many tasks as it answered 201", async () => {
    const response = await callApi("GET", `${tasksPath(user.userId)}?limit=1`, {
      token: user.token,
    });
    const { counts } = taskListSchema.parse(await response.json());
    expect(counts.all).toBe(created);
    expect(created).toBeGreaterThan(50);
    // And every one of them can be read back.
    const one = await callApi("GET", tasksPath(user.userId, existing.at(-1) ?? randomUUID()), {
      token: user.token,
    });
    expect(one.status).toBe(200);
  });
});
