import { expect, type Page, type Route, test } from "@playwright/test";
import { addTask, dashboardReady, newUser, signUp, taskRow } from "./support/app";

/**
 * The menus' Radix module and sonner load after the dashboard's first paint. Whatever is done
 * before they arrive must still work once they do: a menu asked open from the keyboard opens
 * with focus on its first item, and a toast asked for (with its Undo) is shown. The test holds
 * back the chunks that carry them, acts, then lets them through.
 */

/** Strings only those chunks hold (Radix's component names, sonner's attributes). */
const HELD_MARKERS = { menu: "DropdownMenuContent", toasts: "data-sonner-toaster" } as const;

/** Holds every script chunk whose text includes one of `markers` until release() is called. */
async function holdChunks(page: Page, markers: readonly string[]) {
  const held: (() => Promise<void>)[] = [];
  let released = false;
  await page.route("**/_next/static/chunks/*.js", async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    const fulfil = () => route.fulfill({ response, body });
    if (released || !markers.some((marker) => body.includes(marker))) return fulfil();
    held.push(fulfil);
  });
  return {
    heldCount: () => held.length,
    async release() {
      released = true;
      await Promise.all(held.splice(0).map((fulfil) => fulfil()));
    },
  };
}

test.describe("before the menus and toasts have loaded", () => {
  // A chunk still being fetched when a test ends would fail the next test with "route.fetch:
  // Test ended": the routes go, and what they had in flight is let drop, before the page closes.
  test.afterEach(async ({ page }) => {
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });

  test("a menu opened with a key focuses its first item once it arrives", async ({ page }) => {
    await signUp(page, newUser("deferred-menu"));
    const chunks = await holdChunks(page, [HELD_MARKERS.menu]);
    await page.reload();
    await dashboardReady(page);

    const filter = page.getByRole("button", { name: "Filter" });
    await expect(filter).toHaveAttribute("aria-haspopup", "menu");
    await filter.focus();
    // The idle preload or the focus itself asked for the menu chunk: it is being held.
    await expect.poll(chunks.heldCount).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menu")).toHaveCount(0);

    await chunks.release();
    await expect(page.getByRole("menu")).toBeVisible();
    await expect(page.getByRole("menuitemradio", { name: "Any priority" })).toBeFocused();
    // The menu works from the keyboard as Radix's always did: arrows, then Escape back.
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitemradio", { name: "High" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await expect(filter).toBeFocused();
  });

  test("a toast asked for early is shown, and its Undo works", async ({ page }) => {
    await signUp(page, newUser("deferred-toast"));
    await addTask(page, { title: "Water the plants" });
    const chunks = await holdChunks(page, [HELD_MARKERS.toasts]);
    await page.reload();
    await dashboardReady(page);

    await expect.poll(chunks.heldCount).toBeGreaterThan(0);
    await taskRow(page, "Water the plants")
      .getByRole("button", { name: "Delete “Water the plants”" })
      .click();
    await expect(taskRow(page, "Water the plants")).toHaveCount(0);
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);

    await chunks.release();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Deleted" });
    await expect(toast).toBeVisible();
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(taskRow(page, "Water the plants")).toBeVisible();
  });
});
