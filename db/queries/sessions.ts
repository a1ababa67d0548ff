/** Reads of Better Auth's session table that Doable makes itself (Better Auth writes it). */
import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "@/db";
import { session } from "@/db/schema";

/** Whether the session still exists for this user and has not expired. */
export async function sessionIsLive(
  db: Database,
  sessionId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .select({ id: session.id })
    .from(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId), gt(session.expiresAt, now)))
    .limit(1);
  return rows.length > 0;
}
