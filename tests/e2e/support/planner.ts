import { expect, type Locator, type Page } from "@playwright/test";
import type { Reminder, Repeat, Task, TaskInput } from "@/lib/tasks/model";
import { expectAccessible, screenshots } from "./app";

/** Steps the planner's journeys share: the API from inside the page, dates, pickers, toasts. */

/** Calls the API from inside the page, as its own scripts would, with the page's own token. */
export async function api<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { token } = (await (await fetch("/api/auth/token")).json()) as { token: string };
      const response = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
    },
    { method, path, body },
  );
}

export async function userId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const session = (await (await fetch("/api/auth/get-session")).json()) as {
      user: { id: string };
    };
    return session.user.id;
  });
}

/** A day n days from today without a time, as the app stores it (its last millisecond, UTC). */
export function dueInDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(23, 59, 59, 999);
  return d.toISOString();
}

/** Creates tasks through the API; the list shows them after a reload. */
export async function createTasks(page: Page, tasks: TaskInput[]): Promise<Task[]> {
  const id = await userId(page);
  const created: Task[] = [];
  for (const task of tasks) {
    const { status, json } = await api<Task>(page, "POST", `/api/${id}/tasks`, task);
    expect(status, JSON.stringify(json)).toBe(201);
    created.push(json);
  }
  return created;
}

export type { Reminder, Repeat };

/** "Tue, Jan 14": how the app names a day n days from today (the browser: en-US, UTC). */
export function shortDay(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(d);
}

/** The weekday of a date n days from today, as the builder's toggles name it ("Monday"). */
export function weekdayInDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" }).format(d);
}

/** A toast of sonner's, by its text. */
export function toastWith(page: Page, text: string | RegExp): Locator {
  return page.locator("[data-sonner-toast]").filter({ hasText: text });
}

/** The section of the list under a heading (Overdue, Today, a day of Upcoming, Completed). */
export function group(page: Page, heading: string | RegExp): Locator {
  return page
    .locator("[data-task-list] section")
    .filter({ has: page.getByRole("heading", { level: 2, name: heading }) });
}

/**
 * One screen checked as a person on a phone and on a desktop would meet it: axe at both sizes
 * (no serious or critical violation), then a screenshot of each.
 */
export async function checkScreen(page: Page, name: string, what: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await expectAccessible(page, `${what} at ${size.width} px`);
  }
  if (before) await page.setViewportSize(before);
  await screenshots(page, name);
}

/** Waits for the toasts to go (closing one by hand moves focus, which a menu then loses). */
export async function toastsGone(page: Page): Promise<void> {
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 20_000 });
}

/** Both themes of the same screen: the system setting is followed, so it switches live. */
export async function checkBothThemes(page: Page, name: string, what: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The buttons' colour transitions run on the switch: axe must see where they end.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await checkScreen(page, `${name}-${scheme}`, `${what} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
