import { expect, type Page, test } from "@playwright/test";
import { newUser, quickAdd, settled, signUp, tab, taskRows, titleButton } from "./support/app";

/** The title of the task row holding keyboard focus (the app moves focus on the next frame: poll it). */
async function focusedTask(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const row = document.activeElement?.closest("[data-task-id]");
    return row?.querySelector("[data-task-title]")?.textContent ?? null;
  });
}

test("everything works from the keyboard alone", async ({ page }) => {
  await signUp(page, newUser("kim"));
  const keys = page.keyboard;

  await test.step("n opens quick add; Enter adds", async () => {
    await page.locator("body").focus();
    await keys.press("n");
    const title = quickAdd(page).getByLabel("New task");
    await expect(title).toBeFocused();
    for (const text of ["Write the agenda", "Call the plumber", "Pay the rent"]) {
      await keys.type(text);
      await keys.press("Enter");
      await expect(title).toHaveValue("");
    }
    await expect(taskRows(page)).toHaveCount(3);
    await settled(page);
    // Escape on an empty box leaves it, so single-key shortcuts work again.
    await keys.press("Escape");
    await expect(title).not.toBeFocused();
  });

  await test.step("j and k move through the list", async () => {
    await keys.press("j");
    await expect.poll(() => focusedTask(page)).toBe("Pay the rent");
    await keys.press("j");
    await expect.poll(() => focusedTask(page)).toBe("Call the plumber");
    await keys.press("j");
    await expect.poll(() => focusedTask(page)).toBe("Write the agenda");
    await keys.press("j");
    await expect.poll(() => focusedTask(page)).toBe("Write the agenda");
    await keys.press("k");
    await expect.poll(() => focusedTask(page)).toBe("Call the plumber");
  });

  await test.step("x completes and reopens", async () => {
    await keys.press("x");
    await expect(page.getByRole("checkbox", { name: "Call the plumber" })).toBeChecked();
    await expect(tab(page, "Completed")).toContainText("1");
    await settled(page);
    await keys.press("x");
    await expect(page.getByRole("checkbox", { name: "Call the plumber" })).not.toBeChecked();
    await settled(page);
    await keys.press("x");
    await expect(page.getByRole("checkbox", { name: "Call the plumber" })).toBeChecked();
    await settled(page);
  });

  await test.step("e edits in place; Enter saves, focus comes back to the row", async () => {
    await keys.press("e");
    const editor = page.getByRole("form", { name: /^Edit/ });
    const title = editor.getByLabel("Title");
    await expect(title).toBeFocused();
    await keys.press("ControlOrMeta+a");
    await keys.type("Call the plumber about the leak");
    await keys.press("Enter");
    await expect(editor).toHaveCount(0);
    await expect(titleButton(page, "Call the plumber about the leak")).toBeFocused();
    await settled(page);

    // Escape cancels without saving.
    await keys.press("e");
    await keys.type(" and the boiler");
    await keys.press("Escape");
    await expect(page.getByRole("form", { name: /^Edit/ })).toHaveCount(0);
    await expect(titleButton(page, "Call the plumber about the leak")).toBeFocused();
  });

  await test.step("Delete removes the task, with an Undo", async () => {
    await keys.press("Delete");
    await expect(taskRows(page)).toHaveCount(2);
    // Focus moves on to the next task, so the next command has a target.
    await expect.poll(() => focusedTask(page)).toBe("Write the agenda");
    await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  });

  await test.step("/ searches; ? lists the shortcuts", async () => {
    await keys.press("/");
    const search = page.getByLabel("Search tasks");
    await expect(search).toBeFocused();
    await keys.type("rent");
    await expect(page).toHaveURL(/q=rent/);
    await expect(taskRows(page)).toHaveCount(1);
    await keys.press("Escape");
    await expect(search).toHaveValue("");
    await expect(taskRows(page)).toHaveCount(2);
    await keys.press("Escape");

    await keys.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await keys.press("Escape");
    await expect(dialog).toHaveCount(0);
  });

  await test.step("Tab reaches the controls, with a visible focus ring", async () => {
    await page.locator("body").focus();
    await page.goto("/dashboard");
    await expect(taskRows(page)).toHaveCount(2);
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await keys.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // (nextjs-portal: the dev overlay of `next dev`, absent from production builds.)
        if (!el || el === document.body || el.tagName === "NEXTJS-PORTAL") return null;
        const style = getComputedStyle(el);
        const outlined = (s: CSSStyleDeclaration) =>
          s.outlineStyle !== "none" && s.outlineWidth !== "0px";
        // The ring may be drawn by the element, its ::after (row titles) or a framing box.
        const frame = el.closest("[data-focus-frame]");
        const ring =
          outlined(style) ||
          outlined(getComputedStyle(el, "::after")) ||
          (frame !== null && outlined(getComputedStyle(frame)));
        return {
          name:
            el.getAttribute("aria-label") ||
            el.textContent?.trim() ||
            (el.getAttribute("aria-labelledby") &&
              document.getElementById(el.getAttribute("aria-labelledby") ?? "")?.textContent) ||
            el.outerHTML.slice(0, 120),
          ring,
        };
      });
      if (!focused) continue;
      expect(focused.ring, `focus ring on ${focused.name}`).toBe(true);
      seen.add(focused.name);
    }
    for (const name of ["Add", "Search tasks", "Filter", "Select", "Write the agenda"]) {
      expect([...seen], `Tab reaches ${name}`).toContain(name);
    }
  });
});
