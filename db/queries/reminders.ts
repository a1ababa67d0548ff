/**
 * Reminder delivery's statements. A dispatcher claims due reminders with one atomic statement
 * (FOR UPDATE SKIP LOCKED, then a lease): any number of dispatchers can run at once and none
 * sends a reminder another has claimed; a dispatcher that dies mid-send leaves a lease that
 * runs out, and the reminder is claimed again.
 */
import "server-only";
import { and, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { tasks, user } from "@/db/schema";
import type { Reminder } from "@/lib/tasks/model";

export interface ClaimedReminder {
  id: string;
  userId: string;
  title: string;
  dueAt: Date | null;
  reminders: Reminder[];
  /** The moment this reminder was due: what it was claimed for. */
  firedAt: Date;
  leaseUntil: Date;
  timeZone: string;
  emailReminders: boolean;
  email: string;
  name: string;
}

/** Claims up to `limit` reminders due at `now` until `leaseUntil`, oldest first. */
export async function claimDueReminders(
  db: Database,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedReminder[]> {
  const due = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        lte(tasks.nextReminderAt, now),
        eq(tasks.completed, false),
        or(isNull(tasks.reminderLeaseUntil), lte(tasks.reminderLeaseUntil, now)),
      ),
    )
    .orderBy(tasks.nextReminderAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(tasks)
    .set({ reminderLeaseUntil: leaseUntil })
    .from(user)
    .where(and(inArray(tasks.id, due), eq(user.id, tasks.userId)))
    .returning({
      id: tasks.id,
      userId: tasks.userId,
      title: tasks.title,
      dueAt: tasks.dueAt,
      reminders: tasks.reminders,
      firedAt: tasks.nextReminderAt,
      leaseUntil: tasks.reminderLeaseUntil,
      timeZone: user.timeZone,
      emailReminders: user.emailReminders,
      email: user.email,
      name: user.name,
    });
  return rows.flatMap((row) =>
    row.firedAt && row.leaseUntil
      ? [{ ...row, firedAt: row.firedAt, leaseUntil: row.leaseUntil }]
      : [],
  );
}

/**
 * Marks a claimed reminder delivered: reminders up to `through` are done, the next one (or a
 * snooze set meanwhile, whichever is first) is due at `nextAt`. Only while the claim is ours.
 */
export async function finishReminder(
  db: Database,
  claim: Pick<ClaimedReminder, "id" | "firedAt" | "leaseUntil">,
  through: Date,
  nextAt: Date | null,
): Promise<boolean> {
  const laterSnooze = sql`case when ${tasks.snoozedUntil} > ${through.toISOString()}::timestamptz then ${tasks.snoozedUntil} end`;
  const rows = await db
    .update(tasks)
    .set({
      remindedThrough: through,
      // least() skips nulls: the earlier of the next reminder and a snooze still ahead.
      nextReminderAt: sql`least(${nextAt?.toISOString() ?? null}::timestamptz, ${laterSnooze})`,
      snoozedUntil: laterSnooze as SQL<Date | null>,
      reminderLeaseUntil: null,
    })
    .where(
      and(
        eq(tasks.id, claim.id),
        eq(tasks.reminderLeaseUntil, claim.leaseUntil),
        eq(tasks.nextReminderAt, claim.firedAt),
      ),
    )
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/** Reminds again at `until` (the caller's task); the next scheduled one stays if it is sooner. */
export async function snoozeReminder(
  db: Database,
  userId: string,
  id: string,
  until: Date,
): Promise<{ id: string; nextReminderAt: Date | null } | null> {
  const at = sql`${until.toISOString()}::timestamptz`;
  const [row] = await db
    .update(tasks)
    .set({ snoozedUntil: until, nextReminderAt: sql`least(${tasks.nextReminderAt}, ${at})` })
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
    .returning({ id: tasks.id, nextReminderAt: tasks.nextReminderAt });
  return row ?? null;
}
