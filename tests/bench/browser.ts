/**
 * The browser side in `npm run bench`: the two measuring e2e specs run against the bench's own
 * production build of the measured source, in Chromium, after every other step (nothing else
 * loads the machine then). `bundle.spec.ts` gives the dashboard's first-load JavaScript;
 * `web-vitals.spec.ts` a cold load on a throttled phone (LCP, when the tasks showed, the tap
 * on a checkbox), repeated `runs` times because one load moves by hundreds of milliseconds.
 * The specs write what they saw to E2E_FIGURES_FILE (tests/e2e/support/figures.ts).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppSource } from "./app-server";
import { DIST_DIR } from "./app-server";
import { freePort } from "./child-server";

export interface BundleFigures {
  firstLoadKb: number;
  bodiesKb: number;
  files: number;
  laterKb: number;
  laterFiles: number;
  budgetKb: number;
}

export interface VitalsFigures {
  lcpMs: number | null;
  lcpElement: string | null;
  rowsShownMs: number | null;
  interactionMs: number | null;
  interactionEvent: string | null;
}

export interface BrowserResult {
  chromium: string;
  runs: number;
  bundle?: BundleFigures;
  vitals: VitalsFigures[];
  /** Why some figure is missing: the specs failed or wrote nothing. */
  problem?: string;
}

const SPECS = ["tests/e2e/bundle.spec.ts", "tests/e2e/web-vitals.spec.ts"];
/** Debian's package; Playwright's own browsers cannot be downloaded here. */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

export async function benchBrowser(options: {
  source: AppSource;
  /** A PostgreSQL server URL: the suite creates its own database there and drops it. */
  adminUrl: string;
  runs: number;
  log: (message: string) => void;
}): Promise<BrowserResult> {
  const chromium = chromiumPath();
  const browserName = chromium ?? "Playwright's Chromium";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "doable-bench-browser-"));
  const figuresFile = path.join(work, "figures.jsonl");
  const port = await freePort();
  options.log(
    `browser: ${SPECS.map((s) => path.basename(s)).join(" and ")} in ${browserName}, web vitals ${options.runs}×`,
  );
  const args = [
    "playwright",
    "test",
    ...SPECS,
    `--repeat-each=${options.runs}`,
    "--retries=0",
    "--reporter=line",
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: "",
    E2E_SKIP_BUILD: "1",
    NEXT_DIST_DIR: DIST_DIR,
    E2E_PORT: String(port),
    TEST_DATABASE_URL: options.adminUrl,
    E2E_RESULTS_DIR: path.join(work, "results"),
    E2E_FIGURES_FILE: figuresFile,
    ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
  };
  const { code, output } = await runCommand("npx", args, options.source.dir, env);
  const lines = fs.existsSync(figuresFile)
    ? fs.readFileSync(figuresFile, "utf8").split("\n").filter(Boolean)
    : [];
  fs.rmSync(work, { recursive: true, force: true });
  const figures = lines.map((line) => JSON.parse(line) as { kind: string });
  const bundle = figures.find((f) => f.kind === "bundle") as BundleFigures | undefined;
  const vitals = figures.filter((f) => f.kind === "vitals") as unknown as VitalsFigures[];
  const result: BrowserResult = {
    chromium: browserName,
    runs: options.runs,
    bundle,
    vitals,
  };
  if (code !== 0 || !bundle || vitals.length < options.runs) {
    const firstError = output
      .split("\n")
      .find((line) => /Error/.test(line))
      ?.trim();
    result.problem = `the specs exited with ${code}, ${bundle ? "bundle measured" : "no bundle figure"}, ${vitals.length} of ${options.runs} phone loads measured${firstError ? `; first error: ${firstError.slice(0, 300)}` : ""}`;
    options.log(`browser: ${result.problem}`);
  }
  return result;
}

function runCommand(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      // The tail is enough to say what went wrong.
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
