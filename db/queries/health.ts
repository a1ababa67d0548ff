/** The database round trip that proves it answers (health checks, outage checks). */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";

export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
