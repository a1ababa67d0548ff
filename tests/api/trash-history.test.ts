/**
 * The trash and task history (issue 14) through the real route handlers, on every driver.
 * DELETE still answers 204 and the task 404s, but it waits in the trash with its subtasks;
 * restoring brings back its project, parent, subtasks and place; Delete forever and Empty
 * trash remove it with its history; the scheduled purge removes entries past TRASH_DAYS on a
 * clock the test controls, and running it again removes nothing. Every kind of change leaves
 * its history entry, written in the same statement: a refused write leaves neither. Nobody
 * reaches another user's trash or history.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { taskEvents, trashedTasks } from "@/db/schema";
import { runScheduledWork } from "@/lib/server/scheduled-work";
import { type Project, type Task, TRASH_DAYS } from "@/lib/tasks/model";
import { projectSchema } from "@/lib/validation/projects";
import { taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import { emptyTrashSchema, taskHistorySchema, trashListSchema } from "@/lib/validation/trash";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import {
  callApi,
  type Method,
  projectsPath,
  readError,
  tasksPath,
  trashPath,
} from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3352", dataDir: "/tmp/doable-trash" });

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDrivers())("trash and history on %s", (driver) => {
  let handle: DbHandle;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    [alice, bob] = await Promise.all([createTestUser(), createTestUser()]);
  });
  afterAll(() => handle?.close());

  const call = (method: Method, path: string, json?: unknown, who: TestUser = alice) =>
    callApi(method, path, { token: who.token, json });

  async function create(json: Record<string, unknown>, who: TestUser = alice): Promise<Task> {
    const response = await call("POST", tasksPath(who.userId), json, who);
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }
  async function newProject(name: string): Promise<Project> {
    const response = await call("POST", projectsPath(alice.userId), { name });
    expect(response.status).toBe(201);
    return projectSchema.parse(await response.json());
  }
  async function read(id: string): Promise<Response> {
    return call("GET", tasksPath(alice.userId, id));
  }
  async function trashList(query = "", who: TestUser = alice) {
    const response = await call("GET", `${trashPath(who.userId)}${query}`, undefined, who);
    expect(response.status, await response.clone().text()).toBe(200);
    return trashListSchema.parse(await response.json());
  }
  async function remove(id: string) {
    const response = await call("DELETE", tasksPath(alice.userId, id));
    expect(response.status).toBe(204);
  }
  async function restore(id: string, who: TestUser = alice): Promise<Response> {
    return call("POST", trashPath(alice.userId, id, "restore"), undefined, who);
  }
  async function history(id: string) {
    const response = await call("GET", tasksPath(alice.userId, id, "history"));
    expect(response.status, await response.clone().text()).toBe(200);
    return taskHistorySchema.parse(await response.json()).events;
  }
  const kinds = async (id: string) => (await history(id)).map((event) => event.kind).reverse();

  it("a deleted task 404s, waits in the trash with its subtasks, and comes back as it was", async () => {
    const work = await newProject(`Work ${driver}`);
    const first = await create({ title: "First", projectId: work.id });
    const parent = await create({ title: "Parent", projectId: work.id, tags: ["x"] });
    const sub = await create({ title: "Sub", parentId: parent.id });
    const last = await create({ title: "Last", projectId: work.id });

    await remove(parent.id);
    expect((await read(parent.id)).status).toBe(404);
    expect((await read(sub.id)).status).toBe(404);
    const listed = taskListSchema.parse(
      await (await call("GET", `${tasksPath(alice.userId)}?project=${work.id}`)).json(),
    );
    expect(listed.tasks.map((t) => t.id).sort()).toEqual([first.id, last.id].sort());
    const { entries } = await trashList();
    const entry = entries.find((e) => e.task.id === parent.id);
    expect(entry?.subtasks).toBe(1);
    expect(entry?.task.tags).toEqual(["x"]);
    expect(entries.some((e) => e.task.id === sub.id)).toBe(false);
    if (!entry) return;
    expect(Date.parse(entry.purgeAt) - Date.parse(entry.deletedAt)).toBe(TRASH_DAYS * DAY_MS);
    // A trashed task has no history to show, and cannot be edited or deleted again.
    expect((await call("GET", tasksPath(alice.userId, parent.id, "history"))).status).toBe(404);
    expect((await call("PUT", tasksPath(alice.userId, parent.id), { title: "x" })).status).toBe(
      404,
    );

    const restored = await restore(parent.id);
    expect(restored.status, await restored.clone().text()).toBe(200);
    const back = taskSchema.parse(await restored.json());
    expect(back).toMatchObject({
      id: parent.id,
      projectId: work.id,
      position: parent.position,
      tags: ["x"],
      subtasks: { total: 1, done: 0 },
    });
    const subBack = taskSchema.parse(await (await read(sub.id)).json());
    expect(subBack).toMatchObject({ parentId: parent.id, projectId: work.id });
    expect((await trashList()).entries.some((e) => e.task.id === parent.id)).toBe(false);
    expect(await kinds(parent.id)).toEqual(["created", "deleted", "restored"]);
    expect((await restore(parent.id)).status).toBe(404);
  });

  it("a restore goes to the Inbox when its project is gone, and a subtask alone when its parent is", async () => {
    const temp = await newProject(`Temp ${driver}`);
    const inProject = await create({ title: "In a project", projectId: temp.id });
    const parent = await create({ title: "Parent 2" });
    const sub = await create({ title: "Sub 2", parentId: parent.id });
    await remove(inProject.id);
    await remove(sub.id);
    await remove(parent.id);
    expect((await call("DELETE", projectsPath(alice.userId, temp.id))).status).toBe(204);
    expect((await call("DELETE", trashPath(alice.userId, parent.id))).status).toBe(204);

    const inbox = taskSchema.parse(await (await restore(inProject.id)).json());
    expect(inbox.projectId).toBeNull();
    const alone = taskSchema.parse(await (await restore(sub.id)).json());
    expect(alone.parentId).toBeNull();
    expect((await restore(parent.id)).status).toBe(404);
  });

  it("a restored task's reminders go on from now: one that fell due in the trash is not sent", async () => {
    const soon = new Date(Date.now() + DAY_MS).toISOString();
    const later = new Date(Date.now() + 2 * DAY_MS).toISOString();
    const task = await create({
      title: "Call the plumber",
      reminders: [{ at: soon }, { at: later }],
    });
    expect(task.nextReminderAt).toBe(soon);
    await remove(task.id);
    // While it was in the trash, the first reminder's moment passed.
    const passed = new Date(Date.now() - 60_000).toISOString();
    await handle.db
      .update(trashedTasks)
      .set({ reminders: [{ at: passed }, { at: later }] })
      .where(eq(trashedTasks.id, task.id));
    const back = taskSchema.parse(await (await restore(task.id)).json());
    expect(back.reminders).toEqual([{ at: passed }, { at: later }]);
    expect(back.nextReminderAt).toBe(later);
    const plain = await create({ title: "No reminders" });
    await remove(plain.id);
    expect(taskSchema.parse(await (await restore(plain.id)).json()).nextReminderAt).toBeNull();
  });

  it("bulk delete and a project deleted with its tasks fill the trash; Empty trash empties it", async () => {
    const a = await create({ title: "Bulk A" });
    const b = await create({ title: "Bulk B" });
    const bulk = await call("POST", tasksPath(alice.userId, "bulk"), {
      action: "delete",
      ids: [a.id, b.id],
    });
    expect(bulk.status).toBe(200);
    const doomed = await newProject(`Doomed ${driver}`);
    const inDoomed = await create({ title: "In doomed", projectId: doomed.id });
    const gone = await call("DELETE", `${projectsPath(alice.userId, doomed.id)}?tasks=delete`);
    expect(gone.status).toBe(204);
    const ids = (await trashList()).entries.map((e) => e.task.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id, inDoomed.id]));
    const back = taskSchema.parse(await (await restore(inDoomed.id)).json());
    expect(back.projectId).toBeNull();

    const emptied = await call("DELETE", trashPath(alice.userId));
    expect(emptied.status).toBe(200);
    expect(emptyTrashSchema.parse(await emptied.json()).deleted).toBeGreaterThanOrEqual(2);
    expect((await trashList()).entries).toEqual([]);
    expect((await restore(a.id)).status).toBe(404);
    // Deleted for good, history and all.
    const left = await handle.db
      .select({ id: taskEvents.id })
      .from(taskEvents)
      .where(eq(taskEvents.taskId, a.id));
    expect(left).toEqual([]);
  });

  it("pages the trash newest first, and refuses a cursor it did not make", async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create({ title: `Page ${i}` })).id);
    for (const id of made) await remove(id);
    const first = await trashList("?limit=2");
    expect(first.entries).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const seen = [...first.entries];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await trashList(`?limit=2&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...page.entries);
      cursor = page.nextCursor;
    }
    expect(seen.map((e) => e.task.id)).toEqual(expect.arrayContaining(made));
    expect(new Set(seen.map((e) => e.task.id)).size).toBe(seen.length);
    const times = seen.map((e) => Date.parse(e.deletedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const bad = await call("GET", `${trashPath(alice.userId)}?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect((await readError(bad)).details?.[0]?.path).toBe("cursor");
    expect((await call("GET", `${trashPath(alice.userId)}?limit=1000`)).status).toBe(400);
  });

  it("the scheduled purge removes entries past their time on a controlled clock, once", async () => {
    const old = await create({ title: "Old" });
    const fresh = await create({ title: "Fresh" });
    await remove(old.id);
    await remove(fresh.id);
    // Deleted 31 days ago, as far as the purge can tell.
    await handle.db
      .update(trashedTasks)
      .set({ deletedAt: new Date(Date.now() - (TRASH_DAYS + 1) * DAY_MS) })
      .where(eq(trashedTasks.id, old.id));
    const report = await runScheduledWork(handle.db, () => new Date());
    expect(report.trashPurged).toBeGreaterThanOrEqual(1);
    const ids = (await trashList()).entries.map((e) => e.task.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(old.id);
    expect((await runScheduledWork(handle.db, () => new Date())).trashPurged).toBe(0);
    // The clock moves on: 30 days and a minute later, the fresh one goes too.
    const later = new Date(Date.now() + TRASH_DAYS * DAY_MS + 60_000);
    expect((await runScheduledWork(handle.db, () => later)).trashPurged).toBeGreaterThanOrEqual(1);
    expect((await trashList()).entries.map((e) => e.task.id)).not.toContain(fresh.id);
  });

  it("records every kind of change, with fields before and after", async () => {
    const home = await newProject(`Home ${driver}`);
    const task = await create({ title: "Draft", priority: "low" });
    const other = await create({ title: "Neighbour" });
    const put = await call("PUT", tasksPath(alice.userId, task.id), {
      title: "Final",
      priority: "high",
      dueAt: "2031-05-01T10:00:00Z",
      tags: ["a"],
      repeat: { rule: "FREQ=WEEKLY", from: "due" },
    });
    expect(put.status).toBe(200);
    const patch = (completed: boolean) =>
      call("PATCH", tasksPath(alice.userId, task.id, "complete"), { completed });
    expect((await call("PUT", tasksPath(alice.userId, task.id), { title: "Final" })).status).toBe(
      200,
    );
    expect(
      (await call("POST", tasksPath(alice.userId, task.id, "move"), { before: other.id })).status,
    ).toBe(200);
    expect(
      (await call("POST", tasksPath(alice.userId, task.id, "move"), { projectId: home.id })).status,
    ).toBe(200);
    expect((await patch(true)).status).toBe(200);
    expect((await patch(false)).status).toBe(200);
    await remove(task.id);
    expect((await restore(task.id)).status).toBe(200);

    const events = await history(task.id);
    expect(events.map((e) => e.kind).reverse()).toEqual([
      "created",
      "updated",
      "updated",
      "moved",
      "moved",
      "completed",
      "reopened",
      "deleted",
      "restored",
    ]);
    const [, , , , projectMove, positionMove, second, first] = events;
    expect(first?.changes).toMatchObject({
      title: { from: "Draft", to: "Final" },
      priority: { from: "low", to: "high" },
      dueAt: { from: null, to: "2031-05-01T10:00:00.000Z" },
      tags: { from: [], to: ["a"] },
      repeat: { from: null, to: { rule: expect.stringMatching(/^FREQ=WEEKLY/), from: "due" } },
    });
    // A PUT without the other fields puts them back to their defaults, and says so.
    expect(second?.changes).toMatchObject({
      priority: { from: "high", to: "none" },
      dueAt: { from: "2031-05-01T10:00:00.000Z", to: null },
    });
    expect(Object.keys(positionMove?.changes ?? {})).toEqual(["position"]);
    expect(projectMove?.changes.projectId).toEqual({ from: null, to: home.id });
  });

  it("an occurrence taken back by a reopen leaves no history behind", async () => {
    const gym = await create({
      title: "Gym",
      dueAt: "2031-07-05T07:00:00Z",
      repeat: { rule: "FREQ=DAILY", from: "due" },
    });
    const done = await call("PATCH", tasksPath(alice.userId, gym.id, "complete"), {
      completed: true,
    });
    const next = (await done.json()) as { nextOccurrence: { id: string } | null };
    const nextId = next.nextOccurrence?.id ?? "";
    expect(await kinds(nextId)).toEqual(["created"]);
    const reopened = await call("PATCH", tasksPath(alice.userId, gym.id, "complete"), {
      completed: false,
    });
    expect(reopened.status).toBe(200);
    expect((await read(nextId)).status).toBe(404);
    const left = await handle.db
      .select({ id: taskEvents.id })
      .from(taskEvents)
      .where(eq(taskEvents.taskId, nextId));
    expect(left).toEqual([]);
    expect(await kinds(gym.id)).toEqual(["created", "completed", "reopened"]);
  });

  it("a snooze or a reminder's delivery is not a change; a refused write leaves no entry", async () => {
    const task = await create({
      title: "Remind me",
      dueAt: new Date(Date.now() + 3 * DAY_MS).toISOString(),
      reminders: [{ minutesBefore: 60 }],
    });
    const snoozed = await call("POST", tasksPath(alice.userId, task.id, "reminders", "snooze"), {
      minutes: 10,
    });
    expect(snoozed.status, await snoozed.clone().text()).toBe(200);
    const foreign = await create({ title: "Bob's" }, bob);
    const refused = await call("PUT", tasksPath(alice.userId, task.id), {
      title: "Changed",
      parentId: foreign.id,
    });
    expect(refused.status).toBe(400);
    expect(taskSchema.parse(await (await read(task.id)).json()).title).toBe("Remind me");
    expect(await kinds(task.id)).toEqual(["created"]);
  });

  it("nobody reaches another user's trash or history", async () => {
    const secret = await create({ title: "Alice's secret" });
    await remove(secret.id);
    const bobs = await create({ title: "Bob's own" }, bob);
    // Bob on his own paths with Alice's ids: not in his trash.
    expect(
      (await call("POST", trashPath(bob.userId, secret.id, "restore"), undefined, bob)).status,
    ).toBe(404);
    expect((await call("DELETE", trashPath(bob.userId, secret.id), undefined, bob)).status).toBe(
      404,
    );
    expect((await trashList("", bob)).entries.map((e) => e.task.id)).not.toContain(secret.id);
    // Bob on Alice's paths: 403 before anything is read.
    expect((await restore(secret.id, bob)).status).toBe(403);
    expect((await call("GET", trashPath(alice.userId), undefined, bob)).status).toBe(403);
    expect((await call("DELETE", trashPath(alice.userId), undefined, bob)).status).toBe(403);
    expect((await call("GET", tasksPath(alice.userId, bobs.id, "history"))).status).toBe(404);
    // Bob's empty trash took nothing of Alice's.
    expect((await call("DELETE", trashPath(bob.userId), undefined, bob)).status).toBe(200);
    const still = await handle.db
      .select({ id: trashedTasks.id })
      .from(trashedTasks)
      .where(and(eq(trashedTasks.id, secret.id), eq(trashedTasks.userId, alice.userId)));
    expect(still).toHaveLength(1);
    expect((await restore(secret.id)).status).toBe(200);
  });
});
