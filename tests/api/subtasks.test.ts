/**
 * Subtasks through the real route handlers, on every driver (issue 13). One level deep (a
 * subtask cannot have subtasks); a subtask is always in its parent's project and moves with
 * it; the parent counts its subtasks; deleting the parent deletes them; completing an
 * occurrence of a repeating parent brings its subtasks back open on the next one; another
 * user's task is refused as a parent in a body and a filter.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { tasks } from "@/db/schema";
import type { Project, Task } from "@/lib/tasks/model";
import { projectSchema } from "@/lib/validation/projects";
import { completeResultSchema, taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, projectsPath, readError, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3321", dataDir: "/tmp/doable-subtasks" });

describe.each(testDrivers())("subtasks on %s", (driver) => {
  let handle: DbHandle;
  let user: TestUser;
  let work: Project;
  let home: Project;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    user = await createTestUser();
    work = await newProject("Work");
    home = await newProject("Home");
  });
  afterAll(() => handle?.close());

  async function newProject(name: string): Promise<Project> {
    const response = await callApi("POST", projectsPath(user.userId), {
      token: user.token,
      json: { name },
    });
    expect(response.status).toBe(201);
    return projectSchema.parse(await response.json());
  }
  async function create(json: Record<string, unknown>, who: TestUser = user): Promise<Task> {
    const response = await callApi("POST", tasksPath(who.userId), { token: who.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }
  async function read(id: string): Promise<Task> {
    const response = await callApi("GET", tasksPath(user.userId, id), { token: user.token });
    expect(response.status).toBe(200);
    return taskSchema.parse(await response.json());
  }
  async function list(query: string) {
    const response = await callApi("GET", `${tasksPath(user.userId)}?${query}`, {
      token: user.token,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return taskListSchema.parse(await response.json());
  }
  const refusedWith = async (response: Response, path: string) => {
    expect(response.status, await response.clone().text()).toBe(400);
    expect((await readError(response)).details?.[0]?.path).toBe(path);
  };

  it("creates subtasks in the parent's project, counted on the parent and listed by parent", async () => {
    const parent = await create({ title: "Plan trip", projectId: work.id });
    expect(parent.subtasks).toEqual({ total: 0, done: 0 });
    // A subtask is in its parent's project, whatever projectId says.
    const a = await create({ title: "Book train", parentId: parent.id, projectId: home.id });
    const b = await create({ title: "Pack", parentId: parent.id });
    expect(a).toMatchObject({ parentId: parent.id, projectId: work.id });
    expect(b.projectId).toBe(work.id);
    await callApi("PATCH", tasksPath(user.userId, a.id, "complete"), { token: user.token });
    expect((await read(parent.id)).subtasks).toEqual({ total: 2, done: 1 });

    const children = await list(`parent=${parent.id}&sort=manual`);
    expect(children.tasks.map((t) => t.title)).toEqual(["Book train", "Pack"]);
    const topLevel = await list(`project=${work.id}&parent=none`);
    expect(topLevel.tasks.map((t) => t.id)).toEqual([parent.id]);
    expect(topLevel.tasks[0]?.subtasks).toEqual({ total: 2, done: 1 });
  });

  it("goes one level deep, and says so", async () => {
    const parent = await create({ title: "Level 0" });
    const child = await create({ title: "Level 1", parentId: parent.id });
    const grandchild = await callApi("POST", tasksPath(user.userId), {
      token: user.token,
      json: { title: "Level 2", parentId: child.id },
    });
    await refusedWith(grandchild, "parentId");
    // A task with subtasks cannot become a subtask.
    const other = await create({ title: "Other" });
    const demote = await callApi("PUT", tasksPath(user.userId, parent.id), {
      token: user.token,
      json: { title: "Level 0", parentId: other.id },
    });
    await refusedWith(demote, "parentId");
    const self = await callApi("PUT", tasksPath(user.userId, other.id), {
      token: user.token,
      json: { title: "Other", parentId: other.id },
    });
    await refusedWith(self, "parentId");
    expect((await read(parent.id)).parentId).toBeNull();
  });

  it("keeps the parent on a PUT that leaves parentId out, and detaches on null", async () => {
    const parent = await create({ title: "Keep parent" });
    const child = await create({ title: "child", parentId: parent.id });
    const put = await callApi("PUT", tasksPath(user.userId, child.id), {
      token: user.token,
      json: { title: "child renamed" },
    });
    expect(put.status).toBe(200);
    expect(taskSchema.parse(await put.json()).parentId).toBe(parent.id);
    const detached = await callApi("PUT", tasksPath(user.userId, child.id), {
      token: user.token,
      json: { title: "child renamed", parentId: null },
    });
    expect(taskSchema.parse(await detached.json()).parentId).toBeNull();
    expect((await read(parent.id)).subtasks.total).toBe(0);
  });

  it("completes a parent together with its open subtasks in one bulk action", async () => {
    const parent = await create({ title: "Clean house" });
    const kids = [
      await create({ title: "Kitchen", parentId: parent.id }),
      await create({ title: "Bath", parentId: parent.id }),
    ];
    const response = await callApi("POST", tasksPath(user.userId, "bulk"), {
      token: user.token,
      json: { action: "complete", ids: [parent.id, ...kids.map((k) => k.id)] },
    });
    expect(response.status).toBe(200);
    const done = await read(parent.id);
    expect(done.completed).toBe(true);
    expect(done.subtasks).toEqual({ total: 2, done: 2 });
  });

  it("moves subtasks with their parent, by PUT and by move, and never on their own", async () => {
    const parent = await create({ title: "Movable", projectId: work.id });
    const child = await create({ title: "Movable child", parentId: parent.id });
    const put = await callApi("PUT", tasksPath(user.userId, parent.id), {
      token: user.token,
      json: { title: "Movable", projectId: home.id },
    });
    expect(put.status).toBe(200);
    expect((await read(child.id)).projectId).toBe(home.id);
    const moved = await callApi("POST", tasksPath(user.userId, parent.id, "move"), {
      token: user.token,
      json: { projectId: null },
    });
    expect(moved.status).toBe(200);
    expect((await read(child.id)).projectId).toBeNull();
    const alone = await callApi("POST", tasksPath(user.userId, child.id, "move"), {
      token: user.token,
      json: { projectId: work.id },
    });
    await refusedWith(alone, "projectId");
    expect((await read(child.id)).projectId).toBeNull();
  });

  it("deletes subtasks with their parent", async () => {
    const parent = await create({ title: "Doomed parent" });
    const child = await create({ title: "Doomed child", parentId: parent.id });
    const response = await callApi("DELETE", tasksPath(user.userId, parent.id), {
      token: user.token,
    });
    expect(response.status).toBe(204);
    const [row] = await handle.db.select().from(tasks).where(eq(tasks.id, child.id));
    expect(row).toBeUndefined();
  });

  it("brings the subtasks back open on a repeating parent's next occurrence, and Undo takes them back", async () => {
    const due = "2031-03-03T09:00:00.000Z";
    const parent = await create({
      title: "Weekly review",
      dueAt: due,
      repeat: { rule: "FREQ=WEEKLY", from: "due" },
      projectId: work.id,
    });
    const inbox = await create({ title: "Empty inbox", parentId: parent.id, dueAt: due });
    await create({ title: "Plan week", parentId: parent.id });
    await callApi("PATCH", tasksPath(user.userId, inbox.id, "complete"), { token: user.token });

    const response = await callApi("PATCH", tasksPath(user.userId, parent.id, "complete"), {
      token: user.token,
      json: { completed: true },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const result = completeResultSchema.parse(await response.json());
    const next = result.nextOccurrence;
    expect(next?.subtasks).toEqual({ total: 2, done: 0 });
    expect(result.subtasks).toEqual({ total: 2, done: 1 });
    const copies = await list(`parent=${next?.id}&sort=manual`);
    expect(copies.tasks.map((t) => [t.title, t.completed, t.projectId])).toEqual([
      ["Empty inbox", false, work.id],
      ["Plan week", false, work.id],
    ]);
    // The due date moves on by the parent's step (a week).
    expect(copies.tasks[0]?.dueAt).toBe("2031-03-10T09:00:00.000Z");

    // Reopening right away takes back the untouched next occurrence, subtasks and all.
    await callApi("PATCH", tasksPath(user.userId, parent.id, "complete"), {
      token: user.token,
      json: { completed: false },
    });
    const gone = await handle.db
      .select()
      .from(tasks)
      .where(eq(tasks.parentId, next?.id ?? ""));
    expect(gone).toEqual([]);
    expect((await read(parent.id)).subtasks).toEqual({ total: 2, done: 1 });
  });

  it("holds at most 100 subtasks per task", async () => {
    const parent = await create({ title: "Many" });
    await handle.db.insert(tasks).values(
      Array.from({ length: 100 }, (_, i) => ({
        userId: user.userId,
        title: `s${i}`,
        parentId: parent.id,
      })),
    );
    const response = await callApi("POST", tasksPath(user.userId), {
      token: user.token,
      json: { title: "one too many", parentId: parent.id },
    });
    await refusedWith(response, "parentId");
  });

  it("refuses another user's task as a parent, in a body and in a filter", async () => {
    const stranger = await createTestUser();
    const theirs = await create({ title: "Stranger's" }, stranger);
    const response = await callApi("POST", tasksPath(user.userId), {
      token: user.token,
      json: { title: "Sneaky", parentId: theirs.id },
    });
    await refusedWith(response, "parentId");
    const filter = await callApi("GET", `${tasksPath(user.userId)}?parent=${theirs.id}`, {
      token: user.token,
    });
    expect(filter.status).toBe(404);
    const mine = await create({ title: "Mine" });
    const put = await callApi("PUT", tasksPath(user.userId, mine.id), {
      token: user.token,
      json: { title: "Mine", parentId: theirs.id },
    });
    await refusedWith(put, "parentId");
    const [row] = await handle.db.select().from(tasks).where(eq(tasks.id, theirs.id));
    expect(row).toMatchObject({ title: "Stranger's", parentId: null, userId: stranger.userId });
  });
});
