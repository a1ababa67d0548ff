/** Column helpers shared by the schema's tables (db/schema.ts gathers the tables). */
import { sql } from "drizzle-orm";
import { timestamp } from "drizzle-orm/pg-core";

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** A number as an SQL literal, for constraints (DDL takes no parameters). */
export const limit = (n: number) => sql.raw(String(Math.trunc(n)));
