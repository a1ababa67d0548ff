import { expect, type Page, test } from "@playwright/test";
import {
  addTask,
  dashboardReady,
  dateInDays,
  newUser,
  quickAdd,
  settled,
  signUp,
  signUpWithForm,
  taskRow,
  titleButton,
} from "./support/app";
import { api, createTasks, dueInDays, toastWith, userId } from "./support/planner";

/** The in-app reminder (a toast of its own) for a task. */
function reminderToast(page: Page, title: string) {
  return page
    .locator("[data-sonner-toast]")
    .filter({ hasText: "Reminder" })
    .filter({ hasText: title });
}

test("reminders are set in the editor: presets, a custom time, at most five", async ({ page }) => {
  await signUp(page, newUser("reminders"));
  await addTask(page, { title: "Submit the tax return", dueDate: dateInDays(2) });
  await settled(page);
  await titleButton(page, "Submit the tax return").click();
  const editor = page.getByRole("form", { name: /^Edit/ });
  // A day without a time: the reminders count from 09:00, and the editor says so.
  await expect(editor.getByText("reminders count back from 09:00 on the due day")).toBeVisible();
  const add = editor.getByLabel("Reminders", { exact: true });
  await add.selectOption({ label: "1 day before" });
  await add.selectOption({ label: "15 minutes before" });
  const chips = editor.getByRole("list", { name: "Chosen reminders" });
  await expect(chips.getByRole("listitem")).toHaveText(["1 day before", "15 min before"]);
  await add.selectOption({ label: "Date and time…" });
  await editor.getByLabel("Reminder date and time").fill(`${dateInDays(1)}T18:30`);
  await editor.getByRole("button", { name: "Add", exact: true }).click();
  await expect(chips.getByRole("listitem")).toHaveCount(3);
  await editor.getByRole("button", { name: "Remove reminder 15 min before" }).click();
  await expect(chips.getByRole("listitem")).toHaveCount(2);
  await editor.getByRole("button", { name: "Save" }).click();
  await settled(page);
  // The row shows the next reminder: one day before 09:00 on the due day, i.e. tomorrow 09:00,
  // before the custom one at 18:30.
  await expect(taskRow(page, "Submit the tax return")).toContainText(/Tomorrow 9:00/);

  await titleButton(page, "Submit the tax return").click();
  const again = page.getByRole("form", { name: /^Edit/ });
  for (const label of ["At due time", "5 minutes before", "1 hour before"]) {
    await again.getByLabel("Reminders", { exact: true }).selectOption({ label });
  }
  await expect(
    again.getByRole("list", { name: "Chosen reminders" }).getByRole("listitem"),
  ).toHaveCount(5);
  await expect(again.getByLabel("Reminders", { exact: true })).toBeDisabled();
  await expect(again.getByText("That's the most one task can have (5).")).toBeVisible();
  await again.getByRole("button", { name: "Cancel" }).click();
});

test.describe("with notifications allowed", () => {
  test.use({ permissions: ["notifications"] });

  test("a reminder coming due in the open tab shows Complete and Snooze", async ({ page }) => {
    await signUp(page, newUser("ring"));
    const soon = new Date(Date.now() + 6_000).toISOString();
    await createTasks(page, [
      { title: "Take the cake out", dueAt: dueInDays(0), reminders: [{ at: soon }] },
      { title: "Stretch your legs", dueAt: dueInDays(0), reminders: [{ at: soon }] },
    ]);
    await page.reload();
    await dashboardReady(page);
    await expect(taskRow(page, "Take the cake out")).toBeVisible();

    const cake = reminderToast(page, "Take the cake out");
    await expect(cake).toBeVisible({ timeout: 20_000 });
    await expect(cake.getByRole("button", { name: "Complete" })).toBeVisible();
    await cake.getByRole("button", { name: "Snooze 10 min" }).click();
    await expect(toastWith(page, "Snoozed for 10 minutes")).toBeVisible();
    await expect(cake).toHaveCount(0);

    const legs = reminderToast(page, "Stretch your legs");
    await expect(legs).toBeVisible();
    await legs.getByRole("button", { name: "Complete" }).click();
    await expect(page.getByRole("checkbox", { name: "Stretch your legs" })).toBeChecked();
    await settled(page);

    // Shown once: a reload does not ring again.
    await page.reload();
    await dashboardReady(page);
    await page.waitForTimeout(1_500);
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Reminder" })).toHaveCount(
      0,
    );
  });

  test("the service worker takes pushes: a toast in a visible tab, a notification otherwise", async ({
    page,
    context,
    baseURL,
  }) => {
    await signUp(page, newUser("push"));
    const [task] = await createTasks(page, [{ title: "Water the tomatoes", dueAt: dueInDays(0) }]);
    const uid = await userId(page);
    const cdp = await context.newCDPSession(page);
    const registrations = new Map<string, string>();
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: list }) => {
      for (const r of list) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
    });
    await cdp.send("ServiceWorker.enable");

    await page.evaluate(async () => {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
    });
    const origin = new URL(baseURL ?? page.url()).origin;
    await expect.poll(() => registrations.get(`${origin}/`)).toBeTruthy();
    const registrationId = registrations.get(`${origin}/`) ?? "";
    const push = (title: string) =>
      cdp.send("ServiceWorker.deliverPushMessage", {
        origin,
        registrationId,
        data: JSON.stringify({
          type: "reminder",
          taskId: task?.id,
          userId: uid,
          title,
          body: "Due today",
          dueAt: task?.dueAt ?? null,
          url: `/dashboard?task=${task?.id}`,
        }),
      });

    await test.step("a visible dashboard shows the reminder itself", async () => {
      await page.reload();
      await dashboardReady(page);
      await push("Water the tomatoes");
      await expect(reminderToast(page, "Water the tomatoes")).toBeVisible();
      await expect(reminderToast(page, "Water the tomatoes")).toContainText("Due today");
    });

    await test.step("with no tab of the site open, the system shows a notification", async () => {
      await page.goto("about:blank");
      await push("Water the tomatoes (closed tab)");
      await page.goto("/api/health");
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration("/");
            const shown = (await registration?.getNotifications()) ?? [];
            return shown.map((n) => n.title);
          }),
        )
        .toContain("Water the tomatoes (closed tab)");
    });

    await test.step("a click on a notification focuses the tab, which opens the task", async () => {
      await page.goto("/dashboard");
      await dashboardReady(page);
      // What the worker posts to the dashboard it focused (public/sw.js, openTask).
      await expect
        .poll(() =>
          page.evaluate((taskId) => {
            navigator.serviceWorker.dispatchEvent(
              new MessageEvent("message", { data: { type: "doable-open-task", taskId } }),
            );
            return document.querySelector("[data-editing]") !== null;
          }, task?.id),
        )
        .toBe(true);
      await expect(page.getByRole("form", { name: "Edit “Water the tomatoes”" })).toBeVisible();
      await page.keyboard.press("Escape");
    });

    await test.step("the notification's page opens the task in the editor", async () => {
      await page.goto(`/dashboard?task=${task?.id}`);
      const editor = page.getByRole("form", { name: "Edit “Water the tomatoes”" });
      await expect(editor).toBeVisible();
      await expect(editor.getByLabel("Title")).toBeFocused();
      await expect(page).toHaveURL(/\/dashboard$/);
    });
  });
});

test("the account menu: time zone, e-mail reminders and the notifications dialog", async ({
  page,
}) => {
  await signUpWithForm(page, newUser("settings"));
  const account = page.getByRole("button", { name: /^Account:/ });

  await test.step("sign-up stored the browser's zone; another one is saved", async () => {
    await account.click();
    await expect(page.getByRole("menuitem", { name: /Time zone/ })).toContainText("UTC");
    await page.getByRole("menuitem", { name: /Time zone/ }).click();
    const dialog = page.getByRole("dialog", { name: "Time zone" });
    await expect(dialog).toContainText("This browser is in UTC too.");
    await dialog.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toHaveCount(0);
    await page.reload();
    await dashboardReady(page);
    await account.click();
    await expect(page.getByRole("menuitem", { name: /Time zone/ })).toContainText("Asia/Tokyo");
    await page.getByRole("menuitem", { name: /Time zone/ }).click();
    const again = page.getByRole("dialog", { name: "Time zone" });
    await again.getByRole("button", { name: "Use this browser’s zone" }).click();
    await expect(again).toHaveCount(0);
    await account.click();
    await expect(page.getByRole("menuitem", { name: /Time zone/ })).toContainText("UTC");
    await page.keyboard.press("Escape");
  });

  await test.step("e-mail reminders: a toggle kept on the account", async () => {
    await account.click();
    const email = page.getByRole("menuitemcheckbox", { name: "E-mail reminders" });
    await expect(email).toHaveAttribute("aria-checked", "false");
    await email.click();
    await expect(email).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Escape");
    await page.reload();
    await dashboardReady(page);
    await account.click();
    await expect(page.getByRole("menuitemcheckbox", { name: "E-mail reminders" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await page.keyboard.press("Escape");
  });

  await test.step("notifications: not asked yet, with a button to turn them on", async () => {
    await account.click();
    await page.getByRole("menuitem", { name: "Notifications…" }).click();
    const dialog = page.getByRole("dialog", { name: "Notifications" });
    await expect(dialog).toContainText("Not turned on yet.");
    await expect(dialog.getByRole("button", { name: "Turn on notifications" })).toBeVisible();
    await expect(dialog).toContainText("No device receives your reminders yet.");
    await expect(dialog.getByRole("button", { name: "Send a test notification" })).toBeDisabled();
    await page.keyboard.press("Escape");
  });
  await expect(quickAdd(page)).toBeVisible();
});

test.describe("with notifications blocked", () => {
  test("the dialog says how to unblock them", async ({ page, context }) => {
    await signUp(page, newUser("blocked"));
    await context.clearPermissions();
    await page.addInitScript(() => {
      Object.defineProperty(Notification, "permission", { get: () => "denied" });
    });
    await page.reload();
    await dashboardReady(page);
    await page.getByRole("button", { name: /^Account:/ }).click();
    await page.getByRole("menuitem", { name: "Notifications…" }).click();
    const dialog = page.getByRole("dialog", { name: "Notifications" });
    await expect(dialog).toContainText("Notifications are blocked for this site.");
    await expect(dialog).toContainText("site settings");
    await expect(dialog.getByRole("button", { name: "Turn on notifications" })).toHaveCount(0);
  });
});

test.describe("a subscribed device", () => {
  test.use({ permissions: ["notifications"] });

  test("turning on subscribes this browser; devices are listed and removed with Undo", async ({
    page,
  }) => {
    // The browser's push service is out of reach here: a stand-in subscription, with a real
    // P-256 key so the server accepts it, on an endpoint that never answers.
    await page.addInitScript(() => {
      let current: PushSubscription | null = null;
      PushManager.prototype.getSubscription = async () => current;
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        const pair = await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, [
          "deriveBits",
        ]);
        const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
        const b64 = (bytes: Uint8Array) =>
          btoa(String.fromCharCode(...bytes))
            .replace(/\+/g, "-")
            .replace(/\//g, "_")
            .replace(/=+$/, "");
        const json = {
          endpoint: `https://push.example.invalid/send/${crypto.randomUUID()}`,
          expirationTime: null,
          keys: { p256dh: b64(raw), auth: b64(crypto.getRandomValues(new Uint8Array(16))) },
        };
        current = {
          endpoint: json.endpoint,
          options: { applicationServerKey: options?.applicationServerKey ?? null },
          toJSON: () => json,
          unsubscribe: async () => {
            current = null;
            return true;
          },
        } as unknown as PushSubscription;
        return current;
      };
    });
    await signUp(page, newUser("devices"));
    await page.getByRole("button", { name: /^Account:/ }).click();
    await page.getByRole("menuitem", { name: "Notifications…" }).click();
    const dialog = page.getByRole("dialog", { name: "Notifications" });
    await expect(dialog).toContainText("Allowed, but this browser does not receive");
    await dialog.getByRole("button", { name: "Turn on notifications" }).click();
    await expect(dialog).toContainText("On: reminders reach this browser");
    const devices = dialog.getByRole("list", { name: "Subscribed devices" });
    await expect(devices.getByRole("listitem")).toHaveCount(1);
    // (Playwright's Desktop Chrome device says Windows.)
    await expect(devices).toContainText(/Chrom(e|ium) on (Windows|Linux)/);
    await expect(devices).toContainText("This browser");
    await expect(devices).toContainText("Added");

    await dialog.getByRole("button", { name: "Send a test notification" }).click();
    // The stand-in endpoint cannot be reached: the dialog says nothing arrived.
    await expect(dialog).toContainText("No device received the test.", { timeout: 20_000 });

    await devices.getByRole("button", { name: /^Remove/ }).click();
    await expect(devices).toContainText("Removed");
    await devices.getByRole("button", { name: /^Undo removing/ }).click();
    await expect(devices).toContainText("This browser");
    await devices.getByRole("button", { name: /^Remove/ }).click();
    await expect(dialog).toContainText("No device receives your reminders yet.", {
      timeout: 15_000,
    });
    await expect(dialog).toContainText("Allowed, but this browser does not receive");
    await expect
      .poll(
        async () => {
          const { json } = await api<{ devices: unknown[] }>(
            page,
            "GET",
            `/api/${await userId(page)}/push-subscriptions`,
          );
          return json.devices.length;
        },
        { timeout: 15_000 },
      )
      .toBe(0);
  });
});
