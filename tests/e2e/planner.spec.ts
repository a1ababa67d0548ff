import { expect, type Page, test } from "@playwright/test";
import {
  dashboardReady,
  dateInDays,
  newUser,
  quickAdd,
  settled,
  showView,
  signUp,
  tab,
  taskRow,
  taskRows,
  titleButton,
  viewButton,
} from "./support/app";
import {
  createTasks,
  dueInDays,
  group,
  shortDay,
  toastWith,
  weekdayInDays,
} from "./support/planner";

/** Leaves whatever field has focus, so single-key shortcuts apply. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test("repeating tasks: a preset and a custom rule, completed with the next date, and Undo", async ({
  page,
}) => {
  await signUp(page, newUser("repeat"));
  const form = quickAdd(page);

  await test.step("a preset: every day", async () => {
    await form.getByRole("button", { name: "Details" }).click();
    const repeat = form.getByLabel("Repeat", { exact: true });
    // No due date yet: the picker says why it is off.
    await expect(repeat).toBeDisabled();
    await expect(form.getByText("Set a due date to make this task repeat.")).toBeVisible();
    await form.getByLabel("Due date").fill(dateInDays(0));
    await repeat.selectOption({ label: "Every day" });
    await form.getByLabel("New task").fill("Water the plants");
    await form.getByLabel("New task").press("Enter");
    await expect(taskRow(page, "Water the plants")).toContainText("Every day");
    await settled(page);
  });

  await test.step("a custom rule: every 2 weeks on Monday and Thursday, 5 times", async () => {
    await form.getByLabel("Due date").fill(dateInDays(0));
    await form.getByLabel("Repeat", { exact: true }).selectOption("custom");
    const builder = form.getByRole("group", { name: "Custom repeat" });
    await builder.getByLabel("Every").fill("2");
    // The builder starts with the due date's weekday on (today's, whichever day the suite runs):
    // each day is set to the state wanted from what it shows, not toggled blindly.
    const today = weekdayInDays(0);
    for (const day of new Set(["Monday", "Thursday", today])) {
      const button = builder.getByRole("button", { name: day, exact: true });
      const wanted = day === "Monday" || day === "Thursday";
      if ((await button.getAttribute("aria-pressed")) !== String(wanted)) await button.click();
      await expect(button).toHaveAttribute("aria-pressed", String(wanted));
    }
    await builder.getByRole("radio", { name: "After" }).check();
    await builder.getByLabel("Number of times").fill("5");
    await expect(builder).toContainText("Every 2 weeks on Mon, Thu, 5 times");
    await form.getByLabel("New task").fill("Team sync");
    await form.getByLabel("New task").press("Enter");
    await expect(taskRow(page, "Team sync")).toContainText("Every 2 weeks on Mon, Thu, 5 times");
    await settled(page);
  });

  await test.step("completing shows the next date, and the next occurrence is in the list", async () => {
    // click, not check: the row it ticks moves under "Completed" and a new one takes its place.
    await page.getByRole("checkbox", { name: "Water the plants" }).click();
    await expect(toastWith(page, "Completed “Water the plants”")).toContainText(
      `Next: ${shortDay(1)}`,
    );
    await settled(page);
    await expect(taskRow(page, "Water the plants")).toHaveCount(2);
    // The completed one sinks below the open ones, under "Completed".
    await expect(group(page, /^Completed/)).toContainText("Water the plants");
    const open = page
      .getByRole("list", { name: "Tasks" })
      .getByRole("listitem")
      .filter({ hasText: "Water the plants" });
    await expect(open).toContainText("Tomorrow");
    await expect(open.getByRole("checkbox", { name: "Water the plants" })).not.toBeChecked();
  });

  await test.step("Undo takes the next occurrence back: one open task again", async () => {
    await toastWith(page, "Completed “Water the plants”")
      .getByRole("button", { name: "Undo" })
      .click();
    await settled(page);
    await expect(taskRow(page, "Water the plants")).toHaveCount(1);
    await expect(page.getByRole("checkbox", { name: "Water the plants" })).not.toBeChecked();
    await expect(taskRow(page, "Water the plants")).toContainText("Today");
    await expect(tab(page, "All")).toContainText("2");
  });

  await test.step("skip this occurrence, and Undo", async () => {
    await titleButton(page, "Water the plants").click();
    const editor = page.getByRole("form", { name: /^Edit/ });
    await expect(editor.getByLabel("Repeat", { exact: true })).toHaveValue("daily");
    await editor.getByRole("button", { name: "Skip this occurrence" }).click();
    await expect(toastWith(page, "Skipped “Water the plants”")).toContainText(
      `Next: ${shortDay(1)}`,
    );
    await expect(taskRow(page, "Water the plants")).toContainText("Tomorrow");
    await settled(page);
    await toastWith(page, "Skipped").getByRole("button", { name: "Undo" }).click();
    await expect(taskRow(page, "Water the plants")).toContainText("Today");
    await settled(page);
  });

  await test.step("stop repeating, and Undo", async () => {
    await titleButton(page, "Team sync").click();
    await page.getByRole("button", { name: "Stop repeating" }).click();
    await expect(toastWith(page, "no longer repeats")).toBeVisible();
    await expect(taskRow(page, "Team sync")).not.toContainText("Every 2 weeks");
    await settled(page);
    await toastWith(page, "no longer repeats").getByRole("button", { name: "Undo" }).click();
    await expect(taskRow(page, "Team sync")).toContainText("Every 2 weeks on Mon, Thu");
    await settled(page);
  });

  await test.step("bulk complete: the repeating task comes back on its next date", async () => {
    await page.getByRole("button", { name: "Select", exact: true }).click();
    await page.getByRole("checkbox", { name: "Select “Water the plants”" }).check();
    await page
      .getByRole("region", { name: "Selection" })
      .getByRole("button", { name: "Complete" })
      .click();
    await expect(toastWith(page, "Completed 1 task")).toContainText("Repeating ones come back");
    await settled(page);
    await expect(taskRow(page, "Water the plants")).toHaveCount(2);
    await expect(
      page.getByRole("list", { name: "Tasks" }).getByRole("listitem").filter({
        hasText: "Water the plants",
      }),
    ).toContainText("Tomorrow");
  });
});

test("Today and Upcoming show the right tasks, and g t / g u / g a switch views", async ({
  page,
}) => {
  await signUp(page, newUser("views"));
  await createTasks(page, [
    { title: "Pay the overdue bill", dueAt: dueInDays(-1) },
    { title: "Call the bank today", dueAt: dueInDays(0) },
    { title: "Dentist in three days", dueAt: dueInDays(3) },
    { title: "Renew passport in twenty days", dueAt: dueInDays(20) },
    { title: "Someday: learn the cello" },
  ]);
  await page.reload();
  await dashboardReady(page);
  await expect(taskRows(page)).toHaveCount(5);
  await expect(viewButton(page, "Today")).toContainText("2");
  await expect(viewButton(page, "Upcoming")).toContainText("2");
  await expect(viewButton(page, "All")).toContainText("5");

  await test.step("g t: Today, overdue first under its own heading", async () => {
    await blur(page);
    await page.keyboard.press("g");
    await page.keyboard.press("t");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Today");
    await expect(page).toHaveURL(/view=today/);
    await settled(page);
    await expect(taskRows(page)).toHaveCount(2);
    await expect(group(page, /^Overdue/)).toContainText("Pay the overdue bill");
    await expect(group(page, /^Today/)).toContainText("Call the bank today");
    await expect(taskRows(page).first()).toContainText("Pay the overdue bill");
  });

  await test.step("quick add in Today proposes today", async () => {
    const title = quickAdd(page).getByLabel("New task");
    await expect(title).toHaveAttribute("placeholder", /^Add a task due today…/);
    await title.fill("Buy stamps");
    await title.press("Enter");
    await expect(group(page, /^Today/)).toContainText("Buy stamps");
    await settled(page);
    await expect(viewButton(page, "Today")).toContainText("3");
  });

  await test.step("g u: the next 14 days, day by day, empty days on one line", async () => {
    await blur(page);
    await page.keyboard.press("g");
    await page.keyboard.press("u");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upcoming");
    await settled(page);
    await expect(taskRows(page)).toHaveCount(3);
    await expect(group(page, /^Today/)).toContainText("Call the bank today");
    await expect(group(page, new RegExp(`^${shortDay(3)}`))).toContainText("Dentist in three days");
    await expect(page.getByText("Pay the overdue bill")).toHaveCount(0);
    await expect(page.getByText("Renew passport in twenty days")).toHaveCount(0);
    await expect(group(page, new RegExp(`^${shortDay(2)}`))).toContainText("nothing planned");
    await expect(page.locator("[data-task-list] section")).toHaveCount(14);
  });

  await test.step("adding from a day of Upcoming makes the task due that day", async () => {
    await page.getByRole("button", { name: `Add a task for ${shortDay(5)}` }).click();
    const title = quickAdd(page).getByLabel("New task");
    await expect(title).toBeFocused();
    await expect(title).toHaveAttribute(
      "placeholder",
      new RegExp(`^Add a task due ${shortDay(5)}…`),
    );
    await title.fill("Pick up the parcel");
    await title.press("Enter");
    await expect(group(page, new RegExp(`^${shortDay(5)}`))).toContainText("Pick up the parcel");
    await settled(page);
  });

  await test.step("g a: All shows everything again", async () => {
    await blur(page);
    await page.keyboard.press("g");
    await page.keyboard.press("a");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All tasks");
    await settled(page);
    await expect(taskRows(page)).toHaveCount(7);
  });

  await test.step("the last view is remembered", async () => {
    await showView(page, "Upcoming");
    await page.goto("/dashboard");
    await dashboardReady(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upcoming");
    await expect(viewButton(page, "Upcoming")).toHaveAttribute("aria-current", "page");
    await showView(page, "All");
    await page.goto("/dashboard");
    await dashboardReady(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All tasks");
  });

  await test.step("the shortcuts dialog lists the view keys", async () => {
    await blur(page);
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toContainText("Go to Today");
    await expect(dialog).toContainText("Go to Upcoming");
    await expect(dialog).toContainText("Go to All");
    await page.keyboard.press("Escape");
  });
});

test("an empty Today says so in plain words", async ({ page }) => {
  await signUp(page, newUser("empty-today"));
  await showView(page, "Today");
  await expect(page.getByRole("heading", { name: "Nothing due today" })).toBeVisible();
  await page.getByRole("button", { name: "Add a task for today" }).click();
  await expect(quickAdd(page).getByLabel("New task")).toBeFocused();
  await showView(page, "Upcoming");
  await expect(
    page.getByRole("heading", { name: "Nothing planned for the next two weeks" }),
  ).toBeVisible();
});
