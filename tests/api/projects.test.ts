/**
 * Projects through the real route handlers, on every driver (issue 13): CRUD with ETag and
 * If-Match, names unique per user ignoring case, archive (its tasks leave the other views),
 * reorder, delete with the tasks moved to the Inbox or deleted, the task list's project
 * filter, and another user's project ids refused in every path, body and filter.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { projects, tasks } from "@/db/schema";
import type { Project, Task } from "@/lib/tasks/model";
import { projectListSchema, projectSchema } from "@/lib/validation/projects";
import { taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, projectsPath, readError, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3320", dataDir: "/tmp/doable-projects" });

describe.each(testDrivers())("projects on %s", (driver) => {
  let handle: DbHandle;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    [alice, bob] = await Promise.all([createTestUser(), createTestUser()]);
  });
  afterAll(() => handle?.close());

  async function newProject(user: TestUser, json: Record<string, unknown>): Promise<Project> {
    const response = await callApi("POST", projectsPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(response.headers.get("location")).toMatch(/\/projects\/[0-9a-f-]{36}$/);
    return projectSchema.parse(await response.json());
  }
  async function newTask(user: TestUser, json: Record<string, unknown>): Promise<Task> {
    const response = await callApi("POST", tasksPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }
  async function listAll(user: TestUser) {
    const response = await callApi("GET", projectsPath(user.userId), { token: user.token });
    expect(response.status).toBe(200);
    return projectListSchema.parse(await response.json());
  }
  async function listTasks(user: TestUser, query: string) {
    const response = await callApi("GET", `${tasksPath(user.userId)}?${query}`, {
      token: user.token,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return taskListSchema.parse(await response.json());
  }
  const patch = (user: TestUser, id: string, json: unknown, headers?: Record<string, string>) =>
    callApi("PATCH", projectsPath(user.userId, id), { token: user.token, json, headers });

  it("creates, reads, renames, recolours and lists projects in order", async () => {
    const user = await createTestUser();
    const work = await newProject(user, { name: "  Work  ", color: "blue" });
    expect(work).toMatchObject({ name: "Work", color: "blue", archived: false, openTasks: 0 });
    const home = await newProject(user, { name: "Home" });
    expect(home.color).toBe("gray");
    expect(Number(home.position)).toBeGreaterThan(Number(work.position));

    const got = await callApi("GET", projectsPath(user.userId, work.id), { token: user.token });
    expect(got.status).toBe(200);
    const etag = got.headers.get("etag");
    expect(etag).toMatch(/^"\d+"$/);

    const renamed = await patch(
      user,
      work.id,
      { name: "Office", color: "red" },
      { "If-Match": etag ?? "" },
    );
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: "Office", color: "red" });
    expect(renamed.headers.get("etag")).not.toBe(etag);
    // The old version no longer matches: 412 with the current ETag, nothing changed.
    const stale = await patch(user, work.id, { name: "Stale" }, { "If-Match": etag ?? "" });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(renamed.headers.get("etag"));

    await newTask(user, { title: "In office", projectId: work.id });
    await newTask(user, { title: "Done in office", projectId: work.id });
    await newTask(user, { title: "Inbox one" });
    const list = await listAll(user);
    expect(list.projects.map((p) => p.name)).toEqual(["Office", "Home"]);
    expect(list.projects[0]?.openTasks).toBe(2);
    expect(list.inbox.openTasks).toBe(1);
  });

  it("keeps names unique per user ignoring case, and lets another user use the same name", async () => {
    const user = await createTestUser();
    await newProject(user, { name: "Garden" });
    const again = await callApi("POST", projectsPath(user.userId), {
      token: user.token,
      json: { name: "gARDEN" },
    });
    expect(again.status).toBe(409);
    expect((await readError(again)).details?.[0]?.path).toBe("name");
    const other = await createTestUser();
    await newProject(other, { name: "Garden" });
    const shed = await newProject(user, { name: "Shed" });
    const rename = await patch(user, shed.id, { name: "garden" });
    expect(rename.status).toBe(409);
    expect((await listAll(user)).projects.map((p) => p.name)).toEqual(["Garden", "Shed"]);
  });

  it("refuses bad bodies with a 400 naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ name: "" }, "name"],
      [{ name: "x".repeat(61) }, "name"],
      [{ name: "a\u0000b" }, "name"],
      [{ name: "ok", color: "chartreuse" }, "color"],
      [{ name: "ok", userId: alice.userId }, ""],
    ];
    for (const [json, path] of cases) {
      const response = await callApi("POST", projectsPath(alice.userId), {
        token: alice.token,
        json,
      });
      expect(response.status, JSON.stringify(json)).toBe(400);
      const error = await readError(response);
      if (path) expect(error.details?.[0]?.path).toBe(path);
    }
    const project = await newProject(alice, { name: "Bodies" });
    for (const json of [{}, { after: project.id, before: project.id }, { archived: "yes" }]) {
      const response = await patch(alice, project.id, json);
      expect(response.status, JSON.stringify(json)).toBe(400);
    }
    const self = await patch(alice, project.id, { after: project.id });
    expect(self.status).toBe(400);
  });

  it("reorders with after and before, one row written", async () => {
    const user = await createTestUser();
    const [a, b, c] = [
      await newProject(user, { name: "A" }),
      await newProject(user, { name: "B" }),
      await newProject(user, { name: "C" }),
    ];
    expect((await patch(user, c.id, { before: a.id })).status).toBe(200);
    expect((await listAll(user)).projects.map((p) => p.name)).toEqual(["C", "A", "B"]);
    expect((await patch(user, c.id, { after: a.id })).status).toBe(200);
    expect((await listAll(user)).projects.map((p) => p.name)).toEqual(["A", "C", "B"]);
    expect((await patch(user, a.id, { after: b.id })).status).toBe(200);
    const after = await listAll(user);
    expect(after.projects.map((p) => p.name)).toEqual(["C", "B", "A"]);
    // Only the moved row changed position.
    expect(after.projects.find((p) => p.id === b.id)?.position).toBe(b.position);
    expect(after.projects.find((p) => p.id === c.id)?.position).not.toBe(c.position);
  });

  it("archives a project: its tasks leave the other views but stay in the project", async () => {
    const user = await createTestUser();
    const trip = await newProject(user, { name: "Trip" });
    await newTask(user, { title: "Pack", projectId: trip.id });
    await newTask(user, { title: "Water plants" });
    const archived = await patch(user, trip.id, { archived: true });
    expect(archived.status).toBe(200);
    expect(await archived.json()).toMatchObject({ archived: true });
    expect((await listTasks(user, "")).tasks.map((t) => t.title)).toEqual(["Water plants"]);
    expect((await listTasks(user, `project=${trip.id}`)).tasks.map((t) => t.title)).toEqual([
      "Pack",
    ]);
    expect((await patch(user, trip.id, { archived: false })).status).toBe(200);
    expect((await listTasks(user, "")).counts.all).toBe(2);
  });

  it("filters tasks by project and by the Inbox", async () => {
    const user = await createTestUser();
    const p = await newProject(user, { name: "Filtered" });
    await newTask(user, { title: "in p", projectId: p.id });
    await newTask(user, { title: "in inbox" });
    const inP = await listTasks(user, `project=${p.id}`);
    expect(inP.tasks.map((t) => t.title)).toEqual(["in p"]);
    expect(inP.tasks[0]?.projectId).toBe(p.id);
    expect(inP.counts.all).toBe(1);
    expect((await listTasks(user, "project=inbox")).tasks.map((t) => t.title)).toEqual([
      "in inbox",
    ]);
    const bad = await callApi("GET", `${tasksPath(user.userId)}?project=nope`, {
      token: user.token,
    });
    expect(bad.status).toBe(400);
  });

  it("deletes a project with its tasks moved to the Inbox (the default)", async () => {
    const user = await createTestUser();
    const p = await newProject(user, { name: "Moving" });
    const parent = await newTask(user, { title: "parent", projectId: p.id });
    await newTask(user, { title: "child", parentId: parent.id });
    const response = await callApi("DELETE", projectsPath(user.userId, p.id), {
      token: user.token,
    });
    expect(response.status, await response.clone().text()).toBe(204);
    const inbox = await listTasks(user, "project=inbox");
    expect(inbox.tasks.map((t) => t.title).sort()).toEqual(["child", "parent"]);
    expect(inbox.tasks.every((t) => t.projectId === null)).toBe(true);
    const gone = await callApi("GET", projectsPath(user.userId, p.id), { token: user.token });
    expect(gone.status).toBe(404);
  });

  it("deletes a project with its tasks, and honours If-Match", async () => {
    const user = await createTestUser();
    const p = await newProject(user, { name: "Doomed" });
    const parent = await newTask(user, { title: "doomed parent", projectId: p.id });
    await newTask(user, { title: "doomed child", parentId: parent.id });
    await newTask(user, { title: "survivor" });
    const stale = await callApi("DELETE", `${projectsPath(user.userId, p.id)}?tasks=delete`, {
      token: user.token,
      headers: { "If-Match": '"1"' },
    });
    expect(stale.status).toBe(412);
    expect((await listTasks(user, "")).counts.all).toBe(3);
    const bad = await callApi("DELETE", `${projectsPath(user.userId, p.id)}?tasks=keep`, {
      token: user.token,
    });
    expect(bad.status).toBe(400);
    const response = await callApi("DELETE", `${projectsPath(user.userId, p.id)}?tasks=delete`, {
      token: user.token,
    });
    expect(response.status).toBe(204);
    expect((await listTasks(user, "")).tasks.map((t) => t.title)).toEqual(["survivor"]);
  });

  it("holds at most one account's worth of projects", async () => {
    const user = await createTestUser();
    // Straight into the table up to the limit, then the API refuses the next one.
    await handle.db
      .insert(projects)
      .values(Array.from({ length: 300 }, (_, i) => ({ userId: user.userId, name: `p${i}` })));
    const response = await callApi("POST", projectsPath(user.userId), {
      token: user.token,
      json: { name: "one too many" },
    });
    expect(response.status).toBe(409);
    expect((await listAll(user)).projects).toHaveLength(300);
  });

  describe("isolation", () => {
    let bobs: Project;
    let bobsTask: Task;
    let before: unknown;

    beforeAll(async () => {
      bobs = await newProject(bob, { name: "Bob's secret" });
      bobsTask = await newTask(bob, { title: "Bob's task", projectId: bobs.id });
      before = await handle.db.select().from(projects).where(eq(projects.userId, bob.userId));
    });

    it("answers 404 for another user's project in every path", async () => {
      for (const [method, json] of [
        ["GET", undefined],
        ["PATCH", { name: "Mine now" }],
        ["DELETE", undefined],
      ] as const) {
        const response = await callApi(method, projectsPath(alice.userId, bobs.id), {
          token: alice.token,
          json,
        });
        expect(response.status, method).toBe(404);
      }
      const filter = await callApi("GET", `${tasksPath(alice.userId)}?project=${bobs.id}`, {
        token: alice.token,
      });
      expect(filter.status).toBe(404);
    });

    it("refuses another user's project in a task body or a move, and as a place", async () => {
      const created = await callApi("POST", tasksPath(alice.userId), {
        token: alice.token,
        json: { title: "sneak", projectId: bobs.id },
      });
      expect(created.status).toBe(400);
      expect((await readError(created)).details?.[0]?.path).toBe("projectId");
      const mine = await newTask(alice, { title: "mine" });
      const put = await callApi("PUT", tasksPath(alice.userId, mine.id), {
        token: alice.token,
        json: { title: "mine", projectId: bobs.id },
      });
      expect(put.status).toBe(400);
      const moved = await callApi("POST", tasksPath(alice.userId, mine.id, "move"), {
        token: alice.token,
        json: { projectId: bobs.id },
      });
      expect(moved.status).toBe(400);
      const next = await callApi("POST", tasksPath(alice.userId, mine.id, "move"), {
        token: alice.token,
        json: { after: bobsTask.id },
      });
      expect(next.status).toBe(400);
      const own = await newProject(alice, { name: "Alice's" });
      const place = await patch(alice, own.id, { after: bobs.id });
      expect(place.status).toBe(400);
    });

    it("left Bob's projects and tasks as they were", async () => {
      expect(
        await handle.db.select().from(projects).where(eq(projects.userId, bob.userId)),
      ).toEqual(before);
      const [task] = await handle.db.select().from(tasks).where(eq(tasks.id, bobsTask.id));
      expect(task).toMatchObject({ title: "Bob's task", projectId: bobs.id, userId: bob.userId });
    });
  });
});
