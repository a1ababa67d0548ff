/**
 * The task list reads its page from the driver's own rows (db/queries/row-decoder.ts), not
 * through Drizzle's mapping. Its answer must be the one Drizzle's mapping gives, field for
 * field and type for type, on each driver that reads it so: PGlite and node-postgres (neon-http
 * reads the list in one batch, through Drizzle).
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { pgErrorCode } from "@/db/errors";
import { preparedRows, rowDecoder } from "@/db/queries/row-decoder";
import { pageStatement, readTaskList } from "@/db/queries/task-list";
import { type Bind, type ListOptions, listValues, shapeOf } from "@/db/queries/task-list-shape";
import { projects, tasks, user } from "@/db/schema";
import { SORT_KEYS, SORT_ORDERS } from "@/lib/tasks/model";
import { openTestDatabase, testDrivers } from "../support/databases";

const drivers = testDrivers().filter((driver) => driver !== "neon-http");

describe.each(drivers)("the list's page on %s", (driver) => {
  let handle: DbHandle;
  const userId = `user-${randomUUID()}`;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    const { db } = handle;
    await db.insert(user).values({ id: userId, name: "Ada", email: `${userId}@example.com` });
    const [project] = await db
      .insert(projects)
      .values({ userId, name: "Home" })
      .returning({ id: projects.id });
    const [parent] = await db
      .insert(tasks)
      .values({ userId, title: "Parent" })
      .returning({ id: tasks.id });
    const at = (iso: string) => new Date(iso);
    await db.insert(tasks).values([
      {
        // Every nullable field set, timestamps with microseconds PostgreSQL keeps in full.
        userId,
        title: "Every field",
        description: "with a description",
        completed: true,
        completedAt: at("2026-03-04T05:06:07.891Z"),
        priority: "high",
        dueAt: at("2026-12-31T23:59:59.999Z"),
        tags: ["home", "ünïcode"],
        repeatRule: "FREQ=WEEKLY;BYDAY=MO",
        repeatFrom: "due",
        reminders: [{ minutesBefore: 30 }, { at: "2026-12-31T20:00:00.000Z" }],
        nextReminderAt: at("2026-12-31T23:29:59.999Z"),
        remindedThrough: at("2026-12-01T00:00:00.000Z"),
        snoozedUntil: at("2026-12-02T00:00:00.000Z"),
        reminderLeaseUntil: at("2026-12-03T00:00:00.000Z"),
        nextOccurrenceId: randomUUID(),
        projectId: project?.id,
        parentId: parent?.id,
        position: "12.5",
        importKey: "import-1",
      },
      { userId, title: "Nothing else", position: "3" },
    ]);
    await db.insert(tasks).values([
      { userId, title: "Subtask done", parentId: parent?.id, completed: true },
      { userId, title: "Subtask open", parentId: parent?.id },
    ]);
  });
  afterAll(() => handle?.close());

  it.each(SORT_KEYS.flatMap((sort) => SORT_ORDERS.map((order) => [sort, order] as const)))(
    "reads what Drizzle's mapping reads, sorted by %s %s",
    async (sort, order) => {
      const options: ListOptions = { sort, order, status: "all", limit: 3 };
      const { page } = await readTaskList(handle, userId, options);
      // The same statement with its values, read through Drizzle's own row mapping.
      const values = listValues(userId, options);
      const direct: Bind = (name) => sql.param(values[name]);
      const mapped = await pageStatement(handle.db, shapeOf(options), direct, values.limit);
      // Six tasks: a page of three and one more.
      expect(mapped).toHaveLength(4);
      expect(page.tasks).toEqual(mapped.slice(0, 3));
      for (const [index, task] of page.tasks.entries()) {
        const expected = mapped[index] as Record<string, unknown>;
        for (const [key, value] of Object.entries(task)) {
          // toEqual does not tell a Date from an ISO string, nor 1 from "1": the types must match.
          expect(Object.prototype.toString.call(value), key).toBe(
            Object.prototype.toString.call(expected[key]),
          );
        }
        expect(Object.keys(task).sort()).toEqual(Object.keys(expected).sort());
      }
      expect(page.next?.value).toBe(mapped[2]?.sortValue);
    },
  );

  it("finds the row with every field set", async () => {
    const { page } = await readTaskList(handle, userId, { sort: "title", order: "asc", limit: 10 });
    const full = page.tasks.find((task) => task.title === "Every field");
    expect(full).toMatchObject({
      completedAt: new Date("2026-03-04T05:06:07.891Z"),
      dueAt: new Date("2026-12-31T23:59:59.999Z"),
      tags: ["home", "ünïcode"],
      reminders: [{ minutesBefore: 30 }, { at: "2026-12-31T20:00:00.000Z" }],
      position: "12.5",
      subtasksTotal: 0,
    });
    const parent = page.tasks.find((task) => task.title === "Parent");
    expect(parent).toMatchObject({ subtasksTotal: 3, subtasksDone: 2, description: null });
  });
  it("runs a prepared read with its values; a value PostgreSQL refuses keeps its SQLSTATE", async () => {
    const { db } = handle;
    const byUser = db
      .select({ id: tasks.id })
      .from(tasks)
      .where(eq(tasks.userId, sql.placeholder("userId")))
      .prepare("");
    // node-postgres's reads go to the pool without all() (and its async wrappers): prove it.
    if (driver === "node-postgres") {
      Object.assign(byUser, {
        all: () => Promise.reject(new Error("all() was called")),
      });
    }
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    const direct = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.userId, userId));
    expect(direct).toHaveLength(5);
    expect(ids(await preparedRows(byUser, { id: tasks.id })({ userId }))).toEqual(ids(direct));
    const byId = preparedRows(
      db
        .select({ id: tasks.id })
        .from(tasks)
        .where(eq(tasks.id, sql.placeholder("id")))
        .prepare(""),
      { id: tasks.id },
    );
    // 22P02: not a uuid. db/errors.ts must read it whether Drizzle wrapped it or not.
    const refused = await byId({ id: "not-a-uuid" }).catch((error: unknown) => error);
    expect(pgErrorCode(refused)).toBe("22P02");
  });
});

describe("rowDecoder", () => {
  it("refuses an expression without a column name, and two fields of one name", () => {
    expect(() => rowDecoder({ id: tasks.id, count: sql<number>`count(*)` as never })).toThrow(
      /neither a column nor an aliased expression/,
    );
    expect(() => rowDecoder({ id: tasks.id, again: sql`1`.as("id") })).toThrow(/same column name/);
  });

  it("decodes through an expression's mapWith, and keeps null", () => {
    const decode = rowDecoder({
      doubled: sql<number>`2`.mapWith((value) => Number(value) * 2).as("doubled"),
      dueAt: tasks.dueAt,
    });
    expect(decode({ doubled: "21", due_at: null })).toEqual({ doubled: 42, dueAt: null });
  });
});
