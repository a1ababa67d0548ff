import { expect, test } from "@playwright/test";
import {
  addTask,
  dashboardReady,
  newUser,
  quickAdd,
  screenshots,
  settled,
  signUp,
  tab,
  taskRow,
  taskRows,
  titleButton,
} from "./support/app";

/**
 * What happens when things go wrong: edits that collide, a server that cannot be reached, and
 * long lists (sessions that end elsewhere: sessions.spec.ts).
 */

test("an edit that collides with another tab's edit is not lost and not overwritten", async ({
  context,
}) => {
  const first = await context.newPage();
  await signUp(first, newUser("tabs"));
  await addTask(first, { title: "Draft the newsletter", priority: "low" });
  await settled(first);

  const second = await context.newPage();
  await second.goto("/dashboard");
  await dashboardReady(second);
  await expect(taskRow(second, "Draft the newsletter")).toBeVisible();

  // Tab one saves first.
  await titleButton(first, "Draft the newsletter").click();
  const editorOne = first.getByRole("form", { name: /^Edit/ });
  await editorOne.getByLabel("Title").fill("Draft the December newsletter");
  await editorOne.getByRole("button", { name: "Save" }).click();
  await settled(first);

  // Tab two still shows the old version and edits it.
  await titleButton(second, "Draft the newsletter").click();
  const editorTwo = second.getByRole("form", { name: /^Edit/ });
  await editorTwo.getByLabel("Title").fill("Draft the newsletter with photos");
  await editorTwo.getByLabel("Priority").selectOption("high");
  await editorTwo.getByRole("button", { name: "Save" }).click();

  const dialog = second.getByRole("dialog", { name: "This task changed elsewhere" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Draft the December newsletter");
  await expect(dialog).toContainText("Draft the newsletter with photos");
  // The list behind the (modal) dialog already shows what the server holds.
  await expect(
    second.locator("[data-task-id]").getByText("Draft the December newsletter", { exact: true }),
  ).toBeVisible();
  await screenshots(second, "dashboard-conflict");

  await test.step("Edit again reopens the editor with the user's text", async () => {
    await dialog.getByRole("button", { name: "Edit again" }).click();
    const reopened = second.getByRole("form", { name: /^Edit/ });
    await expect(reopened.getByLabel("Title")).toHaveValue("Draft the newsletter with photos");
    await expect(reopened.getByLabel("Priority")).toHaveValue("high");
    // Saving now is over the version the user has seen: it goes through.
    await reopened.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(taskRow(second, "Draft the newsletter with photos")).toContainText("High");
    await settled(second);
  });

  await first.reload();
  await expect(taskRow(first, "Draft the newsletter with photos")).toBeVisible();
});

test("when the server cannot be reached, changes roll back with a message and typed text is kept", async ({
  page,
}) => {
  await signUp(page, newUser("offline"));
  await addTask(page, { title: "Existing task" });
  await settled(page);

  // The API is unreachable from here on (auth still answers, so it is not a lost session).
  await page.route(/\/api\/[^/]+\/tasks/, (route) => route.abort("internetdisconnected"));

  await test.step("adding: the row appears, then goes, and the text is back in the box", async () => {
    const title = quickAdd(page).getByLabel("New task");
    await title.fill("Buy oat milk");
    await title.press("Enter");
    await expect(page.getByText("Couldn't add the task")).toBeVisible();
    await expect(
      page.getByText("Can't reach Doable. Check your connection.").first(),
    ).toBeVisible();
    await expect(taskRow(page, "Buy oat milk")).toHaveCount(0);
    await expect(title).toHaveValue("Buy oat milk");
    await expect(tab(page, "All")).toContainText("1");
  });

  await test.step("completing: the tick is undone", async () => {
    // click, not check: the tick is undone as soon as the request fails.
    await page.getByRole("checkbox", { name: "Existing task" }).click();
    await expect(page.getByText("Couldn't update the task")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Existing task" })).not.toBeChecked();
    await expect(tab(page, "Completed")).toContainText("0");
  });

  await test.step("editing: the old title returns and the editor reopens with the new one", async () => {
    await titleButton(page, "Existing task").click();
    const editor = page.getByRole("form", { name: /^Edit/ });
    await editor.getByLabel("Title").fill("Renamed task");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Couldn't save your changes")).toBeVisible();
    await expect(page.getByRole("form", { name: /^Edit/ }).getByLabel("Title")).toHaveValue(
      "Renamed task",
    );
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(titleButton(page, "Existing task")).toBeVisible();
  });
  await screenshots(page, "dashboard-offline-errors");

  await page.unroute(/\/api\/[^/]+\/tasks/);
  await page.reload();
  await dashboardReady(page);
  await expect(taskRows(page)).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "Existing task" })).not.toBeChecked();
});

test("a list longer than a page loads more over the cursor", async ({ page }) => {
  await signUp(page, newUser("long"));
  // Sixty tasks through the API, as the page's own client would send them.
  await page.evaluate(async () => {
    const session = (await (await fetch("/api/auth/get-session")).json()) as {
      user: { id: string };
    };
    const { token } = (await (await fetch("/api/auth/token")).json()) as { token: string };
    for (let i = 1; i <= 60; i++) {
      await fetch(`/api/${session.user.id}/tasks`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ title: `Task number ${String(i).padStart(2, "0")}` }),
      });
    }
  });
  await page.reload();
  await dashboardReady(page);
  await expect(tab(page, "All")).toContainText("60");
  await expect(taskRows(page)).toHaveCount(50);
  await expect(titleButton(page, "Task number 60")).toBeVisible();
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(taskRows(page)).toHaveCount(60);
  await expect(titleButton(page, "Task number 01")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});
