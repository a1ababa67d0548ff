import { expect, test } from "@playwright/test";
import {
  addTask,
  dashboardReady,
  logIn,
  newUser,
  quickAdd,
  screenshots,
  settled,
  signOut,
  signUp,
} from "./support/app";

/**
 * Sessions that end elsewhere (issue 11): a tab whose session ended goes to the login page with
 * a message, at once for tabs of the same browser, on its next request or within 30 s for a
 * tab in another browser, and its token no longer saves anything.
 */

const SESSION_ENDED = "Your session has ended. Please log in again.";

test("deleting the account sends the browser's other tabs to log in at once", async ({
  context,
}) => {
  const user = newUser("leaver");
  const page = await context.newPage();
  await signUp(page, user);
  await addTask(page, { title: "Soon to be gone" });
  await settled(page);

  const other = await context.newPage();
  await other.goto("/dashboard");
  await dashboardReady(other);

  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Delete account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await dialog.getByLabel("Password").fill("not my password");
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(dialog.getByText("That password is not right.")).toBeVisible();
  await screenshots(page, "dashboard-delete-account");
  await dialog.getByLabel("Password").fill(user.password);
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/$/);

  // The other tab hears it from this one, without doing anything.
  await expect(other).toHaveURL(/\/login\?next=%2Fdashboard&reason=session-ended/);
  await expect(other.getByText(SESSION_ENDED)).toBeVisible();

  await other.getByLabel("Email").fill(user.email);
  await other.getByLabel("Password", { exact: true }).fill(user.password);
  await other.getByRole("button", { name: "Log in" }).click();
  await expect(other.getByText("Incorrect email or password")).toBeVisible();
});

test("signing out in one tab signs the browser's other tabs out too", async ({ context }) => {
  const user = newUser("tabs-out");
  const first = await context.newPage();
  await signUp(first, user);
  const second = await context.newPage();
  await second.goto("/dashboard");
  await dashboardReady(second);

  await signOut(first);
  await expect(second).toHaveURL(/\/login\?next=%2Fdashboard&reason=signed-out/);
  await expect(second.getByText("You signed out in another tab.")).toBeVisible();
  await screenshots(second, "login-signed-out-elsewhere");
});

test("sign out everywhere: a tab in another browser is refused on its next change and sent to log in", async ({
  browser,
}) => {
  const user = newUser("devices");
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const onLaptop = await laptop.newPage();
  const onPhone = await phone.newPage();
  await signUp(onLaptop, user);
  await logIn(onPhone, user);
  await addTask(onPhone, { title: "Written before" });
  await settled(onPhone);

  await onLaptop.getByRole("button", { name: /^Account:/ }).click();
  await onLaptop.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(onLaptop).toHaveURL(/\/login/);

  // The phone's tab still holds an unexpired token; the server refuses it all the same.
  const title = quickAdd(onPhone).getByLabel("New task");
  await title.fill("Written after signing out everywhere");
  await title.press("Enter");
  await expect(onPhone).toHaveURL(/\/login\?next=%2Fdashboard&reason=session-ended/);
  await expect(onPhone.getByText(SESSION_ENDED)).toBeVisible();
  await screenshots(onPhone, "login-session-ended");

  // Nothing was saved: logged in again, only the first task is there.
  await onPhone.getByLabel("Email").fill(user.email);
  await onPhone.getByLabel("Password", { exact: true }).fill(user.password);
  await onPhone.getByRole("button", { name: "Log in" }).click();
  await dashboardReady(onPhone);
  await expect(onPhone.getByText("Written before")).toBeVisible();
  await expect(onPhone.getByText("Written after signing out everywhere")).toHaveCount(0);
  await laptop.close();
  await phone.close();
});

test("sign out everywhere: an idle tab in another browser is sent to log in within 30 s", async ({
  browser,
}) => {
  const user = newUser("idle");
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const onLaptop = await laptop.newPage();
  const onPhone = await phone.newPage();
  await signUp(onLaptop, user);
  // The phone's clock is the test's: 30 s pass at once instead of being waited out.
  await onPhone.clock.install();
  await logIn(onPhone, user);

  await onLaptop.getByRole("button", { name: /^Account:/ }).click();
  await onLaptop.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(onLaptop).toHaveURL(/\/login/);

  await expect(onPhone).toHaveURL(/\/dashboard/);
  await onPhone.clock.fastForward(31_000);
  await expect(onPhone).toHaveURL(/\/login\?next=%2Fdashboard&reason=session-ended/);
  await expect(onPhone.getByText(SESSION_ENDED)).toBeVisible();
  await laptop.close();
  await phone.close();
});
