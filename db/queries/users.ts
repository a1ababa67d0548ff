/** Reads of Better Auth's user table that Doable makes itself (Better Auth writes it). */
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { user } from "@/db/schema";

/** Whether the account still exists (a token can outlive it; see lib/server/http/user-route.ts). */
export async function userExists(db: Database, userId: string): Promise<boolean> {
  const rows = await db.select({ id: user.id }).from(user).where(eq(user.id, userId)).limit(1);
  return rows.length > 0;
}

export interface UserSettings {
  timeZone: string;
  emailReminders: boolean;
}

/** The user's planner settings, or null for a deleted account. */
export async function userSettings(db: Database, userId: string): Promise<UserSettings | null> {
  const [row] = await db
    .select({ timeZone: user.timeZone, emailReminders: user.emailReminders })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  return row ?? null;
}
