import { expect, type Page, test } from "@playwright/test";
import {
  expectAccessible,
  newUser,
  quickAdd,
  screenshots,
  settled,
  signUp,
  taskRow,
  taskRows,
  titleButton,
} from "./support/app";
import { createTasks, toastWith } from "./support/planner";

/**
 * Organise (issue 13) in Chromium: projects from the sidebar (and its drawer on a phone), quick
 * add's chips sending a task to a project with its date, priority and tag, and the defects the
 * walk found (priority carried over, the time field's width, search by tag, clickable tags).
 */

function sidebar(page: Page) {
  return page.getByRole("navigation", { name: "Lists and projects" }).first();
}

async function newProject(page: Page, name: string, colour: string): Promise<void> {
  await sidebar(page).getByRole("button", { name: "Add a project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("radio", { name: colour }).click();
  await dialog.getByRole("button", { name: "Add project" }).click();
  await expect(dialog).toBeHidden();
  // Creating a project opens it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

/** Types into quick add, waits for the chips, and sends it. */
async function quickAddTyped(page: Page, text: string, chips: RegExp[]): Promise<void> {
  const form = quickAdd(page);
  const title = form.getByLabel("New task");
  await title.fill(text);
  const understood = form.getByRole("list", { name: "Understood from the title" });
  for (const chip of chips) await expect(understood.getByText(chip)).toBeVisible();
  await title.press("Enter");
  await expect(title).toHaveValue("");
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test("projects from the sidebar, quick add into them, chips, archive and delete with undo", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await signUp(page, newUser(`organise-${scheme}`));
      await expect(sidebar(page).getByRole("link", { name: /^Inbox/ })).toBeVisible();

      await newProject(page, "Home", "Green");
      await newProject(page, "Work", "Blue");
      await expect(sidebar(page).getByRole("link", { name: /^Home/ })).toBeVisible();

      // In Work, a typed task with a date, priority, tag and another project's name.
      await quickAddTyped(page, "Call the plumber tomorrow 5pm #errands p1 @Home", [
        /Tomorrow/,
        /Priority 1|High/i,
        /errands/,
        /Home/,
      ]);
      // It went to Home (named), not Work (where it was typed).
      await expect(taskRow(page, "Call the plumber")).toHaveCount(0);
      await quickAddTyped(page, "Write the quarterly report", []);
      await expect(taskRow(page, "Write the quarterly report")).toBeVisible();
      await settled(page);

      await sidebar(page).getByRole("link", { name: /^Home/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home");
      const plumber = taskRow(page, "Call the plumber");
      await expect(plumber).toBeVisible();
      await expect(plumber).toContainText("errands");
      await expect(plumber).toContainText(/Tomorrow/);
      await expect(plumber).toContainText(/High/i);
      // The open counts follow.
      await expect(sidebar(page).getByRole("link", { name: /^Home\s*1 open/ })).toBeVisible();

      await expectAccessible(page, `a project (${scheme})`);
      await screenshots(page, `organise-project-${scheme}`);

      // A chip removed keeps its words in the title.
      const title = quickAdd(page).getByLabel("New task");
      await title.fill("Read The 5th Wave tomorrow");
      await quickAdd(page)
        .getByRole("button", { name: /^Remove .*Tomorrow/i })
        .click();
      const chipList = quickAdd(page).getByRole("list", { name: "Understood from the title" });
      await expect(chipList.getByText(/Tomorrow/)).toHaveCount(0);
      await screenshots(page, `organise-quick-add-${scheme}`);
      await title.press("Enter");
      await expect(taskRow(page, "Read The 5th Wave tomorrow")).toBeVisible();
      await expect(taskRow(page, "Read The 5th Wave tomorrow")).not.toContainText(/Tomorrow,/);

      // Archive Work: gone from the sidebar's projects, back with Undo.
      await sidebar(page).getByRole("button", { name: "More for “Work”" }).click();
      await page.getByRole("menuitem", { name: "Archive" }).click();
      await toastWith(page, "Archived “Work”").getByRole("button", { name: "Undo" }).click();
      await expect(sidebar(page).getByRole("link", { name: /^Work/ })).toBeVisible();

      // Delete Home, its tasks to the Inbox. (The toasts gone first: axe would catch one fading.)
      await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 20_000 });
      await sidebar(page).getByRole("button", { name: "More for “Home”" }).click();
      await page.getByRole("menuitem", { name: "Delete…" }).click();
      const confirm = page.getByRole("dialog", { name: "Delete “Home”?" });
      await expectAccessible(page, `the delete-project dialog (${scheme})`);
      await screenshots(page, `organise-delete-project-${scheme}`);
      await confirm.getByRole("radio", { name: /Move them to the Inbox/ }).check();
      await confirm.getByRole("button", { name: /^Delete/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inbox");
      await expect(sidebar(page).getByRole("link", { name: /^Home/ })).toHaveCount(0);
      // After the undo window, the tasks are in the Inbox.
      await expect(taskRow(page, "Call the plumber")).toBeVisible({ timeout: 15_000 });
    });

    test("the sidebar is a drawer on a phone", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signUp(page, newUser(`drawer-${scheme}`));
      await expect(page.getByRole("navigation", { name: "Lists and projects" })).toBeHidden();
      await page.getByRole("button", { name: /lists and projects/i }).click();
      const drawer = page.getByRole("dialog", { name: "Lists and projects" });
      await expect(drawer).toBeVisible();
      await expectAccessible(page, `the drawer (${scheme})`);
      await page.screenshot({
        path: `${process.env.E2E_RESULTS_DIR ?? "test-results"}/screenshots/organise-drawer-${scheme}-phone.png`,
      });
      await drawer.getByRole("link", { name: /^Inbox/ }).click();
      await expect(drawer).toBeHidden();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inbox");
      await expect(taskRows(page)).toHaveCount(0);
    });
  });
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`manual order, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test("manual order by drag and by keyboard, kept after a reload; subtasks with progress", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await signUp(page, newUser(`order-${scheme}`));
      await newProject(page, "Garden", "Teal");
      for (const title of ["Dig the bed", "Buy seeds", "Sow the seeds"]) {
        await quickAddTyped(page, title, []);
        await expect(taskRow(page, title)).toBeVisible();
      }
      await settled(page);
      const order = () =>
        page.locator("[data-task-list] li[data-task-id]:not([data-subtask]) [data-task-title]");
      await expect(order()).toHaveText(["Dig the bed", "Buy seeds", "Sow the seeds"]);

      // Keyboard: Alt+Down on a focused title, announced.
      await titleButton(page, "Dig the bed").focus();
      await page.keyboard.press("Alt+ArrowDown");
      await expect(page.locator('[data-task-list] p[aria-live="polite"]')).toHaveText(
        "Moved “Dig the bed” to position 2 of 3",
      );
      await expect(order()).toHaveText(["Buy seeds", "Dig the bed", "Sow the seeds"]);
      await expect(titleButton(page, "Dig the bed")).toBeFocused();

      // Drag: "Sow the seeds" by its handle above "Buy seeds".
      const handle = page.getByRole("button", { name: "Reorder “Sow the seeds”" });
      await expect(handle).toBeVisible();
      const from = await handle.boundingBox();
      const to = await taskRow(page, "Buy seeds").boundingBox();
      if (!from || !to) throw new Error("rows not laid out");
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 3 });
      await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 12 });
      await page.mouse.up();
      await expect(order()).toHaveText(["Sow the seeds", "Buy seeds", "Dig the bed"]);
      await settled(page);

      // The order is the server's: a reload keeps it.
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Garden");
      await expect(order()).toHaveText(["Sow the seeds", "Buy seeds", "Dig the bed"]);

      // Subtasks: added inline, counted, folded, completed with the parent.
      await page.getByRole("button", { name: "Add a subtask to “Dig the bed”" }).click();
      const field = page.getByLabel("New subtask of “Dig the bed”");
      // Typed one after the other without waiting: neither is lost.
      for (const title of ["Remove the weeds", "Add compost"]) {
        await field.fill(title);
        await field.press("Enter");
      }
      for (const title of ["Remove the weeds", "Add compost"]) {
        await expect(page.locator("li[data-subtask]").filter({ hasText: title })).toBeVisible();
      }
      await field.press("Escape");
      const parent = taskRow(page, "Dig the bed").first();
      const progress = parent.locator("button[data-subtask-progress]");
      await expect(progress).toHaveText(/0\/2/);
      await settled(page);
      await page
        .locator("li[data-subtask]")
        .filter({ hasText: "Remove the weeds" })
        .getByRole("checkbox")
        .click();
      await expect(progress).toHaveText(/1\/2/);
      // The sidebar's open count follows once the server has the change.
      await expect(sidebar(page).getByRole("link", { name: /^Garden\s*4 open/ })).toBeVisible();
      await expectAccessible(page, `a project with subtasks (${scheme})`);
      await screenshots(page, `organise-subtasks-${scheme}`);

      await progress.click();
      await expect(progress).toHaveAttribute("aria-expanded", "false");
      await expect(page.locator("li[data-subtask]")).toHaveCount(0);
      await progress.click();
      await expect(page.locator("li[data-subtask]")).toHaveCount(2);

      await parent.locator("input[data-task-done]").first().click();
      const dialog = page.getByRole("dialog", { name: "Complete 1 open subtask too?" });
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `the complete-subtasks dialog (${scheme})`);
      await screenshots(page, `organise-complete-subtasks-${scheme}`);
      await dialog.getByRole("button", { name: "Complete all" }).click();
      await expect(toastWith(page, "Completed “Dig the bed” and 1 subtask")).toBeVisible();
      await settled(page);
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Garden");
      await expect(
        taskRow(page, "Dig the bed").first().locator("[data-subtask-progress]"),
      ).toHaveText(/2\/2/);
    });
  });
}

test("editor defects: priority does not carry over, search finds tags, a row's tag filters", async ({
  page,
}) => {
  await signUp(page, newUser("defects"));
  const form = quickAdd(page);
  await form.getByRole("button", { name: "Details" }).click();
  await form.getByLabel("Priority").selectOption("high");
  await form.getByLabel("New task").fill("Urgent thing");
  await form.getByLabel("New task").press("Enter");
  await expect(taskRow(page, "Urgent thing")).toContainText(/High/i);
  await expect(form.getByLabel("Priority")).toHaveValue("none");
  await form.getByLabel("Tags").fill("garden");
  await form.getByLabel("New task").fill("Plain thing");
  await form.getByLabel("New task").press("Enter");
  await expect(taskRow(page, "Plain thing")).not.toContainText(/High/i);
  await settled(page);

  // The time field shows all of "05:00 PM".
  await form.getByLabel("Due date").fill("2030-01-01");
  const time = form.getByLabel("Due time (optional)");
  await time.fill("17:00");
  const fits = await time.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits).toBe(true);

  // Search matches tags; a row's tag is a filter.
  await page.getByRole("searchbox").fill("garden");
  await expect(taskRow(page, "Plain thing")).toBeVisible();
  await expect(taskRow(page, "Urgent thing")).toHaveCount(0);
  await page.getByRole("searchbox").fill("");
  await taskRow(page, "Plain thing")
    .getByRole("button", { name: "Show tasks tagged garden" })
    .click();
  await expect(taskRow(page, "Urgent thing")).toHaveCount(0);
  await expect(taskRow(page, "Plain thing")).toBeVisible();

  // The description box grows with its text (on a phone too), up to its cap.
  await page.setViewportSize({ width: 390, height: 844 });
  const description = form.getByLabel("Description");
  const empty = await description.evaluate((el) => el.getBoundingClientRect().height);
  await description.fill("one\ntwo\nthree\nfour\nfive\nsix");
  await expect
    .poll(() => description.evaluate((el) => el.getBoundingClientRect().height))
    .toBeGreaterThan(empty + 40);
  await description.fill("");
  await page.setViewportSize({ width: 1440, height: 900 });

  // The selection bar stays in view however long the list.
  await createTasks(
    page,
    Array.from({ length: 30 }, (_, i) => ({ title: `Filler ${i + 1}` })),
  );
  await page.goto("/dashboard?view=all");
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const bar = page.getByRole("region", { name: "Selection" });
  await expect(bar).toBeInViewport();
  await page.mouse.wheel(0, 4000);
  await expect(bar).toBeInViewport();
  await page.getByRole("checkbox", { name: "Select “Filler 1”" }).check();
  await expect(bar).toContainText("1 selected");
  await bar.getByRole("button", { name: "Cancel" }).click();

  // Right-to-left titles lay out right to left.
  await page.goto("/dashboard?view=all");
  await form.getByLabel("New task").fill("לקנות חלב");
  await form.getByLabel("New task").press("Enter");
  await settled(page);
  const title = titleButton(page, "לקנות חלב").locator('xpath=descendant-or-self::*[@dir="auto"]');
  expect(await title.first().evaluate((el) => el.matches(":dir(rtl)"))).toBe(true);
});
