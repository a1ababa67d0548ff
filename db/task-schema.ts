/**
 * Doable's own tables: projects, tasks, push subscriptions. Part of db/schema.ts, which
 * drizzle-kit reads: imports stay relative (drizzle-kit loads this without the path aliases).
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  DESCRIPTION_MAX,
  PROJECT_COLORS,
  PROJECT_NAME_MAX,
  type ProjectColor,
  PUSH_ENDPOINT_MAX,
  REMINDERS_MAX,
  REPEAT_RULE_MAX,
  type Reminder,
  type RepeatFrom,
  TAGS_MAX,
  TASK_PRIORITIES,
  TITLE_MAX,
} from "../lib/tasks/model";
import { user } from "./auth-schema";
import { limit, timestamps } from "./schema-columns";

export const taskPriority = pgEnum("task_priority", TASK_PRIORITIES);

/** A new row's place in a manual order: after every row made before it. */
const positionNow = sql`extract(epoch from clock_timestamp())`;

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").$type<ProjectColor>().notNull().default("gray"),
    position: numeric("position").notNull().default(positionNow),
    archived: boolean("archived").notNull().default(false),
    ...timestamps,
    /** See tasks.importKey. Last: INSERT ... SELECT in db/queries/projects.ts lists columns in order. */
    importKey: text("import_key"),
  },
  (t) => [
    // Tasks name a project with (id, user_id), so a task can only be in its owner's project.
    unique("projects_id_user_unique").on(t.id, t.userId),
    uniqueIndex("projects_user_name_idx").on(t.userId, sql`lower(${t.name})`),
    index("projects_user_position_idx").on(t.userId, t.position),
    uniqueIndex("projects_user_import_key_idx").on(t.userId, t.importKey),
    check(
      "projects_name_length",
      sql`char_length(${t.name}) between 1 and ${limit(PROJECT_NAME_MAX)}`,
    ),
    check(
      "projects_color",
      sql`${t.color} in (${sql.raw(PROJECT_COLORS.map((c) => `'${c}'`).join(", "))})`,
    ),
  ],
);

/**
 * A task's columns, fresh builders on each call: the tasks table, and the trash
 * (db/trash-schema.ts), which keeps a deleted task's row as it was, column for column.
 */
export function taskColumns() {
  return {
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
    /** Null: the Inbox. */
    projectId: uuid("project_id"),
    /** A subtask's parent (one level: a subtask has no subtasks of its own). */
    parentId: uuid("parent_id"),
    /** The manual order within the task's list (numeric: a move takes the midpoint exactly). */
    position: numeric("position").notNull().default(positionNow),
    ...timestamps,
    /**
     * Where an imported row came from (lib/server/transfer/): "doable:<the export's id>" or
     * "todoist:<file digest>:<row>", unique per user, so importing the same file again adds
     * nothing. Null for rows made in the app, and never carried to a next occurrence.
     */
    importKey: text("import_key"),
  };
}

export const tasks = pgTable("tasks", taskColumns(), (t) => [
  // The list's default order and its keyset cursor: newest first per user.
  index("tasks_user_created_idx").on(t.userId, t.createdAt, t.id),
  index("tasks_user_updated_idx").on(t.userId, t.updatedAt, t.id),
  index("tasks_user_due_idx").on(t.userId, t.dueAt, t.id),
  index("tasks_user_completed_idx").on(t.userId, t.completed),
  // NULLs are distinct in a unique index: only imported rows take part.
  uniqueIndex("tasks_user_import_key_idx").on(t.userId, t.importKey),
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
  // A task's project and parent are the same user's: (id, user_id) on both sides.
  unique("tasks_id_user_unique").on(t.id, t.userId),
  foreignKey({
    name: "tasks_project_fk",
    columns: [t.projectId, t.userId],
    foreignColumns: [projects.id, projects.userId],
  }),
  foreignKey({
    name: "tasks_parent_fk",
    columns: [t.parentId, t.userId],
    foreignColumns: [t.id, t.userId],
  }).onDelete("cascade"),
  check("tasks_not_own_parent", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  index("tasks_user_project_position_idx").on(t.userId, t.projectId, t.position),
  index("tasks_parent_idx").on(t.parentId).where(sql`${t.parentId} is not null`),
  // The dispatcher's scan: reminders that are due.
  index("tasks_next_reminder_idx").on(t.nextReminderAt).where(sql`${t.nextReminderAt} is not null`),
]);

export type TaskRow = typeof tasks.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;

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
