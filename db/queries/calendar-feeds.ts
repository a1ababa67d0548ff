/**
 * The private calendar feed's statements: the user's one feed token (kept as its hash) and the
 * tasks a feed lists. Every statement names the user, or finds the user by the token's hash.
 */
import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { calendarFeeds, projects, tasks, user } from "@/db/schema";
import { FEED_COMPLETED_DAYS, FEED_EVENTS_MAX } from "@/lib/calendar/model";
import type { RepeatFrom } from "@/lib/tasks/model";

/** Turns the feed on, or replaces its token (the old address stops working in the same statement). */
export async function saveFeedToken(
  db: Database,
  userId: string,
  tokenHash: string,
): Promise<{ createdAt: Date }> {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash, createdAt: sql`now()` },
    })
    .returning({ createdAt: calendarFeeds.createdAt });
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/** When the user's feed was made, or null while it is off. */
export async function feedCreatedAt(db: Database, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .limit(1);
  return row?.createdAt ?? null;
}

/** Turns the feed off; true when it was on. */
export async function deleteFeed(db: Database, userId: string): Promise<boolean> {
  const rows = await db
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .returning({ userId: calendarFeeds.userId });
  return rows.length > 0;
}

/** The feed's owner and their time zone, found by the token's hash; null for no such feed. */
export async function feedOwner(
  db: Database,
  tokenHash: string,
): Promise<{ userId: string; timeZone: string } | null> {
  const [row] = await db
    .select({ userId: calendarFeeds.userId, timeZone: user.timeZone })
    .from(calendarFeeds)
    .innerJoin(user, eq(user.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/** The fields of a task a feed shows, and nothing more. */
export interface FeedTask {
  id: string;
  title: string;
  description: string | null;
  dueAt: Date;
  completed: boolean;
  repeatRule: string | null;
  repeatFrom: RepeatFrom | null;
}

/** Not in an archived project (as every list view, db/queries/task-list.ts). */
const notArchived = sql`(${tasks.projectId} is null or not exists (select 1 from ${projects} where ${projects.id} = ${tasks.projectId} and ${projects.userId} = ${tasks.userId} and ${projects.archived}))`;

/**
 * The tasks a feed lists: those with a due date, open or completed within FEED_COMPLETED_DAYS,
 * outside archived projects; at most FEED_EVENTS_MAX, open ones first, then nearest to `now`.
 */
export async function feedTasks(db: Database, userId: string, now: Date): Promise<FeedTask[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const since = new Date(now.getTime() - FEED_COMPLETED_DAYS * 86_400_000).toISOString();
  const rows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      description: tasks.description,
      dueAt: tasks.dueAt,
      completed: tasks.completed,
      repeatRule: tasks.repeatRule,
      repeatFrom: tasks.repeatFrom,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.userId, userId),
        isNotNull(tasks.dueAt),
        sql`(not ${tasks.completed} or ${tasks.completedAt} >= ${since}::timestamptz)`,
        notArchived,
      ),
    )
    .orderBy(
      asc(tasks.completed),
      sql`abs(extract(epoch from (${tasks.dueAt} - ${at})))`,
      asc(tasks.id),
    )
    .limit(FEED_EVENTS_MAX);
  return rows.flatMap((row) => (row.dueAt ? [{ ...row, dueAt: row.dueAt }] : []));
}
