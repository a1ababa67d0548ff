import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import webpush from "web-push";

/**
 * End-to-end suite: a production build (`next build && next start`) on a database nobody has
 * used yet, driven in Chromium.
 *
 * - Database: PGlite in a new temporary folder; with TEST_DATABASE_URL, a new PostgreSQL
 *   database on that server instead (created and migrated before start, dropped afterwards).
 * - Browser: CHROMIUM_PATH (e.g. Debian's /usr/bin/chromium) when set, else Playwright's own.
 * - E2E_PORT picks the port (default 3400); E2E_SKIP_BUILD=1 reuses an existing build in
 *   NEXT_DIST_DIR (default .next), e.g. right after `npm run build` in CI.
 * - E2E_BASE_URL runs the suite against a server that is already up (no build, no fresh
 *   database): handy while working on the UI with `next dev`.
 * - E2E_RESULTS_DIR (default test-results) holds artifacts/ (traces, failure screenshots) and
 *   screenshots/; give parallel runs in one checkout different folders.
 *
 * This file is evaluated again in each worker: values that must agree are passed on through
 * process.env, which the workers inherit.
 */

const port = Number(process.env.E2E_PORT ?? 3400);
const externalServer = process.env.E2E_BASE_URL;
const baseURL = externalServer ?? `http://localhost:${port}`;

process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "doable-e2e-"));
process.env.E2E_DATABASE_NAME ??= `doable_e2e_${Date.now()}`;
process.env.E2E_RESULTS_DIR ??= "test-results";

function freshDatabaseUrl(): string | undefined {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return undefined;
  const url = new URL(admin);
  url.pathname = `/${process.env.E2E_DATABASE_NAME}`;
  return url.toString();
}
const databaseUrl = freshDatabaseUrl();

const chromiumPath = process.env.CHROMIUM_PATH;

// Push needs VAPID keys in production: a fresh pair per run (the workers inherit it).
if (!process.env.E2E_VAPID_PUBLIC_KEY) {
  const keys = webpush.generateVAPIDKeys();
  process.env.E2E_VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.E2E_VAPID_PRIVATE_KEY = keys.privateKey;
}
/** The e2e suite may trigger reminder dispatch itself: GET /api/cron/reminders with this. */
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";

const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  PORT: String(port),
  DATA_DIR: process.env.E2E_DATA_DIR,
  BETTER_AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
  BETTER_AUTH_URL: baseURL,
  AUTH_RATE_LIMIT: "off",
  VAPID_PUBLIC_KEY: process.env.E2E_VAPID_PUBLIC_KEY ?? "",
  VAPID_PRIVATE_KEY: process.env.E2E_VAPID_PRIVATE_KEY ?? "",
  CRON_SECRET: E2E_CRON_SECRET,
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};

const steps = [
  databaseUrl ? "node --import tsx tests/e2e/support/database.ts create" : null,
  databaseUrl ? "npm run db:migrate" : null,
  process.env.E2E_SKIP_BUILD === "1" ? null : "npx next build",
  `npx next start -p ${port}`,
].filter(Boolean);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: path.join(process.env.E2E_RESULTS_DIR, "artifacts"),
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // `next dev` compiles pages on first use: give it longer.
  timeout: externalServer ? 240_000 : 90_000,
  expect: { timeout: externalServer ? 30_000 : 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
    locale: "en-US",
    timezoneId: "UTC",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: chromiumPath
          ? {
              executablePath: chromiumPath,
              args: [
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-gpu",
              ],
            }
          : {},
      },
    },
  ],
  webServer: externalServer
    ? undefined
    : {
        command: steps.join(" && "),
        url: `${baseURL}/api/health`,
        env: serverEnv,
        reuseExistingServer: false,
        // A production build takes minutes on a small CI machine.
        timeout: 600_000,
        stdout: "pipe",
        stderr: "pipe",
      },
});
