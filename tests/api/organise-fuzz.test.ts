/**
 * Property-based tests of the organising bodies (issue 13), on every driver: generated project
 * bodies (POST, PATCH), task bodies naming projects and parents (the caller's, another user's,
 * made up, junk), moves, and project deletes. Whatever comes in: never 5xx, refusals in the
 * error shape, successes in the documented shape; and afterwards nothing is half-written:
 * every subtask is in its parent's project and one level deep, the stored projects are the
 * ones answered 201 and not deleted, and the other user's data is exactly as it was.
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { projects, tasks } from "@/db/schema";
import { resetAuth } from "@/lib/server/auth/better-auth";
import { resetTokenVerifier } from "@/lib/server/auth/verify-token";
import { projectSchema } from "@/lib/validation/projects";
import { taskSchema } from "@/lib/validation/task-responses";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import { anyJson, type Body, body, expectSafe, ifMatch, runs, send, text } from "../support/fuzz";
import { callApi, projectsPath, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3323", dataDir: "/tmp/doable-organise-fuzz" });

const asJson = (value: unknown): Body => ({ kind: "json", value });

describe.each(testDrivers())("organising under generated input on %s", (driver) => {
  let handle: DbHandle;
  let user: TestUser;
  let victim: TestUser;
  const projectIds = new Set<string>();
  const taskIds: string[] = [];
  let victimProject = "";
  let victimTask = "";
  let victimBefore: unknown;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    [user, victim] = await Promise.all([createTestUser(), createTestUser()]);
    for (const [who, name] of [
      [user, "Seed A"],
      [user, "Seed B"],
      [victim, "Victim's"],
    ] as const) {
      const response = await callApi("POST", projectsPath(who.userId), {
        token: who.token,
        json: { name },
      });
      const { id } = projectSchema.parse(await response.json());
      if (who === user) projectIds.add(id);
      else victimProject = id;
    }
    const response = await callApi("POST", tasksPath(victim.userId), {
      token: victim.token,
      json: { title: "victim task", projectId: victimProject },
    });
    victimTask = taskSchema.parse(await response.json()).id;
    for (let i = 0; i < 4; i++) {
      const seeded = await callApi("POST", tasksPath(user.userId), {
        token: user.token,
        json: { title: `Seed ${i}`, projectId: [...projectIds][i % 2] },
      });
      taskIds.push(taskSchema.parse(await seeded.json()).id);
    }
    victimBefore = await victimRows();
  });
  afterAll(async () => {
    resetAuth();
    resetTokenVerifier();
    await handle?.close();
  });

  async function victimRows() {
    const [p, t] = await Promise.all([
      handle.db.select().from(projects).where(eq(projects.userId, victim.userId)),
      handle.db.select().from(tasks).where(eq(tasks.userId, victim.userId)),
    ]);
    return { p, t };
  }

  /** An id as a body or path might carry it: the caller's, the victim's, made up, or junk. */
  const someProject = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...projectIds) },
      { weight: 2, arbitrary: fc.constant(victimProject) },
      { weight: 1, arbitrary: fc.uuid().map(String) },
      { weight: 1, arbitrary: fc.oneof(text, fc.constant(null), anyJson) },
    );
  const someTask = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...taskIds) },
      { weight: 2, arbitrary: fc.constant(victimTask) },
      { weight: 1, arbitrary: fc.uuid().map(String) },
      { weight: 1, arbitrary: fc.oneof(text, fc.constant(null), anyJson) },
    );
  const projectBody = () =>
    fc.oneof(
      fc
        .record(
          {
            name: fc.oneof(fc.string({ minLength: 1, maxLength: 70 }), text, anyJson),
            color: fc.oneof(fc.constantFrom("gray", "red", "blue", "teal", "mauve", ""), anyJson),
            archived: fc.oneof(fc.boolean(), anyJson),
            after: fc.oneof(fc.constantFrom(...projectIds), fc.constant(victimProject), text),
            before: fc.oneof(fc.constantFrom(...projectIds), text),
            position: fc.integer(),
          },
          { requiredKeys: [] },
        )
        .map(asJson),
      body,
    );

  it("POST and PATCH projects: the documented answer or a refusal", async () => {
    await fc.assert(
      fc.asyncProperty(projectBody(), fc.boolean(), ifMatch, async (generated, create, match) => {
        const target = fc.sample(someProject(), 1)[0];
        const path =
          create || typeof target !== "string"
            ? projectsPath(user.userId)
            : projectsPath(user.userId, target);
        const response = await callApi(create ? "POST" : "PATCH", path, {
          token: user.token,
          ...send(generated),
          headers: match === undefined ? undefined : { "If-Match": match },
        });
        const json = await expectSafe(response, [200, 201, 400, 404, 405, 409, 412, 413]);
        if (response.status === 201) projectIds.add(projectSchema.parse(json).id);
        if (response.status === 200) projectSchema.parse(json);
      }),
      { numRuns: runs(300) },
    );
  });

  it("task bodies naming projects and parents: created, or refused with nothing written", async () => {
    const taskBody = fc
      .record(
        {
          title: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), text),
          projectId: someProject(),
          parentId: someTask(),
        },
        { requiredKeys: ["title"] },
      )
      .map(asJson);
    await fc.assert(
      fc.asyncProperty(taskBody, fc.boolean(), async (generated, replace) => {
        const path = replace
          ? tasksPath(user.userId, fc.sample(fc.constantFrom(...taskIds), 1)[0] ?? "")
          : tasksPath(user.userId);
        const response = await callApi(replace ? "PUT" : "POST", path, {
          token: user.token,
          ...send(generated),
        });
        const json = await expectSafe(response, [200, 201, 400, 413]);
        if (response.status === 201) taskIds.push(taskSchema.parse(json).id);
        if (response.status === 200) taskSchema.parse(json);
      }),
      { numRuns: runs(300) },
    );
  });

  it("moves: the task in its new place, or a refusal", async () => {
    const moveBody = fc.oneof(
      fc
        .record(
          { after: someTask(), before: someTask(), projectId: someProject() },
          { requiredKeys: [] },
        )
        .map(asJson),
      body,
    );
    await fc.assert(
      fc.asyncProperty(someTask(), moveBody, async (id, generated) => {
        if (typeof id !== "string") return;
        const response = await callApi("POST", tasksPath(user.userId, id, "move"), {
          token: user.token,
          ...send(generated),
        });
        // "." and ".." are dot segments: /tasks/./move resolves to another path (405 or 404).
        const json = await expectSafe(response, [200, 400, 404, 405, 409, 413]);
        if (response.status === 200) taskSchema.parse(json);
      }),
      { numRuns: runs(300) },
    );
  });

  it("project deletes with generated queries: 204 or a refusal", async () => {
    const query = fc.oneof(
      fc.constantFrom("", "tasks=move", "tasks=delete", "tasks=keep", "tasks=move&tasks=delete"),
      // Lone surrogates cannot be percent-encoded: a URL carries U+FFFD for them.
      text.map((t) => `tasks=${encodeURIComponent(t.replace(/[\ud800-\udfff]/g, "\ufffd"))}`),
    );
    await fc.assert(
      fc.asyncProperty(someProject(), query, async (id, q) => {
        if (typeof id !== "string") return;
        const response = await callApi("DELETE", `${projectsPath(user.userId, id)}?${q}`, {
          token: user.token,
        });
        await expectSafe(response, [204, 400, 404, 405]);
        if (response.status === 204) projectIds.delete(id);
      }),
      { numRuns: runs(60) },
    );
  });

  it("left nothing half-written and the other user's data untouched", async () => {
    const rows = await handle.db.select().from(tasks).where(eq(tasks.userId, user.userId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of rows) {
      if (row.parentId === null) continue;
      const parent = byId.get(row.parentId);
      expect(parent, "a subtask's parent is the caller's").toBeDefined();
      expect(parent?.parentId, "one level deep").toBeNull();
      expect(row.projectId, "in the parent's project").toBe(parent?.projectId);
    }
    const stored = await handle.db.select().from(projects).where(eq(projects.userId, user.userId));
    expect(new Set(stored.map((p) => p.id))).toEqual(projectIds);
    for (const row of rows) {
      if (row.projectId !== null) expect(projectIds.has(row.projectId)).toBe(true);
    }
    expect(await victimRows()).toEqual(victimBefore);
  });
});
