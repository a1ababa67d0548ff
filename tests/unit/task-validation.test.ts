/** The shared task schemas, list cursors and If-Match parsing: pure logic, no database. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { taskPriority } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/server/tasks/cursor";
import { parseIfMatch, taskEtag } from "@/lib/tasks/etag";
import { TASK_PRIORITIES } from "@/lib/tasks/model";
import {
  bulkBodySchema,
  completeBodySchema,
  listQuerySchema,
  taskInputSchema,
} from "@/lib/validation/tasks";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("taskInputSchema", () => {
  it("trims and defaults", () => {
    expect(taskInputSchema.parse({ title: "  Buy milk \n" })).toEqual({
      title: "Buy milk",
      description: null,
      priority: "none",
      dueAt: null,
      tags: [],
      repeat: null,
      reminders: [],
    });
  });

  it("has friendly title messages", () => {
    expect(messages(taskInputSchema.safeParse({}))).toEqual(["Title is required"]);
    expect(messages(taskInputSchema.safeParse({ title: "   " }))).toEqual(["Title is required"]);
    expect(messages(taskInputSchema.safeParse({ title: "x".repeat(201) }))).toEqual([
      "Title must be at most 200 characters",
    ]);
    expect(taskInputSchema.safeParse({ title: ` ${"x".repeat(200)} ` }).success).toBe(true);
  });

  it("normalises tags: trimmed, lower-cased, de-duplicated, at most 10 of 1-32 characters", () => {
    expect(taskInputSchema.parse({ title: "t", tags: [" Home", "home ", "WORK"] }).tags).toEqual([
      "home",
      "work",
    ]);
    expect(taskInputSchema.safeParse({ title: "t", tags: [" "] }).success).toBe(false);
    expect(taskInputSchema.safeParse({ title: "t", tags: ["x".repeat(33)] }).success).toBe(false);
    expect(
      taskInputSchema.safeParse({ title: "t", tags: Array.from({ length: 11 }, (_, i) => `${i}`) })
        .success,
    ).toBe(false);
  });

  it("takes dueAt with an offset and stores it in UTC; refuses dates without one", () => {
    expect(taskInputSchema.parse({ title: "t", dueAt: "2030-01-31T17:00:00+02:00" }).dueAt).toBe(
      "2030-01-31T15:00:00.000Z",
    );
    for (const dueAt of ["2030-01-31", "2030-01-31T17:00:00", "2030-02-30T00:00:00Z", "soon"]) {
      expect(taskInputSchema.safeParse({ title: "t", dueAt }).success, dueAt).toBe(false);
    }
    // Postgres has no year 0; far-out years stay refused too.
    expect(taskInputSchema.safeParse({ title: "t", dueAt: "0000-01-01T00:00:00Z" }).success).toBe(
      false,
    );
  });

  it("maps an empty description to null and caps it at 2000", () => {
    expect(taskInputSchema.parse({ title: "t", description: "  " }).description).toBeNull();
    expect(taskInputSchema.safeParse({ title: "t", description: "d".repeat(2001) }).success).toBe(
      false,
    );
  });

  it("refuses text Postgres cannot store or that is not Unicode", () => {
    for (const bad of ["a\u0000b", "a\ud800b", "\udc00"]) {
      expect(taskInputSchema.safeParse({ title: bad }).success).toBe(false);
      expect(taskInputSchema.safeParse({ title: "t", description: bad }).success).toBe(false);
      expect(taskInputSchema.safeParse({ title: "t", tags: [bad] }).success).toBe(false);
    }
    expect(taskInputSchema.parse({ title: "𝄞 ok" }).title).toBe("𝄞 ok");
  });

  it("refuses unknown fields by name, including ones a client must not set", () => {
    const result = taskInputSchema.safeParse({ title: "t", userId: "u", id: "i", createdAt: "c" });
    expect(messages(result)).toEqual(["Unknown fields: userId, id, createdAt"]);
  });

  it("uses the database's priorities", () => {
    expect([...TASK_PRIORITIES]).toEqual([...taskPriority.enumValues]);
  });
});

describe("other bodies and the list query", () => {
  it("completeBodySchema takes exactly {completed: boolean}", () => {
    expect(completeBodySchema.safeParse({ completed: true }).success).toBe(true);
    expect(completeBodySchema.safeParse({}).success).toBe(false);
    expect(completeBodySchema.safeParse({ completed: "true" }).success).toBe(false);
    expect(completeBodySchema.safeParse({ completed: true, x: 1 }).success).toBe(false);
  });

  it("bulkBodySchema takes 1 to 500 uuids and a known action", () => {
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    expect(bulkBodySchema.safeParse({ action: "delete", ids: ids(500) }).success).toBe(true);
    expect(bulkBodySchema.safeParse({ action: "delete", ids: ids(501) }).success).toBe(false);
    expect(bulkBodySchema.safeParse({ action: "delete", ids: [] }).success).toBe(false);
    expect(bulkBodySchema.safeParse({ action: "archive", ids: ids(1) }).success).toBe(false);
  });

  it("listQuerySchema applies defaults and limits", () => {
    expect(listQuerySchema.parse({})).toEqual({
      status: "all",
      sort: "created",
      limit: 50,
      utcOffset: 0,
    });
    expect(listQuerySchema.parse({ limit: "100", tag: " Home " })).toMatchObject({
      limit: 100,
      tag: "home",
    });
    for (const limit of ["0", "101", "1.5", "x"]) {
      expect(listQuerySchema.safeParse({ limit }).success, limit).toBe(false);
    }
    expect(listQuerySchema.safeParse({ offset: "1" }).success).toBe(false);
  });
});

describe("list cursors", () => {
  const id = randomUUID();

  it("round-trip and are opaque base64url", () => {
    for (const position of [
      { sort: "created", order: "desc", value: "2030-01-31T17:00:00.123456Z", id },
      { sort: "due", order: "asc", value: null, id },
      { sort: "priority", order: "desc", value: "high", id },
      { sort: "title", order: "asc", value: "o'brien % _ \\ 𝄞", id },
    ] as const) {
      const cursor = encodeCursor(position);
      expect(cursor).toMatch(/^[\w-]+$/);
      expect(decodeCursor(cursor, position.sort, position.order)).toEqual(position);
    }
  });

  it("refuse another sort or order, and anything not made by encodeCursor", () => {
    const cursor = encodeCursor({
      sort: "created",
      order: "desc",
      value: "2030-01-31T17:00:00.000000Z",
      id,
    });
    expect(decodeCursor(cursor, "created", "asc")).toBe("mismatch");
    expect(decodeCursor(cursor, "title", "desc")).toBe("mismatch");
    const forge = (tuple: unknown) => Buffer.from(JSON.stringify(tuple)).toString("base64url");
    for (const bad of [
      "!!!",
      "e30",
      cursor.slice(0, -4),
      forge([1, "created", "desc", "2030-02-30T00:00:00.000000Z", id]),
      forge([1, "created", "desc", "0000-01-01T00:00:00.000000Z", id]),
      forge([1, "created", "desc", "yesterday", id]),
      forge([1, "created", "desc", null, id]),
      forge([1, "priority", "desc", "urgent", id]),
      forge([1, "title", "asc", "a\u0000b", id]),
      forge([1, "created", "desc", "2030-01-31T17:00:00.000000Z", "not-a-uuid"]),
      forge([2, "created", "desc", "2030-01-31T17:00:00.000000Z", id]),
    ]) {
      expect(decodeCursor(bad, "created", "desc"), bad).toBe("malformed");
    }
  });
});

describe("ETags", () => {
  it("are the updatedAt in milliseconds, and If-Match reads them back", () => {
    const updatedAt = "2030-01-31T17:00:00.123Z";
    const etag = taskEtag(updatedAt);
    expect(etag).toBe(`"${Date.parse(updatedAt)}"`);
    expect(parseIfMatch(etag)).toEqual([new Date(updatedAt)]);
    expect(parseIfMatch(`W/${etag}, "5"`)).toEqual([new Date(updatedAt), new Date(5)]);
    expect(parseIfMatch("*")).toBeUndefined();
    expect(parseIfMatch(null)).toBeUndefined();
    expect(parseIfMatch('"abc"')).toEqual([]);
    expect(parseIfMatch('"99999999999999999"')).toEqual([]);
  });
});
