import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file without the project's path aliases.
import {
  DESCRIPTION_MAX,
  PUSH_ENDPOINT_MAX,
  REMINDERS_MAX,
  REPEAT_RULE_MAX,
  type Reminder,
  type RepeatFrom,
  TAGS_MAX,
  TASK_PRIORITIES,
  TITLE_MAX,
} from "../lib/tasks/model";

/*
 * Better Auth's tables, kept by hand (its CLI needs Node 22). Column lists follow
 * @better-auth/core's getAuthTables plus the jwt plugin; property names are what
 * Better Auth's Drizzle adapter looks up, column names are snake_case.
 */

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  // Doable's own fields on Better Auth's user (additionalFields in better-auth.ts).
  /** The IANA zone "today" and repeats are reckoned in; taken from the browser at sign-up. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** Reminders also go out by e-mail. */
  emailReminders: boolean("email_reminders").notNull().default(false),
  ...timestamps,
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [index("session_user_id_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("account_user_id_idx").on(t.userId)],
);

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

export const jwks = pgTable("jwks", {
  id: text("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  alg: text("alg"),
  crv: text("crv"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
});

/*
 * Doable's limits on the auth endpoints (lib/server/auth/limits.ts): one row per counter, keyed
 * by what it protects (an account, an address, or everything), never by the raw e-mail or
 * address (the key holds an HMAC of it). Better Auth's own per-address limiter is off.
 */
export const authLimits = pgTable(
  "auth_limits",
  {
    key: text("key").primaryKey(),
    /** Events in the window that started at windowStartedAt. */
    count: integer("count").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    /** How many times this counter has blocked: lock-outs grow with it. */
    blocks: integer("blocks").notNull().default(0),
  },
  (t) => [index("auth_limits_window_idx").on(t.windowStartedAt)],
);

/* Doable's own data. */

/** A number as an SQL literal, for constraints (DDL takes no parameters). */
const limit = (n: number) => sql.raw(String(Math.trunc(n)));

export const taskPriority = pgEnum("task_priority", TASK_PRIORITIES);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    completed: boolean("completed").notNull().default(false),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    priority: taskPriority("priority").notNull().default("none"),
    dueAt: timestamp("due_at", { withTimezone: true }),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** RFC 5545 RRULE without DTSTART (lib/server/tasks/recurrence.ts); null: does not repeat. */
    repeatRule: text("repeat_rule"),
    repeatFrom: text("repeat_from").$type<RepeatFrom>(),
    reminders: jsonb("reminders").$type<Reminder[]>().notNull().default(sql`'[]'::jsonb`),
    /* Reminder delivery (lib/server/reminders/): when the next one is due, who is sending it. */
    nextReminderAt: timestamp("next_reminder_at", { withTimezone: true }),
    /** Reminders due at or before this moment have been delivered. */
    remindedThrough: timestamp("reminded_through", { withTimezone: true }),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    /** A dispatcher claimed the reminder until then; after it, another may retry. */
    reminderLeaseUntil: timestamp("reminder_lease_until", { withTimezone: true }),
    /** The occurrence created when this one was completed (reopening removes it if untouched). */
    nextOccurrenceId: uuid("next_occurrence_id"),
    ...timestamps,
  },
  (t) => [
    // The list's default order and its keyset cursor: newest first per user.
    index("tasks_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("tasks_user_updated_idx").on(t.userId, t.updatedAt, t.id),
    index("tasks_user_due_idx").on(t.userId, t.dueAt, t.id),
    index("tasks_user_completed_idx").on(t.userId, t.completed),
    // Limits live in the database too, so no writer can bypass them.
    // The model's limits, written into the DDL as literals (sql.raw), as the migrations hold them.
    check("tasks_title_length", sql`char_length(${t.title}) between 1 and ${limit(TITLE_MAX)}`),
    check(
      "tasks_description_length",
      sql`${t.description} is null or char_length(${t.description}) <= ${limit(DESCRIPTION_MAX)}`,
    ),
    check("tasks_tags_count", sql`coalesce(array_length(${t.tags}, 1), 0) <= ${limit(TAGS_MAX)}`),
    check("tasks_repeat_needs_due", sql`${t.repeatRule} is null or ${t.dueAt} is not null`),
    check(
      "tasks_repeat_whole",
      sql`(${t.repeatRule} is null) = (${t.repeatFrom} is null) and (${t.repeatFrom} is null or ${t.repeatFrom} in ('due', 'completion'))`,
    ),
    check(
      "tasks_repeat_rule_length",
      sql`${t.repeatRule} is null or char_length(${t.repeatRule}) <= ${limit(REPEAT_RULE_MAX)}`,
    ),
    check(
      "tasks_reminders_count",
      sql`jsonb_typeof(${t.reminders}) = 'array' and jsonb_array_length(${t.reminders}) <= ${limit(REMINDERS_MAX)}`,
    ),
    // The dispatcher's scan: reminders that are due.
    index("tasks_next_reminder_idx")
      .on(t.nextReminderAt)
      .where(sql`${t.nextReminderAt} is not null`),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;

/** Browsers that receive this user's reminders by Web Push (one row per PushSubscription). */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** What the person sees in the device list, e.g. "Chrome on Linux". */
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    index("push_subscriptions_user_idx").on(t.userId),
    check("push_endpoint_length", sql`char_length(${t.endpoint}) <= ${limit(PUSH_ENDPOINT_MAX)}`),
  ],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
