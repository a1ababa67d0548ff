import { expect, test } from "@playwright/test";
import {
  addTask,
  dateInDays,
  logIn,
  newUser,
  quickAdd,
  screenshots,
  settled,
  signOut,
  signUpWithForm,
  tab,
  taskRow,
  taskRows,
  titleButton,
} from "./support/app";

test("a new user signs up, manages a day's tasks, and finds them again after signing back in", async ({
  page,
}) => {
  const user = newUser("ada");
  await signUpWithForm(page, user);

  await test.step("the empty list invites the first task", async () => {
    await expect(page.getByRole("heading", { name: "Your list is empty" })).toBeVisible();
    await expect(tab(page, "All")).toContainText("0");
    await page.getByRole("button", { name: "Add your first task" }).click();
    await expect(quickAdd(page).getByLabel("New task")).toBeFocused();
  });

  await test.step("three tasks with priority, due date and tags", async () => {
    await addTask(page, {
      title: "Send the quarterly report",
      description: "Numbers from finance are in the shared folder.",
      priority: "high",
      dueDate: dateInDays(0),
      tags: "work, finance",
    });
    await addTask(page, {
      title: "Book dentist appointment",
      priority: "medium",
      dueDate: dateInDays(1),
      tags: "health",
    });
    await addTask(page, { title: "Water the plants", priority: "low", tags: "home" });
    await settled(page);

    const report = taskRow(page, "Send the quarterly report");
    await expect(report).toContainText("Numbers from finance are in the shared folder.");
    await expect(report).toContainText("Today");
    await expect(report).toContainText("High");
    await expect(report).toContainText("#work");
    await expect(report).toContainText("#finance");
    await expect(taskRow(page, "Book dentist appointment")).toContainText("Tomorrow");
    await expect(taskRow(page, "Water the plants")).toContainText("#home");
    await expect(tab(page, "All")).toContainText("3");
    await expect(tab(page, "Active")).toContainText("3");
    await screenshots(page, "journey-three-tasks");
  });

  await test.step("edit one inline", async () => {
    await titleButton(page, "Book dentist appointment").click();
    const editor = page.getByRole("form", { name: /^Edit/ });
    await editor.getByLabel("Title").fill("Book dentist appointment for Friday");
    await editor.getByLabel("Priority").selectOption("high");
    await editor.getByLabel("Tags").fill("health, calls");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect(editor).toHaveCount(0);
    const row = taskRow(page, "Book dentist appointment for Friday");
    await expect(row).toContainText("High");
    await expect(row).toContainText("#calls");
    await settled(page);
  });

  await test.step("complete one", async () => {
    await page.getByRole("checkbox", { name: "Water the plants" }).check();
    await expect(page.getByRole("checkbox", { name: "Water the plants" })).toBeChecked();
    await expect(tab(page, "Completed")).toContainText("1");
    await expect(tab(page, "Active")).toContainText("2");
    await settled(page);
  });

  await test.step("tabs, filters and search, all kept in the URL", async () => {
    await tab(page, "Active").click();
    await expect(page).toHaveURL(/status=active/);
    await expect(taskRows(page)).toHaveCount(2);
    await expect(taskRow(page, "Water the plants")).toHaveCount(0);

    await tab(page, "Completed").click();
    await expect(taskRows(page)).toHaveCount(1);
    await expect(taskRow(page, "Water the plants")).toBeVisible();

    await tab(page, "All").click();
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("menuitemradio", { name: "High" }).click();
    await expect(page).toHaveURL(/priority=high/);
    await expect(taskRows(page)).toHaveCount(2);

    await page.getByLabel("Search tasks").fill("quarterly");
    await expect(page).toHaveURL(/q=quarterly/);
    await expect(taskRows(page)).toHaveCount(1);
    await expect(taskRow(page, "Send the quarterly report")).toBeVisible();

    // A reload (or a shared link) shows the same view.
    await page.reload();
    await expect(page.getByLabel("Search tasks")).toHaveValue("quarterly");
    await expect(taskRows(page)).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Remove filter Priority: High" })).toBeVisible();

    await page.getByRole("button", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(taskRows(page)).toHaveCount(3);
  });

  await test.step("delete, then undo", async () => {
    await taskRow(page, "Water the plants").hover();
    await page.getByRole("button", { name: "Delete “Water the plants”" }).click();
    await expect(taskRow(page, "Water the plants")).toHaveCount(0);
    await expect(tab(page, "All")).toContainText("2");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(taskRow(page, "Water the plants")).toBeVisible();
    await expect(tab(page, "All")).toContainText("3");
  });

  await test.step("bulk complete", async () => {
    await page.getByRole("button", { name: "Select", exact: true }).click();
    await page.getByRole("checkbox", { name: "Select “Send the quarterly report”" }).check();
    await page
      .getByRole("checkbox", { name: "Select “Book dentist appointment for Friday”" })
      .check();
    const selection = page.getByRole("region", { name: "Selection" });
    await expect(selection).toContainText("2 selected");
    await selection.getByRole("button", { name: "Complete" }).click();
    await expect(tab(page, "Completed")).toContainText("3");
    await expect(tab(page, "Active")).toContainText("0");
    await settled(page);
  });

  await test.step("a deletion that is not undone reaches the server", async () => {
    await addTask(page, { title: "Throwaway task" });
    await settled(page);
    await taskRow(page, "Throwaway task").hover();
    await page.getByRole("button", { name: "Delete “Throwaway task”" }).click();
    await expect(taskRow(page, "Throwaway task")).toHaveCount(0);
    // The undo window closes, then the delete is sent.
    await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0, { timeout: 15_000 });
    await settled(page);
  });

  await test.step("a reload keeps everything", async () => {
    await page.reload();
    await expect(taskRows(page)).toHaveCount(3);
    await expect(taskRow(page, "Throwaway task")).toHaveCount(0);
    for (const title of [
      "Send the quarterly report",
      "Book dentist appointment for Friday",
      "Water the plants",
    ]) {
      await expect(page.getByRole("checkbox", { name: title })).toBeChecked();
    }
    await expect(taskRow(page, "Book dentist appointment for Friday")).toContainText("#calls");
  });

  await test.step("clear completed, with undo", async () => {
    await page.getByRole("button", { name: "Clear completed" }).click();
    await expect(taskRows(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(taskRows(page)).toHaveCount(3);
  });

  await test.step("sign out, sign in again, same tasks", async () => {
    await signOut(page);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard|\/login\?next=\/dashboard/);
    await logIn(page, user);
    await expect(taskRows(page)).toHaveCount(3);
    await expect(taskRow(page, "Send the quarterly report")).toContainText("#finance");
  });
});
