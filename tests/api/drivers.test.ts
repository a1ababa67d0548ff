/**
 * The data layer behaves the same on every driver: PGlite always, node-postgres and neon-http
 * (through the local Neon HTTP endpoint) when TEST_DATABASE_URL is set.
 */
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { isDatabaseUnavailable, pgErrorCode } from "@/db/errors";
import { tasks, user } from "@/db/schema";
import { openTestDatabase, testDrivers } from "../support/databases";

/** Catches the rejection of a query so its error can be inspected. */
async function failure(query: PromiseLike<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What each driver read back in the round-trip test, compared across drivers at the end. */
const roundTrips = new Map<string, string>();

describe.each(testDrivers())("driver %s", (driver) => {
  let handle: DbHandle;
  const userId = `user-${randomUUID()}`;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    await handle.db
      .insert(user)
      .values({ id: userId, name: "Ada", email: `${userId}@example.com` });
  });
  afterAll(() => handle?.close());

  it("reports which driver it is", () => {
    expect(handle.driver).toBe(driver);
  });

  it("inserts, selects, updates with returning, and deletes", async () => {
    const [created] = await handle.db
      .insert(tasks)
      .values({ userId, title: "Write the driver suite" })
      .returning();
    expect(created).toMatchObject({
      userId,
      title: "Write the driver suite",
      description: null,
      completed: false,
      completedAt: null,
      priority: "none",
      dueAt: null,
      tags: [],
    });
    expect(created?.id).toMatch(UUID);
    expect(created?.createdAt).toBeInstanceOf(Date);
    const id = created?.id ?? "";

    const selected = await handle.db.select().from(tasks).where(eq(tasks.id, id));
    expect(selected).toEqual([created]);

    const completedAt = new Date("2025-03-04T05:06:07.891Z");
    const [updated] = await handle.db
      .update(tasks)
      .set({ completed: true, completedAt, title: "Driver suite written" })
      .where(eq(tasks.id, id))
      .returning({ id: tasks.id, completed: tasks.completed, completedAt: tasks.completedAt });
    expect(updated).toEqual({ id, completed: true, completedAt });

    const missing = await handle.db
      .update(tasks)
      .set({ completed: false })
      .where(eq(tasks.id, randomUUID()))
      .returning();
    expect(missing).toEqual([]);

    const deleted = await handle.db
      .delete(tasks)
      .where(eq(tasks.id, id))
      .returning({ id: tasks.id });
    expect(deleted).toEqual([{ id }]);
    expect(await handle.db.select().from(tasks).where(eq(tasks.id, id))).toEqual([]);
  });

  it("surfaces a foreign-key violation with its Postgres code, not as an outage", async () => {
    const error = await failure(
      handle.db.insert(tasks).values({ userId: "no-such-user", title: "Orphan" }),
    );
    expect(pgErrorCode(error)).toBe("23503");
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("23503");
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("surfaces unique, check and enum violations with their codes", async () => {
    const duplicate = await failure(
      handle.db
        .insert(user)
        .values({ id: randomUUID(), name: "Twin", email: `${userId}@example.com` }),
    );
    expect(pgErrorCode(duplicate)).toBe("23505");

    const tooLong = await failure(
      handle.db.insert(tasks).values({ userId, title: "x".repeat(201) }),
    );
    expect(pgErrorCode(tooLong)).toBe("23514");

    const badEnum = await failure(
      handle.db.insert(tasks).values({ userId, title: "Odd", priority: "urgent" as "high" }),
    );
    expect(pgErrorCode(badEnum)).toBe("22P02");
    expect(isDatabaseUnavailable(badEnum)).toBe(false);
  });

  it("commits a batch as a whole", async () => {
    const results = await handle.batch((db) => [
      db.insert(tasks).values({ userId, title: "Batch one" }).returning({ title: tasks.title }),
      db.insert(tasks).values({ userId, title: "Batch two" }).returning({ title: tasks.title }),
    ]);
    expect(results).toEqual([[{ title: "Batch one" }], [{ title: "Batch two" }]]);
    const titles = await handle.db
      .select({ title: tasks.title })
      .from(tasks)
      .where(eq(tasks.userId, userId))
      .orderBy(asc(tasks.title));
    expect(titles.map((t) => t.title)).toEqual(expect.arrayContaining(["Batch one", "Batch two"]));
  });

  it("rolls a batch back as a whole when a later statement fails", async () => {
    const title = `Never persisted ${randomUUID()}`;
    const error = await failure(
      handle.batch((db) => [
        db.insert(tasks).values({ userId, title }),
        db.insert(tasks).values({ userId: "no-such-user", title: "Orphan" }),
      ]),
    );
    expect(pgErrorCode(error)).toBe("23503");
    expect(await handle.db.select().from(tasks).where(eq(tasks.title, title))).toEqual([]);
  });

  it("round-trips timestamptz, text[], enum and uuid values exactly", async () => {
    const id = randomUUID();
    const dueAt = new Date("2024-02-29T23:59:58.123Z");
    const tags = [
      "plain",
      "with space",
      "com,ma",
      'quo"te',
      "back\\slash",
      "{brace}",
      "NULL",
      "",
      "ünïcödé ✓",
    ];
    await handle.db.insert(tasks).values({
      id,
      userId,
      title: "Round trip",
      description: "line one\nline two\ttab 'quoted'",
      priority: "high",
      dueAt,
      tags,
    });
    const [row] = await handle.db.select().from(tasks).where(eq(tasks.id, id));
    const read = {
      id: row?.id,
      description: row?.description,
      priority: row?.priority,
      dueAt: row?.dueAt?.toISOString(),
      tags: row?.tags,
      createdAtIsDate: row?.createdAt instanceof Date,
    };
    expect(read).toEqual({
      id,
      description: "line one\nline two\ttab 'quoted'",
      priority: "high",
      dueAt: "2024-02-29T23:59:58.123Z",
      tags,
      createdAtIsDate: true,
    });
    roundTrips.set(driver, JSON.stringify({ ...read, id: "<uuid>" }));
  });

  it("deletes a user's tasks with the user (on delete cascade)", async () => {
    const otherId = `user-${randomUUID()}`;
    await handle.db
      .insert(user)
      .values({ id: otherId, name: "Bo", email: `${otherId}@example.com` });
    await handle.db.insert(tasks).values({ userId: otherId, title: "Goes with Bo" });
    await handle.db.delete(user).where(eq(user.id, otherId));
    expect(await handle.db.select().from(tasks).where(eq(tasks.userId, otherId))).toEqual([]);
  });
});

describe("across drivers", () => {
  it("every driver read back the same values", () => {
    const seen = new Set(roundTrips.values());
    expect(roundTrips.size).toBe(testDrivers().length);
    expect(seen.size).toBe(1);
  });
});
