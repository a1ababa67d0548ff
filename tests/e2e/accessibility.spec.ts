import { expect, test } from "@playwright/test";
import {
  addTask,
  dateInDays,
  expectAccessible,
  newUser,
  screenshots,
  settled,
  signUp,
  taskRows,
  titleButton,
} from "./support/app";

/**
 * axe on every page, in the light and the dark theme (following the system setting), with a
 * phone and a desktop screenshot of each state saved under test-results/screenshots/.
 */
for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test("public pages", async ({ page }) => {
      for (const [path, name] of [
        ["/", "landing"],
        ["/signup", "signup"],
        ["/login", "login"],
        ["/login?next=%2Fdashboard&reason=session-ended", "login-session-ended"],
        ["/forgot-password", "forgot-password"],
        ["/reset-password?token=e2e-sample-token", "reset-password"],
        ["/no-such-page", "not-found"],
      ] as const) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(name === "not-found" ? 404 : 200);
        await expectAccessible(page, `${path} (${scheme})`);
        await screenshots(page, `${name}-${scheme}`);
      }

      // A field error on the login form, as a user would meet it.
      await page.goto("/login");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByText("Email is required")).toBeVisible();
      await expectAccessible(page, `/login with errors (${scheme})`);
      await screenshots(page, `login-errors-${scheme}`);
    });

    test("dashboard, empty and filled", async ({ page }) => {
      await signUp(page, newUser(`axe-${scheme}`));
      await expect(page.getByRole("heading", { name: "Your list is empty" })).toBeVisible();
      await expectAccessible(page, `empty dashboard (${scheme})`);
      await screenshots(page, `dashboard-empty-${scheme}`);

      await addTask(page, {
        title: "Renew passport",
        priority: "high",
        dueDate: dateInDays(-2),
        tags: "errands",
      });
      await addTask(page, {
        title: "Send the quarterly report",
        description: "Numbers from finance are in the shared folder.\nCheck the Q3 totals twice.",
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
      await addTask(page, {
        title: "Plan the weekend hike",
        priority: "low",
        dueDate: dateInDays(4),
        tags: "fun",
      });
      await addTask(page, {
        title: "Read “The Design of Everyday Things”",
        dueDate: dateInDays(40),
      });
      await addTask(page, { title: "Water the plants", tags: "home" });
      await page.getByRole("button", { name: "Details" }).click();
      await page.getByRole("checkbox", { name: "Water the plants" }).check();
      await settled(page);
      await expect(taskRows(page)).toHaveCount(6);
      await page.mouse.move(0, 0);
      await expectAccessible(page, `filled dashboard (${scheme})`);
      await screenshots(page, `dashboard-filled-${scheme}`);

      await titleButton(page, "Book dentist appointment").click();
      await expect(page.getByRole("form", { name: /^Edit/ })).toBeVisible();
      await expectAccessible(page, `editing a task (${scheme})`);
      await screenshots(page, `dashboard-editing-${scheme}`);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "Select", exact: true }).click();
      await page.getByRole("checkbox", { name: "Select “Renew passport”" }).check();
      await expectAccessible(page, `selecting tasks (${scheme})`);
      await screenshots(page, `dashboard-selecting-${scheme}`);
      await page.getByRole("button", { name: "Cancel" }).click();

      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectAccessible(page, `filter menu (${scheme})`);
      await screenshots(page, `dashboard-filter-menu-${scheme}`);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: /^Account:/ }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await screenshots(page, `dashboard-account-menu-${scheme}`);
      await page.keyboard.press("Escape");

      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectAccessible(page, `shortcuts dialog (${scheme})`);
      await screenshots(page, `dashboard-shortcuts-${scheme}`);
      await page.keyboard.press("Escape");
    });
  });
}

test("the theme menu overrides the system setting and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await page.getByRole("button", { name: /^Theme:/ }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  // The server renders the choice, so there is no flash of the light theme.
  await expect(page.locator("html")).toHaveClass(/dark/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");

  await page.getByRole("button", { name: /^Theme:/ }).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});
