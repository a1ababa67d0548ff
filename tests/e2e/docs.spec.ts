import { expect, type Page, test } from "@playwright/test";
import { newUser, signUp } from "./support/app";

/**
 * The interactive API reference at /docs: rendered from /api/openapi.json under the pages'
 * strict CSP, with nothing fetched from another origin, and "Try it out" working for the
 * signed-in user (their API token is added to task requests).
 */

function watch(page: Page, origin: string) {
  const problems: string[] = [];
  const foreign: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      foreign.push(url);
    }
  });
  return { problems, foreign };
}

test("renders every operation from the OpenAPI document, offline and within the CSP", async ({
  page,
  baseURL,
}) => {
  const seen = watch(page, baseURL ?? "");
  const response = await page.goto("/docs");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).not.toContain("unsafe-eval");
  await expect(page.getByRole("heading", { name: "Doable API reference" })).toBeVisible();
  const paths = page.locator(".swagger-ui .opblock-summary-path");
  await expect(paths.first()).toBeVisible({ timeout: 20_000 });
  const documented = await paths.allInnerTexts();
  for (const path of [
    "/api/{userId}/tasks",
    "/api/{userId}/tasks/{id}",
    "/api/{userId}/tasks/{id}/complete",
    "/api/{userId}/tasks/bulk",
  ]) {
    expect(documented.map((p) => p.replace(/\u200b/g, ""))).toContain(path);
  }
  expect(seen.problems).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test("Try it out lists the signed-in user's tasks", async ({ page, baseURL }) => {
  const user = newUser("docs");
  await signUp(page, user);
  const session = await (await page.request.get("/api/auth/get-session")).json();
  const userId = session.user.id as string;

  const seen = watch(page, baseURL ?? "");
  await page.goto("/docs");
  const list = page.locator(".opblock-get", {
    has: page.locator(".opblock-summary-path", { hasText: /^\/api\/\{userId\}\/tasks$/ }),
  });
  await list.locator(".opblock-summary").click();
  await list.getByRole("button", { name: "Try it out" }).click();
  await list.locator('input[placeholder="userId"]').fill(userId);
  await list.getByRole("button", { name: "Execute" }).click();
  const status = list.locator(".live-responses-table tr.response .response-col_status").first();
  await expect(status).toHaveText("200", { timeout: 20_000 });
  await expect(list.locator(".live-responses-table .microlight").first()).toContainText('"counts"');
  expect(seen.problems).toEqual([]);
  expect(seen.foreign).toEqual([]);
});
