import { expect, test } from "@playwright/test";
import {
  dashboardReady,
  newUser,
  quickAdd,
  settled,
  showView,
  signUp,
  taskRow,
  titleButton,
} from "./support/app";
import { checkScreen, createTasks, dueInDays, toastWith } from "./support/planner";

/**
 * axe on every screen the planner added, in the light and the dark theme, at a phone's and a
 * desktop's width, with a screenshot of each under test-results/screenshots/.
 */
for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme, permissions: ["notifications"] });

    test("Today, Upcoming, All, the editor, toasts, menus and dialogs", async ({ page }) => {
      test.setTimeout(150_000);
      await signUp(page, newUser(`planner-${scheme}`));
      await showView(page, "Today");
      await expect(page.getByRole("heading", { name: "Nothing due today" })).toBeVisible();
      await checkScreen(page, `planner-today-empty-${scheme}`, `empty Today (${scheme})`);

      const at = (days: number, hour: number) => {
        const d = new Date(dueInDays(days));
        d.setUTCHours(hour, 0, 0, 0);
        return d.toISOString();
      };
      await createTasks(page, [
        {
          title: "Renew the car insurance",
          dueAt: dueInDays(-2),
          priority: "high",
          tags: ["admin"],
        },
        {
          title: "Morning run",
          dueAt: at(0, 7),
          repeat: { rule: "FREQ=WEEKLY;BYDAY=MO,WE,FR", from: "due" },
          reminders: [{ minutesBefore: 15 }],
        },
        {
          title: "Pay the rent",
          dueAt: dueInDays(0),
          priority: "medium",
          repeat: { rule: "FREQ=MONTHLY", from: "due" },
          reminders: [{ at: at(1, 8) }],
          tags: ["home"],
        },
        { title: "Call grandma", dueAt: dueInDays(1) },
        { title: "Book the train to Lyon", dueAt: dueInDays(4), tags: ["travel"] },
        {
          title: "Water the plants",
          dueAt: dueInDays(4),
          repeat: { rule: "FREQ=DAILY;INTERVAL=3", from: "completion" },
        },
        { title: "Quarterly review", dueAt: dueInDays(9), priority: "high" },
        { title: "Read a chapter" },
      ]);
      await page.reload();
      await dashboardReady(page);
      await settled(page);
      await page.mouse.move(0, 0);
      await expect(taskRow(page, "Morning run")).toContainText("Every week on Mon, Wed, Fri");
      await checkScreen(page, `planner-today-${scheme}`, `Today (${scheme})`);

      await showView(page, "Upcoming");
      await page.mouse.move(0, 0);
      await checkScreen(page, `planner-upcoming-${scheme}`, `Upcoming (${scheme})`);

      await showView(page, "All");
      await page.getByRole("checkbox", { name: "Morning run" }).click();
      const next = toastWith(page, "Completed “Morning run”");
      await expect(next).toContainText("Next:");
      await settled(page);
      await page.mouse.move(0, 0);
      await checkScreen(
        page,
        `planner-all-next-${scheme}`,
        `All with a completion toast (${scheme})`,
      );

      // Gone before the next screen: axe would otherwise catch it mid-fade (half contrast). On a
      // slow machine the checks above outlast its 8 s, and it has gone by itself: then there is
      // nothing to close.
      await next
        .getByRole("button", { name: /close/i })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      await expect(next).toBeHidden();

      await titleButton(page, "Pay the rent").click();
      const editor = page.getByRole("form", { name: /^Edit/ });
      await editor.getByLabel("Repeat", { exact: true }).selectOption("custom");
      await editor.getByLabel("Unit").selectOption("MONTHLY");
      await editor.getByRole("radio", { name: "The", exact: true }).check();
      await editor.getByRole("radio", { name: "On", exact: true }).check();
      await editor.getByLabel("Reminders", { exact: true }).selectOption({ label: "1 day before" });
      await checkScreen(
        page,
        `planner-editor-${scheme}`,
        `editor with the repeat builder (${scheme})`,
      );
      await editor.getByRole("button", { name: "Cancel" }).click();

      const form = quickAdd(page);
      await form.getByRole("button", { name: "Details" }).click();
      await form.getByLabel("Due date").fill(new Date().toISOString().slice(0, 10));
      await form.getByLabel("Repeat", { exact: true }).selectOption("weekdays");
      await form.getByLabel("Reminders", { exact: true }).selectOption({ label: "At due time" });
      await checkScreen(page, `planner-quick-add-${scheme}`, `quick add details (${scheme})`);
      await form.getByRole("button", { name: "Details" }).click();

      // A reminder a few seconds ahead, then the page that will ring it.
      await createTasks(page, [
        {
          title: "Take the bread out",
          dueAt: dueInDays(0),
          reminders: [{ at: new Date(Date.now() + 4_000).toISOString() }],
        },
      ]);
      await page.reload();
      await dashboardReady(page);
      const reminder = page
        .locator("[data-sonner-toast]")
        .filter({ hasText: "Reminder" })
        .filter({ hasText: "Take the bread out" });
      await expect(reminder).toBeVisible({ timeout: 20_000 });
      await page.mouse.move(0, 0);
      await checkScreen(page, `planner-reminder-toast-${scheme}`, `reminder toast (${scheme})`);
      await reminder.getByRole("button", { name: "Dismiss" }).click();
      await expect(reminder).toHaveCount(0);

      // Full-page screenshots of overlays look right from the top of the page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole("button", { name: /^Account:/ }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await checkScreen(page, `planner-account-menu-${scheme}`, `account menu (${scheme})`);
      await page.getByRole("menuitem", { name: "Notifications…" }).click();
      const notifications = page.getByRole("dialog", { name: "Notifications" });
      await expect(notifications).toContainText("Allowed, but");
      await checkScreen(
        page,
        `planner-notifications-${scheme}`,
        `notifications dialog (${scheme})`,
      );
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: /^Account:/ }).click();
      await page.getByRole("menuitem", { name: /Time zone/ }).click();
      await expect(page.getByRole("dialog", { name: "Time zone" })).toBeVisible();
      await checkScreen(page, `planner-time-zone-${scheme}`, `time zone dialog (${scheme})`);
      await page.keyboard.press("Escape");
    });
  });
}
