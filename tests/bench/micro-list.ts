import { fillPlaceholders, sql } from "drizzle-orm";
import { openDatabase } from "@/db";
import { countsStatement, pageStatement } from "@/db/queries/task-list";
import { type Bind, listValues, shapeOf } from "@/db/queries/task-list-shape";
import { type MicroResult, measure } from "./micro";

/**
 * What the list route's SQL costs before it is sent (db/queries/task-list.ts), for the default
 * list (newest first, 50 a page), one call at a time: rendered by Drizzle from the query
 * builders, as every request did before issue 15 and neon-http still does; and prepared once
 * per shape, where a request only fills the placeholders with its values.
 */
export async function benchListStatements(
  databaseUrl: string,
  iterations: number,
): Promise<MicroResult[]> {
  // Statements are only rendered, never run: the pool opens no connection.
  const handle = await openDatabase({ driver: "node-postgres", url: databaseUrl });
  const { db } = handle;
  try {
    const options = { sort: "created", order: "desc", limit: 50 } as const;
    const shape = shapeOf(options);
    const valuesOf = (i: number) => listValues(`user-${i}`, { ...options, now: new Date() });
    const page = pageStatement(db, shape, sql.placeholder, sql.placeholder("limit")).toSQL();
    const counts = countsStatement(db, shape, sql.placeholder).toSQL();
    const warmup = Math.min(1000, iterations);
    return [
      await measure("list SQL rendered per request (page + counts)", iterations, warmup, (i) => {
        const values = valuesOf(i);
        const value: Bind = (name) => sql.param(values[name]);
        pageStatement(db, shape, value, values.limit).toSQL();
        countsStatement(db, shape, value).toSQL();
        return Promise.resolve();
      }),
      await measure("list SQL prepared per shape (page + counts)", iterations, warmup, (i) => {
        const values = valuesOf(i);
        fillPlaceholders(page.params, values);
        fillPlaceholders(counts.params, values);
        return Promise.resolve();
      }),
    ];
  } finally {
    await handle.close();
  }
}
