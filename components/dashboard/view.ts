import type { TaskListQuery } from "@/lib/api-client";
import {
  DEFAULT_ORDER,
  DEFAULT_SORT,
  DUE_FILTERS,
  type DueFilter,
  SEARCH_MAX,
  SORT_KEYS,
  SORT_ORDERS,
  type SortKey,
  type SortOrder,
  TAG_MAX,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskPriority,
  type TaskStatus,
} from "@/lib/tasks/model";

/** The dashboard's views: Today (overdue and due today), Upcoming (next 14 days), All. */
export const LISTS = ["today", "upcoming", "all"] as const;
export type ListView = (typeof LISTS)[number];

export const listLabel: Record<ListView, string> = {
  today: "Today",
  upcoming: "Upcoming",
  all: "All",
};

/** The heading of each view. */
export const listTitle: Record<ListView, string> = {
  today: "Today",
  upcoming: "Upcoming",
  all: "All tasks",
};

/** The cookie that remembers the last view, so /dashboard opens on it (read by the page). */
export const LIST_COOKIE = "doable-view";

/**
 * What the dashboard shows: view, tab, search, filters and sort. It lives in the URL so a
 * reload or a shared link keeps the view; defaults are left out to keep links short (the view
 * is left out when it is the one remembered, which the page passes in as `defaultList`).
 */
export interface View {
  list: ListView;
  /**
   * A project view instead of a list: "inbox" (the tasks in no project) or a project's id.
   * Its tasks in their manual order (by default), subtasks under their parents.
   */
  project: string | null;
  status: TaskStatus;
  q: string;
  priority: TaskPriority | null;
  tag: string | null;
  due: DueFilter | null;
  sort: SortKey;
  order: SortOrder;
}

const defaultView: View = {
  list: "all",
  project: null,
  status: "all",
  q: "",
  priority: null,
  tag: null,
  due: null,
  sort: DEFAULT_SORT,
  order: DEFAULT_ORDER[DEFAULT_SORT],
};

/** The patch that clears search and every filter, keeping the tab and the sort. */
export const noFilters: Pick<View, "q" | "priority" | "tag" | "due"> = {
  q: "",
  priority: null,
  tag: null,
  due: null,
};

/** Most important first, as menus list them. */
export const priorities: readonly TaskPriority[] = [...TASK_PRIORITIES].reverse();

export const priorityLabel: Record<TaskPriority, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
  none: "No priority",
};

export const dueLabel: Record<DueFilter, string> = {
  overdue: "Overdue",
  today: "Due today",
  week: "Due this week",
  none: "No due date",
  agenda: "Today and overdue",
  upcoming: "Next 14 days",
};

/** The due filters the filter menu offers; agenda and upcoming are views of their own. */
export const menuDueFilters = [
  "overdue",
  "today",
  "week",
  "none",
] as const satisfies readonly DueFilter[];

export const sortLabel: Record<SortKey, string> = {
  created: "Date added",
  updated: "Last changed",
  due: "Due date",
  priority: "Priority",
  title: "Title",
  manual: "Manual",
};

/** Each sort's two directions in words (the sort menu's trigger names the current one). */
export const orderLabel: Record<SortKey, Record<SortOrder, string>> = {
  created: { desc: "Newest first", asc: "Oldest first" },
  updated: { desc: "Most recent first", asc: "Least recent first" },
  due: { asc: "Soonest first", desc: "Latest first" },
  priority: { desc: "Highest first", asc: "Lowest first" },
  title: { asc: "A to Z", desc: "Z to A" },
  manual: { asc: "Top to bottom", desc: "Bottom to top" },
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** "inbox", or a project's id (a UUID); anything else is no project. */
const PROJECT_PARAM = /^(inbox|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A project view lists its tasks in their manual order unless another sort is chosen. */
export function defaultSortOf(view: Pick<View, "project">): { sort: SortKey; order: SortOrder } {
  const sort = view.project ? "manual" : DEFAULT_SORT;
  return { sort, order: DEFAULT_ORDER[sort] };
}

/** Reads a view from the address bar, ignoring anything unknown or malformed. */
export function viewFromParams(
  params: { get(name: string): string | null },
  defaultList: ListView = defaultView.list,
): View {
  const tag = params.get("tag")?.trim().toLowerCase();
  const projectParam = params.get("project")?.toLowerCase() ?? "";
  const project = PROJECT_PARAM.test(projectParam) ? projectParam : null;
  const sorted = defaultSortOf({ project });
  return {
    list: oneOf(LISTS, params.get("view")) ?? defaultList,
    project,
    status: oneOf(TASK_STATUSES, params.get("status")) ?? defaultView.status,
    q: (params.get("q") ?? "").slice(0, SEARCH_MAX),
    priority: oneOf(priorities, params.get("priority")),
    tag: tag ? tag.slice(0, TAG_MAX) : null,
    due: oneOf(DUE_FILTERS, params.get("due")),
    sort: oneOf(SORT_KEYS, params.get("sort")) ?? sorted.sort,
    order: oneOf(SORT_ORDERS, params.get("order")) ?? sorted.order,
  };
}

export function viewToSearch(view: View, defaultList: ListView = defaultView.list): string {
  const params = new URLSearchParams();
  if (view.project) params.set("project", view.project);
  else if (view.list !== defaultList) params.set("view", view.list);
  if (view.status !== defaultView.status) params.set("status", view.status);
  if (view.q.trim()) params.set("q", view.q.trim());
  if (view.priority) params.set("priority", view.priority);
  if (view.tag) params.set("tag", view.tag);
  if (view.due) params.set("due", view.due);
  const sorted = defaultSortOf(view);
  if (view.sort !== sorted.sort || view.order !== sorted.order) {
    params.set("sort", view.sort);
    params.set("order", view.order);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The view as the list asks for it: Today and Upcoming are open tasks by due date, soonest
 * (and so overdue) first, over the server's agenda and upcoming filters; All and the project
 * views are as chosen.
 */
export function effectiveView(view: View): View {
  if (view.project || view.list === "all") return view;
  const due = view.list === "today" ? "agenda" : "upcoming";
  return { ...view, status: "active", due, sort: "due", order: "asc" };
}

export function viewToQuery(input: View): TaskListQuery {
  const view = effectiveView(input);
  return {
    project: view.project ?? undefined,
    status: view.status,
    q: view.q.trim() || undefined,
    priority: view.priority ?? undefined,
    tag: view.tag ?? undefined,
    due: view.due ?? undefined,
    sort: view.sort,
    order: view.order,
  };
}

/** Search or filters narrow the list (a view's own due filter does not count). */
export function hasFilters(view: View): boolean {
  const ownDue = !view.project && view.list !== "all";
  return Boolean(view.q.trim() || view.priority || view.tag || (!ownDue && view.due));
}

/** Subtasks show under their parents (All and the projects), not in Today and Upcoming. */
export function nestsSubtasks(view: View): boolean {
  return Boolean(view.project) || view.list === "all";
}
