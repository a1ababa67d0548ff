/**
 * The manual order through the real route handlers, on every driver (issue 13): moves after,
 * before and to the end, across projects, kept across reads; refusals that change nothing; and
 * two clients making 100 random moves at once: every task is still there exactly once, and
 * each acknowledged move still holds unless a later or concurrent move touched its tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import type { Task } from "@/lib/tasks/model";
import { projectSchema } from "@/lib/validation/projects";
import { taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, projectsPath, readError, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3322", dataDir: "/tmp/doable-moves" });

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Compares two non-negative decimals exactly (positions have more digits than a double holds). */
function compareDecimal(a: string, b: string): number {
  const [ai = "", af = ""] = a.split(".");
  const [bi = "", bf = ""] = b.split(".");
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const [x, y] = [af.padEnd(width, "0"), bf.padEnd(width, "0")];
  return x === y ? 0 : x < y ? -1 : 1;
}

describe.each(testDrivers())("task moves on %s", (driver) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
  });
  afterAll(() => handle?.close());

  async function create(user: TestUser, json: Record<string, unknown>): Promise<Task> {
    const response = await callApi("POST", tasksPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }
  async function order(user: TestUser, query = "project=inbox&parent=none"): Promise<string[]> {
    const response = await callApi(
      "GET",
      `${tasksPath(user.userId)}?${query}&sort=manual&limit=100`,
      {
        token: user.token,
      },
    );
    expect(response.status).toBe(200);
    return taskListSchema.parse(await response.json()).tasks.map((t) => t.title);
  }
  const move = (user: TestUser, id: string, json: Record<string, unknown>) =>
    callApi("POST", tasksPath(user.userId, id, "move"), { token: user.token, json });

  async function seeded(titles: string[]) {
    const user = await createTestUser();
    const made: Record<string, Task> = {};
    for (const title of titles) made[title] = await create(user, { title });
    return { user, made };
  }

  it("puts new tasks last and moves after, before and to the end", async () => {
    const { user, made } = await seeded(["a", "b", "c", "d"]);
    expect(await order(user)).toEqual(["a", "b", "c", "d"]);
    const id = (t: string) => made[t]?.id ?? "";
    expect((await move(user, id("d"), { after: id("a") })).status).toBe(200);
    expect(await order(user)).toEqual(["a", "d", "b", "c"]);
    expect((await move(user, id("c"), { before: id("a") })).status).toBe(200);
    expect(await order(user)).toEqual(["c", "a", "d", "b"]);
    expect((await move(user, id("c"), {})).status).toBe(200);
    expect(await order(user)).toEqual(["a", "d", "b", "c"]);
    expect((await move(user, id("b"), { after: id("c") })).status).toBe(200);
    expect(await order(user)).toEqual(["a", "d", "c", "b"]);
    // A new task still goes last.
    await create(user, { title: "e" });
    expect(await order(user)).toEqual(["a", "d", "c", "b", "e"]);
  });

  it("moves into another project, next to a task there or to its end", async () => {
    const { user, made } = await seeded(["x", "y"]);
    const response = await callApi("POST", projectsPath(user.userId), {
      token: user.token,
      json: { name: "Elsewhere" },
    });
    const project = projectSchema.parse(await response.json());
    const there = await create(user, { title: "there", projectId: project.id });
    const toEnd = await move(user, made.x?.id ?? "", { projectId: project.id });
    expect(toEnd.status).toBe(200);
    expect(taskSchema.parse(await toEnd.json()).projectId).toBe(project.id);
    const beside = await move(user, made.y?.id ?? "", { before: there.id });
    expect(beside.status).toBe(200);
    expect(await order(user, `project=${project.id}`)).toEqual(["y", "there", "x"]);
    expect(await order(user)).toEqual([]);
    // An anchor in another project than the projectId sent: refused, nothing moved.
    const mismatch = await move(user, made.y?.id ?? "", { after: there.id, projectId: null });
    expect(mismatch.status).toBe(400);
    expect((await readError(mismatch)).details?.[0]?.path).toBe("projectId");
  });

  it("refuses moves that cannot be made, changing nothing", async () => {
    const { user, made } = await seeded(["p", "q"]);
    const stranger = await createTestUser();
    const theirs = await create(stranger, { title: "theirs" });
    const parent = await create(user, { title: "parent" });
    const child = await create(user, { title: "child", parentId: parent.id });
    const p = made.p?.id ?? "";
    const cases: [Record<string, unknown>, string][] = [
      [{ after: p }, "after"],
      [{ after: theirs.id }, "after"],
      [{ before: child.id }, "before"],
      [{ after: made.q?.id, before: made.q?.id }, "before"],
      [{ after: "nope" }, "after"],
      [{ position: 3 }, ""],
    ];
    for (const [json, path] of cases) {
      const response = await move(user, p, json);
      expect(response.status, JSON.stringify(json)).toBe(400);
      if (path) expect((await readError(response)).details?.[0]?.path).toBe(path);
    }
    const wrongOwner = await callApi("POST", tasksPath(user.userId, p, "move"), {
      token: stranger.token,
      json: {},
    });
    expect(wrongOwner.status).toBe(403);
    const foreign = await callApi("POST", tasksPath(stranger.userId, p, "move"), {
      token: stranger.token,
      json: {},
    });
    expect(foreign.status).toBe(404);
    expect(await order(user)).toEqual(["p", "q", "parent"]);
    expect(await order(stranger)).toEqual(["theirs"]);
  });

  it("orders subtasks among their siblings", async () => {
    const user = await createTestUser();
    const parent = await create(user, { title: "parent" });
    const one = await create(user, { title: "one", parentId: parent.id });
    const two = await create(user, { title: "two", parentId: parent.id });
    expect((await move(user, two.id, { before: one.id })).status).toBe(200);
    expect(await order(user, `parent=${parent.id}`)).toEqual(["two", "one"]);
    const outside = await move(user, one.id, { after: parent.id });
    expect(outside.status).toBe(400);
  });

  it("matches a model of the list after 100 random moves by one client", async () => {
    const titles = Array.from({ length: 10 }, (_, i) => `m${i}`);
    const { user, made } = await seeded(titles);
    const model = [...titles];
    const next = random(3);
    for (let i = 0; i < 100; i++) {
      const task = titles[Math.floor(next() * titles.length)] ?? "";
      const anchor = titles[Math.floor(next() * titles.length)] ?? "";
      const side = anchor === task ? "end" : next() < 0.5 ? "after" : "before";
      const json = side === "end" ? {} : { [side]: made[anchor]?.id };
      const response = await move(user, made[task]?.id ?? "", json);
      expect(response.status, await response.clone().text()).toBe(200);
      model.splice(model.indexOf(task), 1);
      const at = side === "end" ? model.length : model.indexOf(anchor) + (side === "after" ? 1 : 0);
      model.splice(at, 0, task);
    }
    expect(await order(user)).toEqual(model);
  });

  it("survives 100 random moves by two clients at once", async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, "0")}`);
    const { user, made } = await seeded(titles);
    const ids = titles.map((t) => made[t]?.id ?? "");
    const titleOf = new Map(titles.map((t) => [made[t]?.id ?? "", t]));
    interface Done {
      task: string;
      /** The moved task as the move answered it. */
      answer: Task;
      anchor: string | null;
      side: "after" | "before" | "end";
      started: number;
      finished: number;
    }
    const acknowledged: Done[] = [];
    let clock = 0;
    async function client(seed: number, moves: number) {
      const next = random(seed);
      for (let i = 0; i < moves; i++) {
        const task = ids[Math.floor(next() * ids.length)] ?? "";
        let anchor: string | null = ids[Math.floor(next() * ids.length)] ?? "";
        if (anchor === task) anchor = null;
        const side = anchor === null ? "end" : next() < 0.5 ? "after" : "before";
        const started = clock++;
        const response = await move(user, task, anchor === null ? {} : { [side]: anchor });
        expect(response.status, await response.clone().text()).toBe(200);
        const answer = taskSchema.parse(await response.json());
        acknowledged.push({ task, answer, anchor, side, started, finished: clock++ });
      }
    }
    await Promise.all([client(7, 50), client(11, 50)]);
    expect(acknowledged).toHaveLength(100);

    const final = await order(user);
    expect([...final].sort()).toEqual(titles);
    // Every task stands where its last acknowledged move (the newest version) put it: no move
    // was lost or undone by another, and the list is ordered by those positions.
    const lastAnswer = new Map<string, Task>();
    for (const { answer } of acknowledged) {
      const seen = lastAnswer.get(answer.id);
      if (!seen || Date.parse(answer.updatedAt) > Date.parse(seen.updatedAt)) {
        lastAnswer.set(answer.id, answer);
      }
    }
    const expected = titles
      .map((title) => {
        const id = made[title]?.id ?? "";
        return { title, id, position: lastAnswer.get(id)?.position ?? made[title]?.position ?? "" };
      })
      .sort((a, b) => compareDecimal(a.position, b.position) || (a.id < b.id ? -1 : 1))
      .map((t) => t.title);
    expect(final).toEqual(expected);
    const place = new Map(final.map((title, i) => [title, i]));
    // A move holds unless a move that ended after it began touched one of its two tasks.
    let checked = 0;
    for (const m of acknowledged) {
      const involved = new Set([m.task, m.anchor ?? ""]);
      const disturbed = acknowledged.some(
        (o) =>
          o !== m &&
          o.finished > m.started &&
          (involved.has(o.task) || (m.side === "end" && o.side === "end")),
      );
      if (disturbed) continue;
      const at = place.get(titleOf.get(m.task) ?? "") ?? -1;
      if (m.side === "end") {
        // Nothing moved to the end after it, so the task is still below every untouched task.
        expect(at).toBeGreaterThanOrEqual(0);
      } else {
        const anchorAt = place.get(titleOf.get(m.anchor ?? "") ?? "") ?? -1;
        if (m.side === "after") expect(at).toBeGreaterThan(anchorAt);
        else expect(at).toBeLessThan(anchorAt);
      }
      checked++;
    }
    // Some moves were left alone long enough to be checked.
    expect(checked).toBeGreaterThan(0);
  });
});
