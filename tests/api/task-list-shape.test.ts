/**
 * The list's prepared statements (db/queries/task-list.ts) are kept per shape: a statement
 * prepared for one request is run with the values of every later request of the same shape.
 * That is right only if the SQL depends on the shape alone and every value reaches it as a
 * parameter. These tests build the statements both ways, for many requests, and compare.
 */
import { randomUUID } from "node:crypto";
import { fillPlaceholders, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { countsStatement, pageStatement } from "@/db/queries/task-list";
import {
  type Bind,
  type ListOptions,
  type ListShape,
  listValues,
  shapeKey,
  shapeOf,
} from "@/db/queries/task-list-shape";
import {
  DUE_FILTERS,
  SORT_KEYS,
  SORT_ORDERS,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from "@/lib/tasks/model";
import { openTestDatabase } from "../support/databases";

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

/**
 * A request's list options: which fields are set (and so the shape) follows `seed`, the values
 * follow `variant`, so requests of one seed share a shape and differ in every value.
 */
function optionsFor(seed: number, variant: number): ListOptions {
  const bit = (n: number) => Math.floor(seed / 2 ** n) % 2 === 1;
  const id = () => randomUUID();
  const afterValue = bit(9) ? null : pick(["2026-01-02T03:04:05.123456Z", "high", "0.5"], variant);
  return {
    sort: pick(SORT_KEYS, seed),
    order: pick(SORT_ORDERS, seed >> 3),
    status: pick(TASK_STATUSES, seed >> 1),
    project: pick([undefined, "inbox", id()], seed >> 2),
    parent: pick([undefined, "none", id()], seed >> 4),
    q: bit(5) ? `${variant}% of_${variant}` : undefined,
    priority: bit(6) ? pick(TASK_PRIORITIES, variant) : undefined,
    tag: bit(7) ? `tag-${variant}` : undefined,
    due: pick([undefined, ...DUE_FILTERS], seed >> 5),
    utcOffset: (variant % 25) * 60 - 720,
    timeZone: pick(["Europe/Berlin", "America/New_York", "Asia/Kolkata"], variant),
    limit: 1 + (variant % 100),
    after: bit(8) ? { sort: "created", order: "desc", value: afterValue, id: id() } : undefined,
    now: new Date(Date.UTC(2026, variant % 12, 1 + (variant % 28), variant % 24)),
  };
}

describe("list statements per shape", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase("pglite");
  });
  afterAll(() => handle?.close());

  it("gives every shape its own key", () => {
    const keys = new Set<string>();
    let shapes = 0;
    for (const sort of SORT_KEYS)
      for (const order of SORT_ORDERS)
        for (const status of TASK_STATUSES)
          for (const project of ["every", "inbox", "named"] as const)
            for (const parent of ["any", "top", "named"] as const)
              for (const flags of [0, 1, 2, 3, 4, 5, 6, 7])
                for (const due of ["any", ...DUE_FILTERS] as const)
                  for (const after of ["start", "null", "value"] as const) {
                    const shape: ListShape = {
                      sort,
                      order,
                      status,
                      project,
                      parent,
                      q: (flags & 1) > 0,
                      priority: (flags & 2) > 0,
                      tag: (flags & 4) > 0,
                      due,
                      after,
                    };
                    keys.add(shapeKey(shape));
                    shapes += 1;
                  }
    expect(keys.size).toBe(shapes);
  });

  it("prepares SQL that, filled with a request's values, is the statement built for it", () => {
    const prepared = new Map<
      string,
      { page: ReturnType<typeof build>; counts: ReturnType<typeof build> }
    >();
    const build = (statement: { toSQL(): { sql: string; params: unknown[] } }) => statement.toSQL();
    let reused = 0;
    for (let n = 0; n < 3000; n++) {
      const options = optionsFor(n % 1000, n);
      const shape = shapeOf(options);
      const values = listValues("user-1", options);
      const key = shapeKey(shape);
      let statements = prepared.get(key);
      if (statements) reused += 1;
      else {
        statements = {
          page: build(pageStatement(handle.db, shape, sql.placeholder, sql.placeholder("limit"))),
          counts: build(countsStatement(handle.db, shape, sql.placeholder)),
        };
        prepared.set(key, statements);
      }
      const direct: Bind = (name) => sql.param(values[name]);
      const page = build(pageStatement(handle.db, shape, direct, values.limit));
      const counts = build(countsStatement(handle.db, shape, direct));
      expect(statements.page.sql).toBe(page.sql);
      expect(fillPlaceholders(statements.page.params, values)).toEqual(page.params);
      expect(statements.counts.sql).toBe(counts.sql);
      expect(fillPlaceholders(statements.counts.params, values)).toEqual(counts.params);
      // Every value is a parameter, never text in the SQL.
      for (const value of [values.userId, values.project, values.parent, values.tag]) {
        if (value) expect(page.sql).not.toContain(value);
      }
    }
    // Each seed came three times: its statements were run with two other requests' values.
    expect(reused).toBeGreaterThanOrEqual(2000);
  });
});
