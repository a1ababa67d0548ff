/**
 * The task model: every value and type a task's parts agree on, in one module with no runtime
 * dependency, so the database schema, the zod schemas, the queries, the API client and the
 * dashboard import the same values and none is written twice. No zod here: the dashboard's
 * first load imports this module, and zod loads only when a form is submitted.
 *
 * Adding a task field: see ARCHITECTURE.md, "Adding a task field".
 */

/* ---------------------------------------------------------------- limits */

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const TAGS_MAX = 10;
export const TAG_MAX = 32;
export const SEARCH_MAX = 200;
/** Largest page a list request may ask for, and the page size when it does not ask. */
export const LIST_LIMIT_MAX = 100;
export const LIST_LIMIT_DEFAULT = 50;
export const CURSOR_MAX = 2048;
/** Most ids one bulk request may name. */
export const BULK_IDS_MAX = 500;
/** 500 quoted UUIDs need ~20 KB, more than the usual 16 KiB body cap. */
export const BULK_BODY_MAX_BYTES = 32 * 1024;
/** Minutes ahead of UTC accepted for "today"/"week" (UTC-14:00 .. UTC+14:00). */
export const UTC_OFFSET_MAX = 14 * 60;
/** Reminders one task may have. */
export const REMINDERS_MAX = 5;
/** The earliest a relative reminder may come: four weeks before the due time. */
export const REMINDER_MINUTES_MAX = 4 * 7 * 24 * 60;
export const REPEAT_RULE_MAX = 500;
/** How far ahead the Upcoming view looks, in days (today included). */
export const UPCOMING_DAYS = 14;
/** A snooze is this many minutes unless the request says otherwise (1..SNOOZE_MINUTES_MAX). */
export const SNOOZE_MINUTES_DEFAULT = 10;
export const SNOOZE_MINUTES_MAX = 24 * 60;
/** The longest push endpoint URL accepted (push services use a few hundred characters). */
export const PUSH_ENDPOINT_MAX = 1000;
/** Devices (browsers) one user may have subscribed to push reminders. */
export const PUSH_DEVICES_MAX = 20;
export const PROJECT_NAME_MAX = 60;
/** Projects one user may have, archived ones included. */
export const PROJECTS_MAX = 300;
/** Subtasks one task may have (one level: a subtask has none of its own). */
export const SUBTASKS_MAX = 100;
/** A deleted task stays in the trash this many days, then is purged. */
export const TRASH_DAYS = 30;
/** Trash entries per page, and history entries a task answers (its newest). */
export const TRASH_PAGE_MAX = 100;
export const HISTORY_MAX = 50;

/* ----------------------------------------------------------------- enums */

/** Declared from least to most important: the database enum orders them this way. */
export const TASK_PRIORITIES = ["none", "low", "medium", "high"] as const;
export const TASK_STATUSES = ["all", "active", "completed"] as const;
/**
 * "agenda": the Today view, incomplete tasks overdue or due today; "upcoming": due from today
 * through UPCOMING_DAYS ahead. Both in the user's time zone.
 */
export const DUE_FILTERS = ["overdue", "today", "week", "none", "agenda", "upcoming"] as const;
/** "manual": the order people set by hand (drag and drop), per project and the Inbox. */
export const SORT_KEYS = ["created", "updated", "due", "priority", "title", "manual"] as const;
export const SORT_ORDERS = ["asc", "desc"] as const;
export const BULK_ACTIONS = ["complete", "uncomplete", "delete"] as const;
/** A repeat counts from the due date ("every Monday") or from when it was completed. */
export const REPEAT_FROM = ["due", "completion"] as const;
/** What a task's history records (db/trash-schema.ts). */
export const TASK_EVENT_KINDS = [
  "created",
  "updated",
  "completed",
  "reopened",
  "moved",
  "deleted",
  "restored",
] as const;

export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type DueFilter = (typeof DUE_FILTERS)[number];
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];
export type BulkAction = (typeof BULK_ACTIONS)[number];
export type RepeatFrom = (typeof REPEAT_FROM)[number];
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** How a task repeats: an RFC 5545 RRULE without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=MO,TH". */
export interface Repeat {
  rule: string;
  from: RepeatFrom;
}

/**
 * When to be reminded: minutes before the due time (for a task due on a day without a time,
 * before 09:00 that day), or at a moment.
 */
export type Reminder = { minutesBefore: number } | { at: string };

/** The list's sort when a request names none. */
export const DEFAULT_SORT: SortKey = "created";

/** Each sort's natural direction when `order` is not given: newest, soonest, highest first. */
export const DEFAULT_ORDER: Record<SortKey, SortOrder> = {
  created: "desc",
  updated: "desc",
  due: "asc",
  priority: "desc",
  title: "asc",
  manual: "asc",
};

/** The palette a project's colour comes from (the UI maps each to its light and dark shades). */
export const PROJECT_COLORS = [
  "gray",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
] as const;
export type ProjectColor = (typeof PROJECT_COLORS)[number];

/* ------------------------------------------------------- the API's types */

/** A task as the API returns it; timestamps are ISO-8601 in UTC. */
export interface Task {
  id: string;
  title: string;
  description: string | null;
  completed: boolean;
  completedAt: string | null;
  priority: TaskPriority;
  dueAt: string | null;
  tags: string[];
  repeat: Repeat | null;
  reminders: Reminder[];
  /** When the next reminder goes out; null when none is left. */
  nextReminderAt: string | null;
  /** For a completed occurrence of a repeating task: the occurrence that followed it. */
  nextOccurrenceId: string | null;
  /** The project it belongs to; null is the Inbox. A subtask is in its parent's project. */
  projectId: string | null;
  /** The task this one is a subtask of (one level deep), or null. */
  parentId: string | null;
  /** Where it stands in its list's manual order: compare as numbers, never show. */
  position: string;
  /** Its subtasks: how many, and how many of them are completed. */
  subtasks: { total: number; done: number };
  createdAt: string;
  updatedAt: string;
}

/** The editable fields a client sends to create or replace a task; omitted ones take defaults. */
export interface TaskInput {
  title: string;
  description?: string | null;
  priority?: TaskPriority;
  dueAt?: string | null;
  tags?: string[];
  repeat?: Repeat | null;
  reminders?: Reminder[];
  projectId?: string | null;
  parentId?: string | null;
}

/** How many of the caller's tasks match the filters other than status, per status. */
export type TaskCounts = Record<TaskStatus, number>;

export interface TaskList {
  tasks: Task[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  counts: TaskCounts;
}

export interface BulkResult {
  action: BulkAction;
  /** How many of the caller's tasks were changed. */
  affected: number;
  /** The ids that were affected; others were not the caller's or did not exist. */
  ids: string[];
}

/** PATCH .../complete answers the task, and for a repeating task the occurrence it created. */
export interface CompleteResult extends Task {
  nextOccurrence: Task | null;
}

/** A browser subscribed to this user's push reminders, as the device list shows it. */
export interface PushDevice {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A project: a named list of tasks with a colour and a place in the sidebar. */
export interface Project {
  id: string;
  name: string;
  color: ProjectColor;
  /** Where it stands in the sidebar: compare as numbers. */
  position: string;
  archived: boolean;
  /** Its open tasks (subtasks included). */
  openTasks: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /projects. */
export interface ProjectInput {
  name: string;
  color?: ProjectColor;
}

/** PATCH /projects/{id}: any of the fields, and a new place (after or before another project). */
export interface ProjectPatch {
  name?: string;
  color?: ProjectColor;
  archived?: boolean;
  after?: string;
  before?: string;
}

export interface ProjectList {
  projects: Project[];
  /** The Inbox is every task without a project. */
  inbox: { openTasks: number };
}

/** What becomes of a deleted project's tasks: moved to the Inbox, or deleted with it. */
export const PROJECT_DELETE_TASKS = ["move", "delete"] as const;
export type ProjectDeleteTasks = (typeof PROJECT_DELETE_TASKS)[number];

/**
 * Where a move puts a task: right after one task or right before one (a task in the same list:
 * project or Inbox, and the same parent), or, with neither, at the end of its list. projectId
 * moves it to another project (null: the Inbox); omitted, it stays in its own.
 */
export interface TaskMove {
  after?: string;
  before?: string;
  projectId?: string | null;
}

/** One entry of a task's history: what happened, when, and the fields' values before and after. */
export interface TaskEvent {
  id: string;
  kind: TaskEventKind;
  at: string;
  /** By the API's field names (title, dueAt, repeat, projectId, position, ...). */
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** A deleted task in the trash, with the subtasks that went with it. */
export interface TrashEntry {
  task: Task;
  /** How many subtasks were deleted with it (they come back with it). */
  subtasks: number;
  deletedAt: string;
  /** When the purge removes it for good. */
  purgeAt: string;
}

export interface TrashList {
  entries: TrashEntry[];
  nextCursor: string | null;
}
