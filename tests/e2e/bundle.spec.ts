import { expect, test } from "@playwright/test";
import { dashboardReady, newUser, signUp } from "./support/app";
import { recordFigures } from "./support/figures";

/**
 * The dashboard's first-load JavaScript: every script the HTML itself names, as transferred
 * (gzip-compressed, with the HTTP/1.1 response headers), measured in Chromium. `next build` no
 * longer prints this figure, so the suite does, and keeps it under a budget. Chunks loaded
 * later (the menus, dialogs, toasts, the auth client, the form schemas) are reported apart.
 */
const BUDGET_KB = 180;

test("first-load JavaScript of /dashboard stays within budget", async ({
  page,
  context,
  baseURL,
}) => {
  await signUp(page, newUser("bundle"));

  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, string>();
  const bytes = new Map<string, number>();
  const headerBytes = new Map<string, number>();
  cdp.on("Network.responseReceived", (event) => {
    if (event.type !== "Script") return;
    scripts.set(event.requestId, event.response.url);
    // What had arrived when the response began: its status line and headers.
    headerBytes.set(event.requestId, event.response.encodedDataLength);
  });
  cdp.on("Network.loadingFinished", (event) => bytes.set(event.requestId, event.encodedDataLength));

  const html = await (await page.request.get("/dashboard")).text();
  const named = new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map(
      (m) => new URL((m[1] ?? "").replace(/&amp;/g, "&"), baseURL).href,
    ),
  );
  await page.goto("/dashboard");
  await dashboardReady(page);
  await page.waitForLoadState("networkidle");

  let firstLoad = 0;
  let firstLoadHeaders = 0;
  let firstLoadFiles = 0;
  let later = 0;
  let laterFiles = 0;
  for (const [id, url] of scripts) {
    const size = bytes.get(id) ?? 0;
    if (named.has(url)) {
      firstLoad += size;
      firstLoadHeaders += headerBytes.get(id) ?? 0;
      firstLoadFiles += 1;
    } else {
      later += size;
      laterFiles += 1;
    }
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  console.info(
    `/dashboard JS, gzip as transferred: first load ${kb(firstLoad)} kB in ${firstLoadFiles} files ` +
      `(${kb(firstLoad - firstLoadHeaders)} kB of it bodies, ${kb(firstLoadHeaders)} kB headers; ` +
      `budget ${BUDGET_KB} kB); loaded after: ${kb(later)} kB in ${laterFiles} files`,
  );
  recordFigures("bundle", {
    firstLoadKb: kb(firstLoad),
    bodiesKb: kb(firstLoad - firstLoadHeaders),
    files: firstLoadFiles,
    laterKb: kb(later),
    laterFiles,
    budgetKb: BUDGET_KB,
  });
  expect(firstLoad).toBeGreaterThan(0);
  expect(kb(firstLoad)).toBeLessThan(BUDGET_KB);
});
