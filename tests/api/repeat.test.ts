/**
 * Repeating tasks through the real route handlers, on every driver (issue 12): the repeat is
 * validated and normalised in the user's zone; completing an occurrence leaves exactly one open
 * task with the next date, carrying its fields and reminders, also under 40 parallel completes;
 * reopening takes the new occurrence back; skip, stop and bulk complete; another user's tasks
 * are never touched.
 */
import { and, eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { tasks } from "@/db/schema";
import type { Task } from "@/lib/tasks/model";
import { completeResultSchema, taskSchema } from "@/lib/validation/task-responses";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { authRequest } from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, readError, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3310", dataDir: "/tmp/doable-repeat" });

/** An instant from a local wall time in a zone, e.g. at("2027-03-13T09:00", "America/New_York"). */
const at = (local: string, zone: string) =>
  new Date(
    Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds,
  ).toISOString();

async function setZone(user: TestUser, timeZone: string) {
  const response = await authRequest("POST", "/update-user", { jar: user.jar, body: { timeZone } });
  expect(response.status, await response.clone().text()).toBe(200);
}

describe.each(testDrivers())("repeating tasks on %s", (driver) => {
  let handle: DbHandle;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    [alice, bob] = await Promise.all([createTestUser(), createTestUser()]);
    await setZone(alice, "Europe/Berlin");
  });
  afterAll(() => handle?.close());

  async function create(user: TestUser, json: Record<string, unknown>): Promise<Task> {
    const response = await callApi("POST", tasksPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }
  async function complete(user: TestUser, id: string, completed?: boolean) {
    return callApi("PATCH", tasksPath(user.userId, id, "complete"), {
      token: user.token,
      ...(completed === undefined ? {} : { json: { completed } }),
    });
  }
  async function openWithTitle(user: TestUser, title: string) {
    return handle.db
      .select()
      .from(tasks)
      .where(
        and(eq(tasks.userId, user.userId), eq(tasks.title, title), eq(tasks.completed, false)),
      );
  }

  describe("validation", () => {
    const refused = async (json: Record<string, unknown>, path: string, message: RegExp) => {
      const response = await callApi("POST", tasksPath(alice.userId), { token: alice.token, json });
      expect(response.status).toBe(400);
      const error = await readError(response);
      expect(error.code).toBe("validation_failed");
      expect(error.details?.[0]?.path).toBe(path);
      expect(error.message).toMatch(message);
    };
    const due = at("2027-05-03T09:00", "Europe/Berlin"); // a Monday

    it("refuses unsupported, malformed and never-repeating rules, and a repeat without a due date", async () => {
      await refused(
        { title: "x", repeat: { rule: "FREQ=DAILY", from: "due" } },
        "dueAt",
        /due date/,
      );
      await refused(
        { title: "x", dueAt: due, repeat: { rule: "FREQ=HOURLY", from: "due" } },
        "repeat.rule",
        /HOURLY/,
      );
      await refused(
        { title: "x", dueAt: due, repeat: { rule: "FREQ=DAILY;BYHOUR=9", from: "due" } },
        "repeat.rule",
        /BYHOUR/,
      );
      await refused(
        { title: "x", dueAt: due, repeat: { rule: "FREQ=DAILY;COUNT=1", from: "due" } },
        "repeat.rule",
        /never repeats/,
      );
      await refused(
        { title: "x", dueAt: due, repeat: { rule: "every monday", from: "due" } },
        "repeat.rule",
        /RRULE/,
      );
      await refused(
        { title: "x", dueAt: due, repeat: { rule: "FREQ=DAILY", from: "later" } },
        "repeat.from",
        /from/,
      );
      await refused(
        { title: "x", repeat: null, reminders: [{ minutesBefore: 5 }] },
        "reminders",
        /due date/,
      );
      await refused(
        {
          title: "x",
          dueAt: due,
          reminders: Array.from({ length: 6 }, (_, i) => ({ minutesBefore: i })),
        },
        "reminders",
        /At most 5/,
      );
      expect(await openWithTitle(alice, "x")).toEqual([]);
    });

    it("stores the rule with its day named, in the user's zone", async () => {
      const weekly = await create(alice, {
        title: "Weekly review",
        dueAt: due,
        repeat: { rule: "freq=weekly", from: "due" },
      });
      expect(weekly.repeat).toEqual({ rule: "FREQ=WEEKLY;BYDAY=MO", from: "due" });
      const monthly = await create(alice, {
        title: "Rent",
        dueAt: at("2027-01-31T08:00", "Europe/Berlin"),
        repeat: { rule: "FREQ=MONTHLY", from: "due" },
      });
      expect(monthly.repeat?.rule).toBe("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
    });
  });

  it("completing an occurrence leaves one open task on the next date, carrying fields and reminders", async () => {
    const due = at("2027-03-13T09:00", "America/New_York");
    await setZone(alice, "America/New_York");
    const first = await create(alice, {
      title: "Stand-up",
      description: "Notes in the wiki",
      priority: "high",
      tags: ["work"],
      dueAt: due,
      repeat: { rule: "FREQ=DAILY", from: "due" },
      reminders: [{ minutesBefore: 15 }, { at: at("2027-03-13T08:00", "America/New_York") }],
    });
    const response = await complete(alice, first.id);
    expect(response.status).toBe(200);
    const result = completeResultSchema.parse(await response.json());
    expect(result.completed).toBe(true);
    const next = result.nextOccurrence;
    if (!next) throw new Error("no next occurrence");
    expect(result.nextOccurrenceId).toBe(next.id);
    // Across the spring-forward night the wall time stays 09:00.
    expect(next.dueAt).toBe(at("2027-03-14T09:00", "America/New_York"));
    expect(next).toMatchObject({
      title: "Stand-up",
      description: "Notes in the wiki",
      priority: "high",
      tags: ["work"],
      completed: false,
      repeat: { rule: "FREQ=DAILY", from: "due" },
      reminders: [{ minutesBefore: 15 }, { at: at("2027-03-14T08:00", "America/New_York") }],
    });
    expect(next.nextReminderAt).toBe(at("2027-03-14T08:00", "America/New_York"));
    expect(await openWithTitle(alice, "Stand-up")).toHaveLength(1);
    await setZone(alice, "Europe/Berlin");
  });

  it("keeps a date-only task date-only, and a monthly 31st on the last day of February", async () => {
    const lastDay = await create(alice, {
      title: "Invoice",
      dueAt: at("2027-01-31T23:59:59.999", "Europe/Berlin"),
      repeat: { rule: "FREQ=MONTHLY", from: "due" },
    });
    const result = completeResultSchema.parse(await (await complete(alice, lastDay.id)).json());
    expect(result.nextOccurrence?.dueAt).toBe(at("2027-02-28T23:59:59.999", "Europe/Berlin"));
  });

  it("40 parallel completes of one occurrence create exactly one next occurrence", async () => {
    const task = await create(alice, {
      title: "Water the plants",
      dueAt: at("2027-06-01T18:00", "Europe/Berlin"),
      repeat: { rule: "FREQ=WEEKLY", from: "due" },
    });
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => complete(alice, task.id, true)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));
    const bodies = await Promise.all(
      answers.map((r) => r.json() as Promise<{ nextOccurrence: unknown }>),
    );
    expect(bodies.filter((b) => b.nextOccurrence !== null)).toHaveLength(1);
    const open = await openWithTitle(alice, "Water the plants");
    expect(open).toHaveLength(1);
    expect(open[0]?.dueAt?.toISOString()).toBe(at("2027-06-08T18:00", "Europe/Berlin"));
  });

  it("reopening takes the untouched next occurrence back, and keeps one that was edited", async () => {
    const task = await create(alice, {
      title: "Gym",
      dueAt: at("2027-07-05T07:00", "Europe/Berlin"),
      repeat: { rule: "FREQ=DAILY", from: "due" },
    });
    await complete(alice, task.id);
    const reopened = await complete(alice, task.id, false);
    expect(reopened.status).toBe(200);
    const body = taskSchema.parse(await reopened.json());
    expect(body).toMatchObject({ completed: false, nextOccurrenceId: null });
    expect((await openWithTitle(alice, "Gym")).map((t) => t.id)).toEqual([task.id]);

    // Completed again, and the next occurrence edited: reopening keeps that one.
    const again = completeResultSchema.parse(await (await complete(alice, task.id)).json());
    const next = again.nextOccurrence;
    if (!next) throw new Error("no next occurrence");
    const edit = await callApi("PUT", tasksPath(alice.userId, next.id), {
      token: alice.token,
      json: { title: "Gym", description: "legs", dueAt: next.dueAt, repeat: next.repeat },
    });
    expect(edit.status).toBe(200);
    await complete(alice, task.id, false);
    expect((await openWithTitle(alice, "Gym")).map((t) => t.id).sort()).toEqual(
      [task.id, next.id].sort(),
    );
  });

  it("skip moves an occurrence to its next date; the last date and plain tasks cannot skip", async () => {
    const task = await create(alice, {
      title: "Piano",
      dueAt: at("2027-08-02T17:00", "Europe/Berlin"),
      repeat: { rule: "FREQ=WEEKLY;COUNT=2", from: "due" },
    });
    const skip = (id: string) =>
      callApi("POST", tasksPath(alice.userId, id, "skip"), { token: alice.token });
    const skipped = await skip(task.id);
    expect(skipped.status).toBe(200);
    const moved = taskSchema.parse(await skipped.json());
    expect(moved).toMatchObject({ id: task.id, completed: false });
    expect(moved.dueAt).toBe(at("2027-08-09T17:00", "Europe/Berlin"));
    expect(moved.repeat?.rule).toBe("FREQ=WEEKLY;BYDAY=MO;COUNT=1");
    expect((await readError(await skip(task.id))).code).toBe("conflict");
    const plain = await create(alice, { title: "Plain", dueAt: task.dueAt });
    expect((await skip(plain.id)).status).toBe(409);
    expect(await openWithTitle(alice, "Piano")).toHaveLength(1);
  });

  it("a task that stops repeating completes without a next occurrence", async () => {
    const task = await create(alice, {
      title: "Course",
      dueAt: at("2027-09-01T10:00", "Europe/Berlin"),
      repeat: { rule: "FREQ=DAILY", from: "due" },
    });
    const stop = await callApi("PUT", tasksPath(alice.userId, task.id), {
      token: alice.token,
      json: { title: "Course", dueAt: task.dueAt, repeat: null },
    });
    expect(taskSchema.parse(await stop.json()).repeat).toBeNull();
    const done = completeResultSchema.parse(await (await complete(alice, task.id)).json());
    expect(done.nextOccurrence).toBeNull();
    expect(await openWithTitle(alice, "Course")).toEqual([]);
  });

  it("bulk complete creates the next occurrence of each repeating task", async () => {
    const due = at("2027-10-04T12:00", "Europe/Berlin");
    const repeating = await Promise.all(
      ["Bulk A", "Bulk B", "Bulk C"].map((title) =>
        create(alice, { title, dueAt: due, repeat: { rule: "FREQ=DAILY", from: "due" } }),
      ),
    );
    const plain = await create(alice, { title: "Bulk plain" });
    const ids = [...repeating.map((t) => t.id), plain.id];
    const response = await callApi("POST", tasksPath(alice.userId, "bulk"), {
      token: alice.token,
      json: { action: "complete", ids },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { affected: number; ids: string[] };
    expect(body.affected).toBe(4);
    expect(body.ids.sort()).toEqual([...ids].sort());
    for (const title of ["Bulk A", "Bulk B", "Bulk C"]) {
      const open = await openWithTitle(alice, title);
      expect(open).toHaveLength(1);
      expect(open[0]?.dueAt?.toISOString()).toBe(at("2027-10-05T12:00", "Europe/Berlin"));
    }
    expect(await openWithTitle(alice, "Bulk plain")).toEqual([]);
  });

  it("another user can neither complete, skip, snooze nor bulk-change a repeating task", async () => {
    const task = await create(alice, {
      title: "Alice's series",
      dueAt: at("2027-11-01T09:00", "Europe/Berlin"),
      repeat: { rule: "FREQ=DAILY", from: "due" },
      reminders: [{ minutesBefore: 10 }],
    });
    const before = await handle.db.select().from(tasks).where(eq(tasks.userId, alice.userId));
    const asBob = (method: "PATCH" | "POST", path: string, json?: unknown) =>
      callApi(method, path, { token: bob.token, ...(json === undefined ? {} : { json }) });
    expect((await asBob("PATCH", tasksPath(alice.userId, task.id, "complete"))).status).toBe(403);
    expect((await asBob("PATCH", tasksPath(bob.userId, task.id, "complete"))).status).toBe(404);
    expect((await asBob("POST", tasksPath(bob.userId, task.id, "skip"))).status).toBe(404);
    expect(
      (await asBob("POST", tasksPath(bob.userId, task.id, "reminders", "snooze"), {})).status,
    ).toBe(404);
    const bulk = await asBob("POST", tasksPath(bob.userId, "bulk"), {
      action: "complete",
      ids: [task.id],
    });
    expect(await bulk.json()).toEqual({ action: "complete", affected: 0, ids: [] });
    const after = await handle.db.select().from(tasks).where(eq(tasks.userId, alice.userId));
    expect(after).toEqual(before);
  });
});
