/**
 * The Tasks API contract (issue 4), through the real route handlers with real tokens, on every
 * database driver: each route's happy path and error codes, isolation between users, list
 * filters, sorts, search and pagination, atomic toggles, optimistic concurrency, bulk actions.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { resetAuth } from "@/lib/server/auth/better-auth";
import { resetTokenVerifier } from "@/lib/server/auth/verify-token";
import type { Task } from "@/lib/tasks/model";
import { taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, type Method, readError, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3300", dataDir: "/tmp/doable-api" });

const DAY = 86_400_000;

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const error = await readError(response);
  expect(error.code).toBe(code);
  return error;
}

describe.each(testDrivers())("tasks API on %s", (driver) => {
  let handle: DbHandle;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    [alice, bob] = await Promise.all([createTestUser(), createTestUser()]);
  });
  afterAll(async () => {
    resetAuth();
    resetTokenVerifier();
    await handle?.close();
  });

  /* --------------------------------------------------------------- helpers */

  async function create(user: TestUser, json: Record<string, unknown>): Promise<Task> {
    const response = await callApi("POST", tasksPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }

  async function list(user: TestUser, query = "") {
    const response = await callApi("GET", `${tasksPath(user.userId)}${query}`, {
      token: user.token,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return taskListSchema.parse(await response.json());
  }

  async function fetchOne(user: TestUser, id: string) {
    const response = await callApi("GET", tasksPath(user.userId, id), { token: user.token });
    expect(response.status).toBe(200);
    return { task: taskSchema.parse(await response.json()), etag: response.headers.get("etag") };
  }

  /** Every task of a user, walking all pages. */
  async function walk(user: TestUser, query: string, limit = 3): Promise<Task[]> {
    const seen: Task[] = [];
    let cursor: string | null = null;
    do {
      const sep = query ? "&" : "?";
      const page = await list(
        user,
        `${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...page.tasks);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  /* ------------------------------------------------------------------ POST */

  describe("POST /api/{userId}/tasks", () => {
    it("creates a task: 201, Location, ETag, normalised fields", async () => {
      const response = await callApi("POST", tasksPath(alice.userId), {
        token: alice.token,
        json: {
          title: "  Buy milk  ",
          description: "",
          priority: "high",
          dueAt: "2030-01-31T17:00:00+02:00",
          tags: [" Home ", "home", "ERRANDS"],
        },
      });
      expect(response.status).toBe(201);
      const task = taskSchema.parse(await response.json());
      expect(task).toMatchObject({
        title: "Buy milk",
        description: null,
        completed: false,
        completedAt: null,
        priority: "high",
        dueAt: "2030-01-31T15:00:00.000Z",
        tags: ["home", "errands"],
      });
      expect(task.createdAt).toBe(task.updatedAt);
      expect(response.headers.get("location")).toBe(`/api/${alice.userId}/tasks/${task.id}`);
      expect(response.headers.get("etag")).toBe(`"${Date.parse(task.updatedAt)}"`);
      expect(response.headers.get("x-request-id")).toBeTruthy();
      // The Location is where the task lives.
      const again = await fetchOne(alice, task.id);
      expect(again.task).toEqual(task);
    });

    it("applies defaults for omitted optional fields", async () => {
      const task = await create(alice, { title: "Only a title" });
      expect(task).toMatchObject({ description: null, priority: "none", dueAt: null, tags: [] });
    });

    it.each([
      [{}, "title", "Title is required"],
      [{ title: "   " }, "title", "Title is required"],
      [{ title: "x".repeat(201) }, "title", "Title must be at most 200 characters"],
      [{ title: 5 }, "title", "Title must be text"],
      [{ title: "ok", description: "d".repeat(2001) }, "description", undefined],
      [{ title: "ok", priority: "urgent" }, "priority", undefined],
      [{ title: "ok", dueAt: "tomorrow" }, "dueAt", undefined],
      [{ title: "ok", dueAt: "2030-01-31T17:00:00" }, "dueAt", undefined],
      [{ title: "ok", tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, "tags", undefined],
      [{ title: "ok", tags: ["x".repeat(33)] }, "tags.0", undefined],
      [{ title: "ok", tags: [""] }, "tags.0", undefined],
      [{ title: "ok", tags: "home" }, "tags", undefined],
      [{ title: "nul\u0000byte" }, "title", undefined],
    ])("refuses %j with 400 naming %s", async (json, path, message) => {
      const before = (await list(alice)).counts.all;
      const response = await callApi("POST", tasksPath(alice.userId), {
        token: alice.token,
        json,
      });
      const error = await expectError(response, 400, "validation_failed");
      expect(error.details?.map((d) => d.path)).toContain(path);
      if (message) expect(error.details?.find((d) => d.path === path)?.message).toBe(message);
      expect((await list(alice)).counts.all).toBe(before);
    });

    it.each(["userId", "id", "createdAt", "updatedAt", "completed", "completedAt"])(
      "refuses a body that sets %s, storing nothing",
      async (field) => {
        const before = (await list(alice)).counts.all;
        const response = await callApi("POST", tasksPath(alice.userId), {
          token: alice.token,
          json: { title: "Sneaky", [field]: field === "userId" ? bob.userId : randomUUID() },
        });
        const error = await expectError(response, 400, "validation_failed");
        expect(error.message).toContain(field);
        expect((await list(alice)).counts.all).toBe(before);
      },
    );

    it("refuses malformed JSON, a non-JSON content type and an empty body with 400", async () => {
      const path = tasksPath(alice.userId);
      const bad = [
        { body: "{ title: 'no quotes' }", headers: { "content-type": "application/json" } },
        { body: '{"title":"x"}', headers: { "content-type": "text/plain" } },
        { body: "", headers: { "content-type": "application/json" } },
        { body: "[]", headers: { "content-type": "application/json" } },
        { body: "null", headers: { "content-type": "application/json" } },
      ];
      for (const options of bad) {
        const response = await callApi("POST", path, { token: alice.token, ...options });
        await expectError(response, 400, "validation_failed");
      }
    });

    it("refuses a body over 16 KiB with 413, with or without Content-Length", async () => {
      const json = { title: "big", description: "x".repeat(17 * 1024) };
      const declared = await callApi("POST", tasksPath(alice.userId), {
        token: alice.token,
        json,
      });
      await expectError(declared, 413, "payload_too_large");
      // A streamed body has no Content-Length: the cap is enforced while reading.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const chunk = new TextEncoder().encode("x".repeat(4096));
          controller.enqueue(new TextEncoder().encode('{"title":"big","description":"'));
          for (let i = 0; i < 5; i++) controller.enqueue(chunk);
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
        },
      });
      const { POST } = await import("@/app/api/[userId]/tasks/route");
      const request = new Request(`http://localhost:3300${tasksPath(alice.userId)}`, {
        method: "POST",
        headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(request.headers.get("content-length")).toBeNull();
      const streamed = await POST(request, { params: Promise.resolve({ userId: alice.userId }) });
      await expectError(streamed, 413, "payload_too_large");
    });

    it("stores SQL and markup in fields verbatim", async () => {
      const titles = [
        "Robert'); DROP TABLE tasks;--",
        "<script>window.__pwned=1</script>",
        '<img src=x onerror="window.__pwned=1">',
        "' OR '1'='1",
        "100% of a_b \\ done",
        "emoji ✅ and ünïcödé 𝄞",
      ];
      for (const title of titles) {
        const created = await create(alice, {
          title,
          description: `${title}\n-- comment`,
          tags: ["<b>", "'; --"],
        });
        expect(created.title).toBe(title);
        const { task } = await fetchOne(alice, created.id);
        expect(task.title).toBe(title);
        expect(task.description).toBe(`${title}\n-- comment`);
        expect(task.tags).toEqual(["<b>", "'; --"]);
      }
      // Search finds them by their metacharacters, literally.
      const found = await list(alice, `?q=${encodeURIComponent("100% of a_b \\")}`);
      expect(found.tasks.map((t) => t.title)).toEqual(["100% of a_b \\ done"]);
      const quote = await list(alice, `?q=${encodeURIComponent("' OR '1'='1")}`);
      expect(quote.tasks.map((t) => t.title)).toEqual(["' OR '1'='1"]);
    });

    it("creates 100 tasks sent in parallel: 100 answers 201, 100 stored", async () => {
      const user = await createTestUser();
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          callApi("POST", tasksPath(user.userId), {
            token: user.token,
            json: { title: `Parallel ${i}` },
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
      const ids = new Set(
        await Promise.all(responses.map(async (r) => ((await r.json()) as Task).id)),
      );
      expect(ids.size).toBe(100);
      const all = await walk(user, "", 100);
      expect(all).toHaveLength(100);
      expect((await list(user)).counts).toEqual({ all: 100, active: 100, completed: 0 });
    });
  });

  /* ---------------------------------------------------------- GET one, PUT */

  describe("GET, PUT, DELETE /api/{userId}/tasks/{id}", () => {
    it("GET answers the task with an ETag; unknown and malformed ids are 404", async () => {
      const created = await create(alice, { title: "Read me" });
      const { task, etag } = await fetchOne(alice, created.id);
      expect(task).toEqual(created);
      expect(etag).toBe(`"${Date.parse(created.updatedAt)}"`);
      for (const id of [
        randomUUID(),
        "not-a-uuid",
        "1",
        `${created.id}x`,
        "../tasks",
        "' OR 1=1 --",
      ]) {
        const response = await callApi("GET", tasksPath(alice.userId, id), { token: alice.token });
        await expectError(response, 404, "not_found");
      }
    });

    it("PUT replaces the editable fields and moves updatedAt and the ETag", async () => {
      const created = await create(alice, {
        title: "Draft",
        description: "old",
        priority: "low",
        tags: ["a"],
        dueAt: "2031-05-01T00:00:00Z",
      });
      const response = await callApi("PUT", tasksPath(alice.userId, created.id), {
        token: alice.token,
        json: { title: "Final", priority: "medium" },
      });
      expect(response.status).toBe(200);
      const task = taskSchema.parse(await response.json());
      expect(task).toMatchObject({
        id: created.id,
        title: "Final",
        description: null,
        priority: "medium",
        tags: [],
        dueAt: null,
        createdAt: created.createdAt,
      });
      expect(Date.parse(task.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
      expect(response.headers.get("etag")).toBe(`"${Date.parse(task.updatedAt)}"`);
      expect(response.headers.get("etag")).not.toBe(`"${Date.parse(created.updatedAt)}"`);
    });

    it("PUT validates like POST and refuses fields that are not editable", async () => {
      const created = await create(alice, { title: "Keep me" });
      const path = tasksPath(alice.userId, created.id);
      for (const json of [
        {},
        { title: "" },
        { title: "x", id: randomUUID() },
        { title: "x", completed: true },
      ]) {
        const response = await callApi("PUT", path, { token: alice.token, json });
        await expectError(response, 400, "validation_failed");
      }
      const big = await callApi("PUT", path, {
        token: alice.token,
        json: { title: "x", description: "y".repeat(20_000) },
      });
      await expectError(big, 413, "payload_too_large");
      expect((await fetchOne(alice, created.id)).task).toEqual(created);
    });

    it("PUT with a stale If-Match answers 412 and changes nothing (two tabs)", async () => {
      const created = await create(alice, { title: "Shared", description: "v1" });
      const tabA = await fetchOne(alice, created.id);
      const tabB = await fetchOne(alice, created.id);
      expect(tabA.etag).toBe(tabB.etag);
      const path = tasksPath(alice.userId, created.id);

      const first = await callApi("PUT", path, {
        token: alice.token,
        json: { title: "Shared", description: "from tab A" },
        headers: { "If-Match": tabA.etag ?? "" },
      });
      expect(first.status).toBe(200);
      const afterA = taskSchema.parse(await first.json());

      const second = await callApi("PUT", path, {
        token: alice.token,
        json: { title: "Shared", description: "from tab B" },
        headers: { "If-Match": tabB.etag ?? "" },
      });
      const error = await expectError(second, 412, "precondition_failed");
      expect(error.message).toMatch(/changed/i);
      expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
      expect((await fetchOne(alice, created.id)).task).toEqual(afterA);

      // An If-Match that is not one of our versions matches nothing either.
      for (const ifMatch of ['"garbage"', 'W/"1"', '"0"']) {
        const response = await callApi("PUT", path, {
          token: alice.token,
          json: { title: "nope" },
          headers: { "If-Match": ifMatch },
        });
        await expectError(response, 412, "precondition_failed");
      }
      // The current version, weak form or in a list, and "*" all match.
      const current = first.headers.get("etag") ?? "";
      const weak = await callApi("PUT", path, {
        token: alice.token,
        json: { title: "Shared", description: "weak" },
        headers: { "If-Match": `"1", W/${current}` },
      });
      expect(weak.status).toBe(200);
      const star = await callApi("PUT", path, {
        token: alice.token,
        json: { title: "Shared", description: "star" },
        headers: { "If-Match": "*" },
      });
      expect(star.status).toBe(200);
      expect(((await star.json()) as Task).description).toBe("star");
    });

    it("of concurrent PUTs with the same If-Match exactly one wins", async () => {
      const created = await create(alice, { title: "Race" });
      const { etag } = await fetchOne(alice, created.id);
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          callApi("PUT", tasksPath(alice.userId, created.id), {
            token: alice.token,
            json: { title: `Writer ${i}` },
            headers: { "If-Match": etag ?? "" },
          }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
      const winner = responses.find((r) => r.status === 200);
      const winnerTask = (await winner?.json()) as Task;
      expect((await fetchOne(alice, created.id)).task.title).toBe(winnerTask.title);
    });

    it("PUT and DELETE of a missing task are 404, with or without If-Match", async () => {
      for (const headers of [{}, { "If-Match": '"123"' }] as Record<string, string>[]) {
        const put = await callApi("PUT", tasksPath(alice.userId, randomUUID()), {
          token: alice.token,
          json: { title: "ghost" },
          headers,
        });
        await expectError(put, 404, "not_found");
        const del = await callApi("DELETE", tasksPath(alice.userId, randomUUID()), {
          token: alice.token,
          headers,
        });
        await expectError(del, 404, "not_found");
      }
    });

    it("DELETE answers 204 once, then 404; a stale If-Match is 412 and keeps the task", async () => {
      const created = await create(alice, { title: "Bin me" });
      const path = tasksPath(alice.userId, created.id);
      const stale = await callApi("DELETE", path, {
        token: alice.token,
        headers: { "If-Match": '"1"' },
      });
      await expectError(stale, 412, "precondition_failed");
      expect((await fetchOne(alice, created.id)).task).toEqual(created);
      const gone = await callApi("DELETE", path, { token: alice.token });
      expect(gone.status).toBe(204);
      expect(await gone.text()).toBe("");
      await expectError(await callApi("GET", path, { token: alice.token }), 404, "not_found");
      await expectError(await callApi("DELETE", path, { token: alice.token }), 404, "not_found");
    });
  });

  /* --------------------------------------------------------------- PATCH */

  describe("PATCH /api/{userId}/tasks/{id}/complete", () => {
    it("sets completed from the body and toggles on an empty body", async () => {
      const created = await create(alice, { title: "Tick" });
      const path = tasksPath(alice.userId, created.id, "complete");

      const done = await callApi("PATCH", path, { token: alice.token, json: { completed: true } });
      expect(done.status).toBe(200);
      const doneTask = taskSchema.parse(await done.json());
      expect(doneTask.completed).toBe(true);
      expect(doneTask.completedAt).not.toBeNull();
      expect(done.headers.get("etag")).toBe(`"${Date.parse(doneTask.updatedAt)}"`);

      // Completing again keeps when it was first completed, but still counts as a write.
      const again = taskSchema.parse(
        await (
          await callApi("PATCH", path, { token: alice.token, json: { completed: true } })
        ).json(),
      );
      expect(again.completedAt).toBe(doneTask.completedAt);
      expect(Date.parse(again.updatedAt)).toBeGreaterThan(Date.parse(doneTask.updatedAt));

      const toggled = await callApi("PATCH", path, { token: alice.token });
      expect(toggled.status).toBe(200);
      const toggledTask = taskSchema.parse(await toggled.json());
      expect(toggledTask).toMatchObject({ completed: false, completedAt: null });

      const back = taskSchema.parse(
        await (await callApi("PATCH", path, { token: alice.token })).json(),
      );
      expect(back.completed).toBe(true);
      expect(back.completedAt).not.toBeNull();

      const reopened = taskSchema.parse(
        await (
          await callApi("PATCH", path, { token: alice.token, json: { completed: false } })
        ).json(),
      );
      expect(reopened).toMatchObject({ completed: false, completedAt: null });
    });

    it("refuses a body that is not {completed: boolean} with 400", async () => {
      const created = await create(alice, { title: "Strict" });
      const path = tasksPath(alice.userId, created.id, "complete");
      for (const json of [
        {},
        { completed: "yes" },
        { completed: 1 },
        { completed: true, title: "x" },
        [],
      ]) {
        const response = await callApi("PATCH", path, { token: alice.token, json });
        await expectError(response, 400, "validation_failed");
      }
      const malformed = await callApi("PATCH", path, {
        token: alice.token,
        body: "{completed:true",
        headers: { "content-type": "application/json" },
      });
      await expectError(malformed, 400, "validation_failed");
      expect((await fetchOne(alice, created.id)).task).toEqual(created);
    });

    it("unknown and malformed ids are 404", async () => {
      for (const id of [randomUUID(), "nope"]) {
        const response = await callApi("PATCH", tasksPath(alice.userId, id, "complete"), {
          token: alice.token,
        });
        await expectError(response, 404, "not_found");
      }
    });

    it("40 concurrent toggles lose none: an even number leaves the task incomplete", async () => {
      const created = await create(alice, { title: "Flip" });
      const path = tasksPath(alice.userId, created.id, "complete");
      const responses = await Promise.all(
        Array.from({ length: 40 }, () => callApi("PATCH", path, { token: alice.token })),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      const states = await Promise.all(
        responses.map(async (r) => ((await r.json()) as Task).completed),
      );
      // Each toggle saw a distinct state: exactly half ended completed.
      expect(states.filter(Boolean)).toHaveLength(20);
      const { task } = await fetchOne(alice, created.id);
      expect(task).toMatchObject({ completed: false, completedAt: null });
      // 41st: odd, completed.
      await callApi("PATCH", path, { token: alice.token });
      expect((await fetchOne(alice, created.id)).task.completed).toBe(true);
    });
  });

  /* ---------------------------------------------------------------- bulk */

  describe("POST /api/{userId}/tasks/bulk", () => {
    it("completes, reopens and deletes only the caller's tasks, answering the count", async () => {
      const user = await createTestUser();
      const mine = await Promise.all([1, 2, 3].map((i) => create(user, { title: `Mine ${i}` })));
      const theirs = await create(bob, { title: "Bob's, not yours" });
      const ids = [...mine.map((t) => t.id), theirs.id, randomUUID()];
      const path = tasksPath(user.userId, "bulk");

      const complete = await callApi("POST", path, {
        token: user.token,
        json: { action: "complete", ids },
      });
      expect(complete.status).toBe(200);
      const completed = (await complete.json()) as { affected: number; ids: string[] };
      expect(completed.affected).toBe(3);
      expect(new Set(completed.ids)).toEqual(new Set(mine.map((t) => t.id)));
      expect((await list(user)).counts).toEqual({ all: 3, active: 0, completed: 3 });

      const reopen = await callApi("POST", path, {
        token: user.token,
        json: { action: "uncomplete", ids: [mine[0]?.id, mine[0]?.id] },
      });
      expect(((await reopen.json()) as { affected: number }).affected).toBe(1);
      expect((await list(user)).counts).toEqual({ all: 3, active: 1, completed: 2 });

      const remove = await callApi("POST", path, {
        token: user.token,
        json: { action: "delete", ids },
      });
      expect(((await remove.json()) as { affected: number }).affected).toBe(3);
      expect((await list(user)).counts.all).toBe(0);
      // Bob's task is untouched.
      expect((await fetchOne(bob, theirs.id)).task).toEqual(theirs);
    });

    it("takes 500 ids at once and refuses 501, bad ids, bad actions and unknown fields", async () => {
      const user = await createTestUser();
      const path = tasksPath(user.userId, "bulk");
      const ids = Array.from({ length: 500 }, () => randomUUID());
      const ok = await callApi("POST", path, {
        token: user.token,
        json: { action: "delete", ids },
      });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { affected: number }).affected).toBe(0);
      for (const json of [
        { action: "delete", ids: [...ids, randomUUID()] },
        { action: "delete", ids: [] },
        { action: "delete", ids: ["not-a-uuid"] },
        { action: "archive", ids: [randomUUID()] },
        { action: "delete", ids: [randomUUID()], userId: bob.userId },
        { ids: [randomUUID()] },
      ]) {
        const response = await callApi("POST", path, { token: user.token, json });
        await expectError(response, 400, "validation_failed");
      }
    });
  });

  /* ---------------------------------------------------------------- list */

  describe("GET /api/{userId}/tasks", () => {
    let user: TestUser;
    const now = Date.now();
    const startOfTodayUtc = Math.floor(now / DAY) * DAY;
    let seeded: Task[] = [];

    beforeAll(async () => {
      user = await createTestUser();
      const specs = [
        {
          title: "Pay rent",
          priority: "high",
          dueAt: new Date(now - 2 * DAY).toISOString(),
          tags: ["home", "money"],
        },
        {
          title: "Call mum",
          priority: "medium",
          dueAt: new Date(now - 3 * DAY).toISOString(),
          tags: ["family"],
          done: true,
        },
        {
          title: "write REPORT",
          priority: "high",
          dueAt: new Date(startOfTodayUtc + DAY - 1).toISOString(),
          tags: ["work"],
        },
        {
          title: "Plan trip",
          priority: "low",
          dueAt: new Date(startOfTodayUtc + 3 * DAY).toISOString(),
          tags: ["travel", "family"],
        },
        {
          title: "Renew passport",
          priority: "none",
          dueAt: new Date(startOfTodayUtc + 30 * DAY).toISOString(),
          tags: ["travel"],
        },
        { title: "Read a book", priority: "low", description: "Something about 50% off_sales" },
        { title: "Water plants", priority: "none", tags: ["home"], done: true },
        { title: "apple pie", priority: "medium", description: "Grandma's recipe" },
        { title: "Zebra crossing", priority: "high" },
        {
          title: "Backup laptop",
          priority: "medium",
          dueAt: new Date(startOfTodayUtc + 6 * DAY).toISOString(),
          tags: ["work"],
        },
      ];
      for (const { done, ...spec } of specs) {
        const task = await create(user, spec);
        if (done) {
          await callApi("PATCH", tasksPath(user.userId, task.id, "complete"), {
            token: user.token,
            json: { completed: true },
          });
        }
      }
      seeded = await walk(user, "?sort=title", 100);
    });

    const titles = (tasks: Task[]) => tasks.map((t) => t.title).sort();
    const expectTitles = (tasks: Task[], predicate: (t: Task) => boolean) =>
      expect(titles(tasks)).toEqual(titles(seeded.filter(predicate)));

    it("answers tasks, nextCursor and counts; newest first by default", async () => {
      const page = await list(user);
      expect(page.tasks).toHaveLength(10);
      expect(page.nextCursor).toBeNull();
      expect(page.counts).toEqual({ all: 10, active: 8, completed: 2 });
      const created = page.tasks.map((t) => Date.parse(t.createdAt));
      expect(created).toEqual([...created].sort((a, b) => b - a));
      expect(page.tasks[0]?.title).toBe("Backup laptop");
    });

    it("filters by status, priority and tag", async () => {
      expectTitles((await list(user, "?status=active")).tasks, (t) => !t.completed);
      expectTitles((await list(user, "?status=completed")).tasks, (t) => t.completed);
      expectTitles((await list(user, "?status=all")).tasks, () => true);
      expectTitles((await list(user, "?priority=high")).tasks, (t) => t.priority === "high");
      expectTitles((await list(user, "?tag=family")).tasks, (t) => t.tags.includes("family"));
      expectTitles((await list(user, "?tag=%20FAMILY%20")).tasks, (t) => t.tags.includes("family"));
      expect((await list(user, "?tag=fam")).tasks).toEqual([]);
      const combined = await list(user, "?status=active&tag=travel&priority=low");
      expect(titles(combined.tasks)).toEqual(["Plan trip"]);
    });

    it("counts follow every filter but status", async () => {
      const family = await list(user, "?tag=family&status=active");
      expect(family.tasks.map((t) => t.title)).toEqual(["Plan trip"]);
      expect(family.counts).toEqual({ all: 2, active: 1, completed: 1 });
    });

    it("filters by due date: overdue, today, week, none, in the caller's time zone", async () => {
      const isOverdue = (t: Task) => !!t.dueAt && Date.parse(t.dueAt) < Date.now() && !t.completed;
      expectTitles((await list(user, "?due=overdue")).tasks, isOverdue);
      expect(titles((await list(user, "?due=overdue")).tasks)).toEqual(["Pay rent"]);
      const inDays = (offsetMin: number, days: number) => (t: Task) => {
        if (!t.dueAt) return false;
        const offset = offsetMin * 60_000;
        const start = Math.floor((Date.now() + offset) / DAY) * DAY - offset;
        const due = Date.parse(t.dueAt);
        return due >= start && due < start + days * DAY;
      };
      for (const offset of [0, 840, -840, 330]) {
        expectTitles((await list(user, `?due=today&utcOffset=${offset}`)).tasks, inDays(offset, 1));
        expectTitles((await list(user, `?due=week&utcOffset=${offset}`)).tasks, inDays(offset, 7));
      }
      expect(titles((await list(user, "?due=today")).tasks)).toEqual(["write REPORT"]);
      expect(titles((await list(user, "?due=week")).tasks)).toEqual(
        ["Backup laptop", "Plan trip", "write REPORT"].sort(),
      );
      expectTitles((await list(user, "?due=none")).tasks, (t) => t.dueAt === null);
    });

    it("searches title and description case-insensitively, % and _ literally", async () => {
      expect(titles((await list(user, "?q=report")).tasks)).toEqual(["write REPORT"]);
      expect(titles((await list(user, "?q=GRANDMA")).tasks)).toEqual(["apple pie"]);
      expect(titles((await list(user, "?q=50%25")).tasks)).toEqual(["Read a book"]);
      expect(titles((await list(user, "?q=off_s")).tasks)).toEqual(["Read a book"]);
      expect((await list(user, "?q=%25")).tasks.map((t) => t.title)).toEqual(["Read a book"]);
      expect((await list(user, "?q=_")).tasks.map((t) => t.title)).toEqual(["Read a book"]);
      expect((await list(user, "?q=zzz")).tasks).toEqual([]);
      // An empty search is no filter.
      expect((await list(user, "?q=")).tasks).toHaveLength(10);
    });

    const sorts = ["created", "updated", "due", "priority", "title"] as const;
    const rank = { none: 0, low: 1, medium: 2, high: 3 };

    it.each(
      sorts.flatMap((sort) => [
        [sort, "asc"],
        [sort, "desc"],
        [sort, undefined],
      ]),
    )(
      "sort=%s order=%s: pages walk the same order as one page, keys in order",
      async (sort, order) => {
        const query = `?sort=${sort}${order ? `&order=${order}` : ""}`;
        const whole = (await list(user, `${query}&limit=100`)).tasks;
        for (const limit of [1, 3, 4]) {
          expect((await walk(user, query, limit)).map((t) => t.id)).toEqual(whole.map((t) => t.id));
        }
        const direction =
          (order ??
            { created: "desc", updated: "desc", due: "asc", priority: "desc", title: "asc" }[
              sort
            ]) === "asc"
            ? 1
            : -1;
        const key = (t: Task): number | string | null =>
          sort === "created"
            ? Date.parse(t.createdAt)
            : sort === "updated"
              ? Date.parse(t.updatedAt)
              : sort === "due"
                ? t.dueAt && Date.parse(t.dueAt)
                : sort === "priority"
                  ? rank[t.priority]
                  : t.title.toLowerCase();
        for (let i = 1; i < whole.length; i++) {
          const a = key(whole[i - 1] as Task);
          const b = key(whole[i] as Task);
          if (a === null) {
            // Tasks without a due date come last in either direction.
            expect(b).toBeNull();
            continue;
          }
          if (b === null || typeof a === "string") continue;
          expect(Math.sign((b as number) - a) * direction).toBeGreaterThanOrEqual(0);
        }
        if (sort === "priority") expect(whole[0]?.priority).toBe(direction === 1 ? "none" : "high");
      },
    );

    it("walks every page exactly once while tasks are being added", async () => {
      const busy = await createTestUser();
      const original = new Set<string>();
      for (let i = 0; i < 25; i++) original.add((await create(busy, { title: `Old ${i}` })).id);
      for (const query of [
        "?sort=created",
        "?sort=created&order=asc",
        "?sort=title",
        "?sort=due",
      ]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await list(
            busy,
            `${query}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
          );
          seen.push(...page.tasks.map((t) => t.id));
          cursor = page.nextCursor;
          // Someone adds tasks while we page (titles sorting before and after ours).
          await Promise.all([
            create(busy, { title: `AAA new ${pages}` }),
            create(busy, { title: `zzz new ${pages}` }),
          ]);
          pages++;
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        for (const id of original) expect(seen).toContain(id);
      }
    });

    it("refuses a cursor that is not ours or belongs to another sort with 400", async () => {
      const first = await list(user, "?limit=2");
      const cursor = first.nextCursor ?? "";
      expect(cursor).toMatch(/^[\w-]+$/);
      const forged = Buffer.from(
        JSON.stringify([1, "created", "desc", "not a time", randomUUID()]),
      ).toString("base64url");
      const sqlValue = Buffer.from(
        JSON.stringify([1, "title", "asc", "x') or 1=1 --", randomUUID()]),
      ).toString("base64url");
      for (const query of [
        `?cursor=garbage!`,
        `?cursor=${cursor.slice(0, -3)}`,
        `?cursor=${forged}`,
        `?cursor=${cursor}&sort=title`,
        `?cursor=${cursor}&order=asc`,
      ]) {
        const response = await callApi("GET", `${tasksPath(user.userId)}${query}`, {
          token: user.token,
        });
        const error = await expectError(response, 400, "validation_failed");
        expect(error.details?.[0]?.path).toBe("cursor");
      }
      // A well-formed cursor is just a position: SQL in it is data.
      const page = await list(user, `?sort=title&cursor=${sqlValue}`);
      expect(page.tasks.every((t) => t.title.toLowerCase() > "x') or 1=1 --")).toBe(true);
    });

    it.each([
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=abc", "limit"],
      ["?limit=2.5", "limit"],
      ["?status=done", "status"],
      ["?priority=urgent", "priority"],
      ["?due=tomorrow", "due"],
      ["?sort=random", "sort"],
      ["?order=up", "order"],
      ["?utcOffset=900", "utcOffset"],
      [`?q=${"x".repeat(201)}`, "q"],
      [`?tag=${"x".repeat(33)}`, "tag"],
      ["?q=%00", "q"],
      ["?limit=5&limit=6", "limit"],
      ["?userId=someone", "userId"],
      ["?foo=bar", "foo"],
    ])("refuses %s with 400 naming %s", async (query, name) => {
      const response = await callApi("GET", `${tasksPath(user.userId)}${query}`, {
        token: user.token,
      });
      const error = await expectError(response, 400, "validation_failed");
      expect(error.message).toContain(name);
      expect(error.details?.[0]?.path).toBe(name);
    });
  });

  /* ------------------------------------------------------ auth, isolation */

  describe("authentication and isolation", () => {
    const routes = (userId: string, id: string): [Method, string, unknown][] => [
      ["GET", tasksPath(userId), undefined],
      ["POST", tasksPath(userId), { title: "x" }],
      ["GET", tasksPath(userId, id), undefined],
      ["PUT", tasksPath(userId, id), { title: "x" }],
      ["DELETE", tasksPath(userId, id), undefined],
      ["PATCH", tasksPath(userId, id, "complete"), undefined],
      ["POST", tasksPath(userId, "bulk"), { action: "delete", ids: [id] }],
    ];

    it("every route answers 401 without a valid bearer token", async () => {
      const task = await create(alice, { title: "Private" });
      const bad = [
        undefined,
        "garbage",
        "a.b.c",
        `${alice.token}x`,
        `${alice.token.split(".").slice(0, 2).join(".")}.`,
      ];
      for (const [method, path, json] of routes(alice.userId, task.id)) {
        for (const token of bad) {
          const response = await callApi(method, path, { token, json });
          await expectError(response, 401, "unauthorized");
          expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        }
        // Basic auth or a cookie alone is not a bearer token.
        const cookieOnly = await callApi(method, path, {
          json,
          headers: { cookie: alice.cookie, authorization: "Basic YTpi" },
        });
        await expectError(cookieOnly, 401, "unauthorized");
      }
      expect((await fetchOne(alice, task.id)).task).toEqual(task);
    });

    it("another user's URL is 403 on every route, and changes nothing", async () => {
      const task = await create(alice, { title: "Alice's secret", description: "mine" });
      const before = await list(alice);
      for (const [method, path, json] of routes(alice.userId, task.id)) {
        const response = await callApi(method, path, { token: bob.token, json });
        await expectError(response, 403, "forbidden");
      }
      expect(await list(alice)).toEqual(before);
    });

    it("another user's task ids under one's own URL are 404 on GET, PUT, DELETE and PATCH", async () => {
      const task = await create(alice, { title: "Alice only", tags: ["private"] });
      const before = await fetchOne(alice, task.id);
      const attempts: [Method, string, unknown][] = [
        ["GET", tasksPath(bob.userId, task.id), undefined],
        ["PUT", tasksPath(bob.userId, task.id), { title: "Bob was here" }],
        ["PUT", tasksPath(bob.userId, task.id), { title: "Bob was here" }],
        ["DELETE", tasksPath(bob.userId, task.id), undefined],
        ["PATCH", tasksPath(bob.userId, task.id, "complete"), undefined],
        ["PATCH", tasksPath(bob.userId, task.id, "complete"), { completed: true }],
      ];
      for (const [i, [method, path, json]] of attempts.entries()) {
        // The second PUT carries the right version: still not found.
        const headers: Record<string, string> = i === 2 ? { "If-Match": before.etag ?? "" } : {};
        const response = await callApi(method, path, { token: bob.token, json, headers });
        const error = await expectError(response, 404, "not_found");
        // Exactly what a task that never existed gets.
        const ghost = await callApi(method, path.replace(task.id, randomUUID()), {
          token: bob.token,
          json,
        });
        expect(await readError(ghost)).toEqual(error);
      }
      const after = await fetchOne(alice, task.id);
      expect(after).toEqual(before);
      // Bob's list never shows it, not even by search.
      const bobs = await list(bob, "?q=Alice&limit=100");
      expect(bobs.tasks.find((t) => t.id === task.id)).toBeUndefined();
    });
  });

  describe("methods", () => {
    it.each([
      ["PUT", "", "GET, POST"],
      ["DELETE", "", "GET, POST"],
      ["PATCH", "", "GET, POST"],
      ["POST", "/ID", "GET, PUT, DELETE"],
      ["PATCH", "/ID", "GET, PUT, DELETE"],
      ["GET", "/ID/complete", "PATCH"],
      ["POST", "/ID/complete", "PATCH"],
      ["GET", "/bulk", "POST"],
      ["DELETE", "/bulk", "POST"],
    ] as [Method, string, string][])(
      "%s on tasks%s is 405 with Allow: %s",
      async (method, suffix, allow) => {
        const path = `${tasksPath(alice.userId)}${suffix.replace("ID", randomUUID())}`;
        const response = await callApi(method, path, { token: alice.token });
        const error = await expectError(response, 405, "method_not_allowed");
        expect(response.headers.get("allow")).toBe(allow);
        expect(error.message).toContain(allow);
      },
    );
  });
});
