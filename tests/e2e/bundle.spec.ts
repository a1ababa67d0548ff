import { expect, test } from "@playwright/test";
import { dashboardReady, newUser, signUp } from "./support/app";

/**
 * The dashboard's first-load JavaScript: every script the HTML itself names, as transferred
 * (compressed), measured in Chromium. `next build` no longer prints this figure, so the suite
 * does, and keeps it under a budget. Chunks loaded later (the auth client, the form schemas)
 * are reported apart.
 */
const BUDGET_KB = 240;

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
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Script") scripts.set(event.requestId, event.response.url);
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
  let later = 0;
  for (const [id, url] of scripts) {
    const size = bytes.get(id) ?? 0;
    if (named.has(url)) firstLoad += size;
    else later += size;
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  console.info(
    `/dashboard first-load JS: ${kb(firstLoad)} kB transferred; loaded after: ${kb(later)} kB`,
  );
  expect(firstLoad).toBeGreaterThan(0);
  expect(kb(firstLoad)).toBeLessThan(BUDGET_KB);
});
