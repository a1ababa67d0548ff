import { expect, type Page, test } from "@playwright/test";
import {
  addTask,
  dashboardReady,
  newUser,
  settled,
  signUp,
  taskRow,
  titleButton,
} from "./support/app";

/**
 * Stored XSS (issue 7): task text that is markup renders as text, and nothing in it runs. The
 * dashboard's Content-Security-Policy is the second line: a nonce for scripts, no eval, and no
 * inline handlers, so even injected markup could not run its code.
 */

const PAYLOADS = {
  img: `<img src=x onerror="window.__pwned=1">`,
  script: "<script>window.__pwned=1</script>",
  svg: `<svg onload="window.__pwned=1"></svg>`,
  link: `<a href="javascript:window.__pwned=1">x</a>`,
};

declare global {
  interface Window {
    __pwned?: number;
    __probe?: number;
  }
}

/** Lets pending image loads, errors and handlers fire before looking. */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

async function expectNothingRan(page: Page): Promise<void> {
  await quiet(page);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // The markup is text: no element was made from it.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("main svg[onload]")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
}

test("markup in task titles, descriptions and tags renders as text and never runs", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signUp(page, newUser("xss"));

  await test.step("the payloads are stored through the quick-add form", async () => {
    await addTask(page, { title: PAYLOADS.img });
    await addTask(page, { title: PAYLOADS.script, description: PAYLOADS.svg });
    await addTask(page, { title: PAYLOADS.link, tags: "<b>bold</b>" });
    await settled(page);
    await expectNothingRan(page);
  });

  await test.step("each title shows exactly the text that was typed", async () => {
    for (const payload of Object.values(PAYLOADS).filter((p) => p !== PAYLOADS.svg)) {
      await expect(titleButton(page, payload)).toBeVisible();
      await expect(titleButton(page, payload)).toHaveText(payload);
    }
    await expect(taskRow(page, PAYLOADS.link)).toContainText("<b>bold</b>");
  });

  await test.step("after a reload, from the server's copy", async () => {
    await page.reload();
    await dashboardReady(page);
    await expect(titleButton(page, PAYLOADS.img)).toHaveText(PAYLOADS.img);
    await expectNothingRan(page);
  });

  await test.step("in the editor", async () => {
    await titleButton(page, PAYLOADS.script).click();
    const editor = page.getByRole("form", { name: /^Edit/ });
    await expect(editor).toBeVisible();
    await expect(editor.getByLabel("Title")).toHaveValue(PAYLOADS.script);
    await expect(editor.getByLabel("Description")).toHaveValue(PAYLOADS.svg);
    await expectNothingRan(page);
    await page.keyboard.press("Escape");
    await expect(editor).toHaveCount(0);
  });

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("the dashboard is served with a nonce CSP: no eval, no inline code, never framed", async ({
  page,
}) => {
  await signUp(page, newUser("csp"));
  const response = await page.goto("/dashboard");
  if (!response) throw new Error("no response for /dashboard");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toMatch(/script-src [^;]*'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every script the server wrote carries this response's nonce.
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // A second load gets a new nonce.
  const again = await page.goto("/dashboard");
  expect(again?.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("the CSP stops an inline handler even if markup got into the page", async ({ page }) => {
  await signUp(page, newUser("probe"));
  await dashboardReady(page);
  const violation = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), {
          once: true,
        });
      }),
  );
  // What a rendering bug would do: put the markup into the DOM as HTML.
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="/no-such-image.png" onerror="window.__probe=1">`;
    document.body.append(holder);
  });
  expect(await violation).toMatch(/^script-src/);
  await quiet(page);
  expect(await page.evaluate(() => window.__probe)).toBeUndefined();
});
