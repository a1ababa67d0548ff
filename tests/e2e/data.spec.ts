import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { DOABLE_CSV_COLUMNS, type ExportDocument } from "@/lib/transfer/model";
import {
  newUser,
  settled,
  showView,
  signOut,
  signUp,
  taskRow,
  taskRows,
  titleButton,
  viewButton,
} from "./support/app";
import {
  api,
  checkBothThemes,
  checkScreen,
  createTasks,
  toastsGone,
  toastWith,
  userId,
} from "./support/planner";

/**
 * Export and import in Chromium (issue 14): the account menu's export downloads a file that
 * holds the account's tasks; that file imported into a new account shows its preview and then
 * the same tasks; a 5 000-row import shows its progress bar; row problems are listed; axe and
 * screenshots of the dialog, light and dark, phone and desktop.
 */

function accountMenuItem(page: Page, name: string) {
  return page.getByRole("menuitem", { name, exact: true });
}

async function openAccountMenu(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Account:/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
}

function importDialog(page: Page) {
  return page.getByRole("dialog", { name: "Import tasks" });
}

async function openImport(page: Page) {
  await openAccountMenu(page);
  await accountMenuItem(page, "Import tasks…").click();
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function chooseFile(page: Page, name: string, text: string, mimeType: string) {
  await importDialog(page)
    .getByLabel("Choose a file")
    .setInputFiles({ name, mimeType, buffer: Buffer.from(text, "utf8") });
}

/** The count shown under a label of the preview ("Tasks" → "2"). */
function count(page: Page, label: string) {
  return importDialog(page)
    .locator("dl > div")
    .filter({ has: page.locator("dt").getByText(label, { exact: true }) })
    .locator("dd");
}

/** A Doable CSV of `rows`, each a partial row by column name. */
function doableCsv(rows: Partial<Record<(typeof DOABLE_CSV_COLUMNS)[number], string>>[]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = rows.map((row) => DOABLE_CSV_COLUMNS.map((c) => cell(row[c] ?? "")).join(","));
  return `${DOABLE_CSV_COLUMNS.join(",")}\n${lines.join("\n")}\n`;
}

test("export downloads the account's tasks; imported into a new account, the same tasks", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signUp(page, newUser("export"));
  const owner = await userId(page);
  const garden = await api<{ id: string }>(page, "POST", `/api/${owner}/projects`, {
    name: "Garden",
    color: "green",
  });
  expect(garden.status).toBe(201);
  const [water] = await createTasks(page, [
    { title: "Water the tomatoes", projectId: garden.json.id, tags: ["outside"] },
    { title: "Call the bank, about the “loan”", priority: "high" },
  ]);
  await createTasks(page, [
    { title: "Buy seeds", projectId: garden.json.id, parentId: water?.id ?? null },
  ]);
  await page.reload();
  await showView(page, "All");

  // JSON: a download named by the server, holding every task.
  await openAccountMenu(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    accountMenuItem(page, "Export my data (JSON)").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^doable-export-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), "utf8");
  const exported = JSON.parse(text) as ExportDocument;
  expect(exported).toMatchObject({ format: "doable", version: 1 });
  expect(exported.projects.map((p) => p.name)).toEqual(["Garden"]);
  expect(exported.tasks.map((t) => t.title).sort()).toEqual(
    ["Buy seeds", "Call the bank, about the “loan”", "Water the tomatoes"].sort(),
  );
  await expect(toastWith(page, "Export downloaded")).toBeVisible();

  // CSV: Doable's header, the same tasks.
  await openAccountMenu(page);
  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    accountMenuItem(page, "Export my data (CSV)").click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^doable-export-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await csvDownload.path(), "utf8")).replace(/^\uFEFF/, "");
  expect(csv.split(/\r?\n/)[0]).toBe(DOABLE_CSV_COLUMNS.join(","));
  expect(csv).toContain("Water the tomatoes");
  expect(csv).toContain('"Call the bank, about the “loan”"');
  await toastsGone(page);

  // Into a new account: the preview, then the tasks in the list without a reload.
  await signOut(page);
  await signUp(page, newUser("import"));
  await showView(page, "All");
  await expect(taskRow(page, "Water the tomatoes")).toHaveCount(0);
  const dialog = await openImport(page);
  await expect(dialog.getByLabel("Choose a file")).toBeFocused();
  await chooseFile(page, download.suggestedFilename(), text, "application/json");
  await expect(dialog.getByRole("status")).toHaveText(
    "Ready to import 1 project, 2 tasks and 1 subtask.",
  );
  await expect(count(page, "Projects")).toHaveText("1");
  await expect(count(page, "Tasks")).toHaveText("2");
  await expect(count(page, "Subtasks")).toHaveText("1");
  await expect(count(page, "Skipped as duplicates")).toHaveText("0");
  await expect(dialog).toContainText("Doable export (JSON)");
  await expect(dialog.getByRole("button", { name: "Import" })).toBeFocused();
  await checkBothThemes(page, "import-preview", "the import preview");

  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Imported 1 project, 2 tasks and 1 subtask.");
  await expect(dialog.getByRole("button", { name: "Done" })).toBeFocused();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(titleButton(page, "Water the tomatoes")).toBeVisible();
  await expect(titleButton(page, "Call the bank, about the “loan”")).toBeVisible();
  // The views' counts were read again too.
  await expect(viewButton(page, "All")).toHaveText(/All\D*[1-9]/);
  await expect(
    page
      .getByRole("navigation", { name: "Lists and projects" })
      .first()
      .getByRole("link", {
        name: /^Garden/,
      }),
  ).toBeVisible();
  await settled(page);

  // The same file again adds nothing.
  await openImport(page);
  await chooseFile(page, download.suggestedFilename(), text, "application/json");
  await expect(count(page, "Skipped as duplicates")).toHaveText("4");
  await expect(dialog).toContainText("nothing to import");
  await expect(dialog.getByRole("button", { name: "Import" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("rows that cannot be read are listed, and a file that is no export is said so", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newUser("import-errors"));
  const rows = [
    { type: "task", id: randomUUID(), title: "A good row" },
    { type: "task", id: randomUUID(), title: "" },
    { type: "task", id: randomUUID(), title: "Urgent?", priority: "urgent" },
    ...Array.from({ length: 120 }, (_, i) => ({
      type: "task",
      id: randomUUID(),
      title: `Bad date ${i + 1}`,
      dueAt: "next tuesday",
    })),
  ];
  const dialog = await openImport(page);
  await chooseFile(page, "broken.csv", doableCsv(rows), "text/csv");
  const problems = dialog.getByRole("region", { name: /cannot be imported/ });
  await expect(dialog.getByRole("heading", { name: "122 rows cannot be imported" })).toBeVisible();
  await expect(problems.getByRole("listitem").first()).toContainText("Row 3");
  await expect(problems).toContainText("Row 4");
  await expect(problems.getByRole("listitem")).toHaveCount(100);
  await expect(problems).toContainText("and 22 more");
  await expect(dialog.getByRole("button", { name: "Import" })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Choose another file" })).toBeFocused();
  await checkBothThemes(page, "import-row-errors", "the import's row problems");

  await dialog.getByRole("button", { name: "Choose another file" }).click();
  await chooseFile(page, "notes.txt", "just some notes\nnothing more", "text/plain");
  await expect(dialog.getByRole("alert")).toContainText("not a file Doable can import");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("a 5 000-row import shows its progress bar, then the summary and the tasks", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, newUser("import-bulk"));
  await showView(page, "All");
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    type: "task",
    id: randomUUID(),
    title: `Bulk task ${i + 1}`,
    description: "Imported to see the progress bar while the file goes up and is written.",
    tags: '["bulk"]',
  }));
  const dialog = await openImport(page);
  await chooseFile(page, "bulk.csv", doableCsv(rows), "text/csv");
  await expect(count(page, "Tasks")).toHaveText("5,000", { timeout: 30_000 });

  // A slower upload, so that the bar is seen moving as a person on a real line would see it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  });
  await dialog.getByRole("button", { name: "Import" }).click();
  const bar = dialog.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(dialog.getByRole("status")).toHaveText(/Sending the file… \d+%|Importing…/);
  await expect(dialog.getByRole("status")).toHaveText("Imported 5,000 tasks.", {
    timeout: 60_000,
  });
  await expect(bar).toBeHidden();
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(viewButton(page, "All")).toContainText(/5,?000/);
  // Rows without createdAt all get the import's moment, so their order among themselves is open.
  await expect(taskRows(page).first()).toContainText(/Bulk task \d+/);
});

test("the calendar feed: turned on from the account menu, read without a session, regenerated", async ({
  page,
  playwright,
}) => {
  await signUp(page, newUser("calendar"));
  await createTasks(page, [
    { title: "Dentist appointment", dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
  ]);
  await openAccountMenu(page);
  await accountMenuItem(page, "Calendar feed…").click();
  const dialog = page.getByRole("dialog", { name: "Calendar feed" });
  await dialog.getByRole("button", { name: "Turn on" }).click();
  const address = dialog.getByLabel("Feed address");
  await expect(address).toHaveValue(/\/api\/calendar\/.+\.ics$/);
  const first = await address.inputValue();
  await checkScreen(page, "calendar-feed", "the calendar feed dialog");

  // A calendar app has no cookie and no token: a fresh context.
  const calendarApp = await playwright.request.newContext();
  const feed = await calendarApp.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(await feed.text()).toContain("SUMMARY:Dentist appointment");

  await dialog.getByRole("button", { name: "Regenerate" }).click();
  await dialog
    .getByRole("group", { name: "Confirm Regenerate" })
    .getByRole("button", { name: "Regenerate" })
    .click();
  await expect(address).not.toHaveValue(first);
  expect((await calendarApp.get(first)).status()).toBe(404);
  await calendarApp.dispose();
});
