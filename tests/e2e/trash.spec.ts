import { expect, type Page, test } from "@playwright/test";
import type { Task } from "@/lib/tasks/model";
import { newUser, settled, showView, signUp, taskRow, titleButton } from "./support/app";
import {
  api,
  checkBothThemes,
  createTasks,
  toastsGone,
  toastWith,
  userId,
} from "./support/planner";

/**
 * The trash in Chromium (issue 14): a task deleted from the list (after its Undo window) is in
 * the trash with its subtask, its project and the days it has left; Restore puts it back in
 * the list with its subtask, and its history in the editor says so; Delete forever asks first;
 * Empty trash empties it. Axe and screenshots, light and dark, phone and desktop.
 */

function trashDialog(page: Page) {
  return page.getByRole("dialog", { name: "Trash" });
}

async function openTrash(page: Page) {
  await page
    .getByRole("navigation", { name: "Lists and projects" })
    .first()
    .getByRole("button", { name: "Trash" })
    .click();
  const dialog = trashDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Waits until the server's trash holds `count` entries (a deletion is sent after its Undo). */
async function trashHolds(page: Page, owner: string, count: number): Promise<void> {
  await expect
    .poll(
      async () =>
        (await api<{ entries: unknown[] }>(page, "GET", `/api/${owner}/trash`)).json.entries.length,
      { timeout: 20_000 },
    )
    .toBe(count);
}

test("a deleted task waits in the trash and comes back with its subtask", async ({ page }) => {
  test.setTimeout(150_000);
  await signUp(page, newUser("trash"));
  const owner = await userId(page);
  const errands = await api<{ id: string }>(page, "POST", `/api/${owner}/projects`, {
    name: "Errands",
  });
  expect(errands.status).toBe(201);
  const [books] = await createTasks(page, [
    { title: "Return the library books", projectId: errands.json.id },
    { title: "Keep this one" },
  ]);
  await createTasks(page, [{ title: "Find the card", parentId: books?.id ?? null }]);
  const [old] = await createTasks(page, [{ title: "An old idea" }]);
  const edited = await api(page, "PUT", `/api/${owner}/tasks/${books?.id}`, {
    title: "Return the library books",
    priority: "high",
  });
  expect(edited.status).toBe(200);
  await page.reload();
  await showView(page, "All");

  // Deleted from the list: the toast says where it went; after the Undo window, the trash has it.
  await taskRow(page, "Return the library books").hover();
  await page.getByRole("button", { name: "Delete “Return the library books”" }).click();
  await expect(taskRow(page, "Return the library books")).toHaveCount(0);
  await expect(toastWith(page, "In the trash for 30 days.")).toBeVisible();
  expect((await api(page, "DELETE", `/api/${owner}/tasks/${old?.id}`)).status).toBe(204);
  await toastsGone(page);
  await trashHolds(page, owner, 2);

  const dialog = await openTrash(page);
  const entry = dialog.getByRole("listitem").filter({ hasText: "Return the library books" });
  await expect(entry).toContainText("in Errands · 1 subtask");
  await expect(entry).toContainText(/30 days left/);
  await expect(dialog.getByRole("listitem")).toHaveCount(2);
  await checkBothThemes(page, "trash", "the trash");

  // Restore: back in the list with its subtask, out of the trash.
  await dialog.getByRole("button", { name: "Restore “Return the library books”" }).click();
  await expect(entry).toHaveCount(0);
  await expect(toastWith(page, "Restored “Return the library books”")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(titleButton(page, "Return the library books")).toBeVisible();
  await expect(titleButton(page, "Find the card")).toBeVisible();
  const restored = await api<Task>(page, "GET", `/api/${owner}/tasks/${books?.id}`);
  expect(restored.json).toMatchObject({ projectId: errands.json.id, position: books?.position });
  await settled(page);
  await toastsGone(page);

  // Its history, in the editor, newest first.
  await titleButton(page, "Return the library books").click();
  const editor = page.getByRole("form", { name: "Edit “Return the library books”" });
  await expect(editor).toBeVisible();
  await editor.getByText("History", { exact: true }).click();
  await expect(editor.getByRole("list", { name: "History" }).getByRole("listitem")).toHaveText([
    /Restored from the trash/,
    /Deleted/,
    /Priority: none → high/,
    /Created/,
  ]);
  await checkBothThemes(page, "task-history", "a task's history in the editor");
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();

  // Delete forever asks first; Empty trash too, and leaves the empty state.
  await openTrash(page);
  await dialog.getByRole("button", { name: "Delete “An old idea” forever" }).click();
  await expect(dialog.getByText("Delete for good?")).toBeVisible();
  await dialog.getByRole("button", { name: "Delete “An old idea” for good" }).click();
  await expect(dialog.getByText("The trash is empty.")).toBeVisible();
  await checkBothThemes(page, "trash-empty", "the empty trash");
  await trashHolds(page, owner, 0);

  expect((await api(page, "DELETE", `/api/${owner}/tasks/${books?.id}`)).status).toBe(204);
  await page.keyboard.press("Escape");
  await openTrash(page);
  await dialog.getByRole("button", { name: "Empty trash…" }).click();
  await dialog.getByRole("button", { name: "Empty trash", exact: true }).click();
  await expect(dialog.getByText("The trash is empty.")).toBeVisible();
  await trashHolds(page, owner, 0);
});
