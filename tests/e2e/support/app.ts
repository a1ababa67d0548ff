import { mkdir } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

/** Steps the journeys share: accounts, the quick-add form, rows, screenshots and axe. */

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

let sequence = 0;

export function newUser(label: string): TestUser {
  sequence += 1;
  return {
    name: `${label[0]?.toUpperCase() ?? ""}${label.slice(1)} Tester`,
    email: `${label}-${Date.now()}-${sequence}@example.com`,
    password: "correct horse battery staple",
  };
}

/**
 * A new account through the auth API, as the sign-up form sends it (the browser's time zone
 * included), then the dashboard; the browser context keeps the session cookie. The form itself
 * is driven by journey.spec.ts and reminders.spec.ts (signUpWithForm).
 */
export async function signUp(page: Page, user: TestUser): Promise<void> {
  const timeZone = await page.evaluate(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  );
  const origin = new URL(test.info().project.use.baseURL ?? "http://localhost").origin;
  const response = await page.request.post("/api/auth/sign-up/email", {
    headers: { origin },
    data: { name: user.name, email: user.email, password: user.password, timeZone },
  });
  expect(response.status(), await response.text()).toBe(200);
  await page.goto("/dashboard");
  await dashboardReady(page);
}

/** A new account through the sign-up form, as a person makes one. */
export async function signUpWithForm(page: Page, user: TestUser): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await dashboardReady(page);
}

/** The dashboard has loaded its list (and so is hydrated: shortcuts work). */
export async function dashboardReady(page: Page): Promise<void> {
  const views = page.getByRole("navigation", { name: "Views" });
  await expect(views).toBeVisible();
  // The current view's count comes with the list.
  await expect(views.locator('[aria-current="page"]')).toHaveText(/\d/);
}

export type ViewName = "Today" | "Upcoming" | "All";

/** A button of the view switcher (Today · Upcoming · All). */
export function viewButton(page: Page, name: ViewName): Locator {
  return page
    .getByRole("navigation", { name: "Views" })
    .getByRole("button", { name: new RegExp(`^${name}\\b`) });
}

/** Switches to a view and waits for its list. */
export async function showView(page: Page, name: ViewName): Promise<void> {
  await viewButton(page, name).click();
  await expect(viewButton(page, name)).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    name === "All" ? "All tasks" : name,
  );
  await settled(page);
}

export async function logIn(page: Page, user: TestUser): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await dashboardReady(page);
}

/** The local date n days from today as a date field takes it (the browser runs in UTC). */
export function dateInDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface NewTask {
  title: string;
  description?: string;
  priority?: "none" | "low" | "medium" | "high";
  dueDate?: string;
  tags?: string;
}

export function quickAdd(page: Page): Locator {
  return page.getByRole("form", { name: "Add a task" });
}

/** Adds a task through the quick-add form, opening its details when needed. */
export async function addTask(page: Page, task: NewTask): Promise<void> {
  const form = quickAdd(page);
  const wantsDetails = task.description || task.priority || task.dueDate || task.tags;
  const details = form.getByRole("button", { name: "Details" });
  if (wantsDetails && (await details.getAttribute("aria-expanded")) !== "true") {
    await details.click();
  }
  if (wantsDetails) {
    await form.getByLabel("Description").fill(task.description ?? "");
    await form.getByLabel("Priority").selectOption(task.priority ?? "none");
    await form.getByLabel("Due date").fill(task.dueDate ?? "");
    await form.getByLabel("Tags").fill(task.tags ?? "");
  }
  const title = form.getByLabel("New task");
  await title.fill(task.title);
  await title.press("Enter");
  await expect(title).toHaveValue("");
  await expect(taskRow(page, task.title)).toBeVisible();
}

/** The rows of the list (all its groups: Overdue, Today, the days of Upcoming, Completed). */
export function taskRows(page: Page): Locator {
  return page.locator("[data-task-list] li[data-task-id]");
}

export function taskRow(page: Page, title: string): Locator {
  return taskRows(page).filter({
    has: page.getByRole("button", { name: title, exact: true }),
  });
}

export function titleButton(page: Page, title: string): Locator {
  return page.locator("[data-task-list]").getByRole("button", { name: title, exact: true });
}

export function tab(page: Page, name: "All" | "Active" | "Completed"): Locator {
  return page.getByRole("tab", { name: new RegExp(`^${name}\\b`) });
}

/** Waits until every change has reached the server (no row still saving, list settled). */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-task-id^="temp-"]')).toHaveCount(0);
  await expect(page.locator('[data-task-list][aria-busy="true"]')).toHaveCount(0);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

export const screenshotDir = path.join(
  process.env.E2E_RESULTS_DIR ?? "test-results",
  "screenshots",
);

/** Saves a phone and a desktop screenshot of the page as it is now, then restores the size. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  const before = page.viewportSize();
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await page.screenshot({
      path: path.join(screenshotDir, `${name}-${label}.png`),
      fullPage: true,
      animations: "disabled",
      caret: "hide",
    });
  }
  if (before) await page.setViewportSize(before);
}

/** axe on the page as it is now: no serious or critical violation of WCAG 2.x A/AA. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // axe reads colours as painted: a bar or toast still fading in has less contrast than it will
  // (the selection bar's button was caught so once). Transitions and finite animations end
  // first; a spinner's never does.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => null)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    // Only violations are read: listing every passing node too costs seconds per check.
    .options({ resultTypes: ["violations"] })
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect(serious, `accessibility problems on ${what}`).toEqual([]);
}
