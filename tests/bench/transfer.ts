/**
 * `npm run bench:transfer -- [--tasks N] [--driver node-postgres|pglite|both] [--ref <commit>]
 * [--rebuild | --no-rebuild]`
 *
 * Export and import of a large account (issue 14) through the production server, on
 * node-postgres (a fresh database on the local PostgreSQL) and on PGlite (a fresh DATA_DIR):
 * one account, then POST /import of a generated Doable JSON file (transfer-file.ts) as a dry
 * run and for real, then GET /export as JSON and as CSV, each body streamed and counted, never
 * held (transfer-steps.ts). Each step runs on a freshly started server. For each: wall time,
 * tasks/s, bytes, and the next-server process's memory: RSS before, the peak during the step
 * (VmHWM, reset before the step through /proc/<pid>/clear_refs, and RSS sampled every 50 ms),
 * RSS after. Prints a table (transfer-report.ts) and writes it to tests/bench/results/. Figures
 * only, but a wrong count fails the run.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAccounts, signIn } from "./accounts";
import {
  type AppOptions,
  type AppSource,
  buildIfNeeded,
  prepareSource,
  startApp,
} from "./app-server";
import { freePort } from "./child-server";
import { adminUrl, createBenchDatabase, dropBenchDatabase } from "./database";
import { benchLifecycle } from "./lifecycle";
import {
  cpuMs,
  cpuShare,
  cpuSnapshot,
  MemorySampler,
  pidsWithCommandLine,
  waitForIdle,
  waitForQuietMachine,
} from "./proc-stats";
import { type TransferFile, transferFile } from "./transfer-file";
import { DRIVERS, type Driver, markdownReport, mib, type Row, table } from "./transfer-report";
import { type Outcome, STEPS, type Target } from "./transfer-steps";

function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const TASKS = Number(option("--tasks") ?? 50_000);
const DRIVER_OPTION = option("--driver") ?? "both";
const RESULTS_DIR = path.join("tests", "bench", "results");
/** As `npm run bench`: sign-ups only, no per-request log lines. */
const SERVER_BCRYPT_COST = 4;
const SAMPLE_MS = 50;

const run = benchLifecycle("transfer", "stopping the server and dropping the database");
const { log, cleanup } = run;

/** Resets VmHWM to the current RSS (Linux 4.0+); false when the kernel refuses. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

async function measure(target: Target, step: string, work: () => Promise<Outcome>): Promise<Row> {
  const pid = target.app.serverPid;
  await waitForIdle(() => [pid, ...target.dbPids()]);
  await waitForQuietMachine(0.5, 20_000);
  const peakReset = resetPeak(pid);
  const sampler = new MemorySampler(() => pid);
  const before = sampler.sample();
  const ours = () => [process.pid, pid, ...target.dbPids()];
  const cpuBefore = cpuSnapshot(ours());
  sampler.start(SAMPLE_MS);
  const t = performance.now();
  const outcome = await work();
  const ms = performance.now() - t;
  sampler.stop();
  const after = sampler.sample();
  const dbPids = target.dbPids();
  const cpuAfter = cpuSnapshot([process.pid, pid, ...dbPids]);
  const row: Row = {
    driver: target.driver,
    step,
    ms,
    tasks: outcome.tasks,
    bytes: outcome.bytes,
    rssBefore: before?.rssMiB ?? 0,
    peakHwm: peakReset ? after?.peakMiB : undefined,
    peakSampled: sampler.maxMiB,
    rssAfter: after?.rssMiB ?? 0,
    serverCpuS: cpuMs(cpuBefore, cpuAfter, [pid]) / 1000,
    dbCpuS: cpuMs(cpuBefore, cpuAfter, dbPids) / 1000,
    otherCores: cpuShare(cpuBefore, cpuAfter).others,
    check: outcome.check,
  };
  log(
    `${target.driver} ${step}: ${ms.toFixed(0)} ms, ${mib(row.bytes)} MiB, RSS ${row.rssBefore.toFixed(0)} → peak ${row.peakHwm?.toFixed(0) ?? "?"} (sampled ${row.peakSampled.toFixed(0)}) → ${row.rssAfter.toFixed(0)} MiB; ${outcome.check}`,
  );
  if (!outcome.ok) process.exitCode = 1;
  return row;
}

/**
 * One driver: a fresh database, a server, one account; then each step on a server started
 * again on the same database, port and auth secret, so the step's peak is its own and not the
 * heap an earlier step left behind (V8 keeps what it grew). Before each step the account signs
 * in again (a JWT lives 15 minutes) and one small authenticated request loads the API's code.
 */
async function benchDriver(driver: Driver, file: TransferFile, source: AppSource) {
  const options: AppOptions = {
    source,
    port: await freePort(),
    bcryptCost: SERVER_BCRYPT_COST,
    authSecret: randomBytes(32).toString("base64url"),
    logLevel: "warn",
  };
  let dbPids = (): number[] => [];
  if (driver === "node-postgres") {
    const admin = adminUrl();
    const db = await createBenchDatabase(admin.url, source.dir);
    run.defer(() => dropBenchDatabase(admin.url, db.name));
    log(`created and migrated database ${db.name}`);
    options.databaseUrl = db.url;
    dbPids = () => pidsWithCommandLine(db.name);
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "doable-bench-pglite-"));
    run.defer(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    options.pgliteDataDir = dataDir;
  }
  let app = await startApp(options);
  run.defer(() => app.stop());
  const [account] = await createAccounts(app.origin, 1);
  if (!account) throw new Error("no account");
  const rows: Row[] = [];
  for (const step of STEPS) {
    await app.stop();
    app = await startApp(options);
    const fresh = await signIn(app.origin, account.email);
    const warmUp = await fetch(`${app.origin}/api/${fresh.id}/tasks?limit=1`, {
      headers: { authorization: `Bearer ${fresh.token}` },
    });
    await warmUp.arrayBuffer();
    if (!warmUp.ok) throw new Error(`warm-up: ${warmUp.status}`);
    const target: Target = { driver, app, dbPids };
    rows.push(await measure(target, step.name, () => step.run(target, fresh, file)));
  }
  await app.stop();
  return rows;
}

async function main() {
  if (!Number.isInteger(TASKS) || TASKS < 1)
    throw new Error(`--tasks must be a whole number, not ${TASKS}`);
  const drivers: Driver[] =
    DRIVER_OPTION === "both" ? [...DRIVERS] : DRIVERS.filter((d) => d === DRIVER_OPTION);
  if (drivers.length === 0) throw new Error(`--driver must be node-postgres, pglite or both`);
  const source = prepareSource({ ref: option("--ref") });
  log(
    `measuring ${source.label}; ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const args = new Set(process.argv.slice(2));
  const stale = buildIfNeeded(
    source,
    args.has("--rebuild") ? "always" : args.has("--no-rebuild") ? "never" : "auto",
    log,
  );
  if (stale) log(stale);
  const file = transferFile(TASKS);
  log(
    `import file: ${file.tasks} tasks (${file.subtasks} subtasks), ${file.projects} projects, ${mib(file.bytes)} MiB of JSON`,
  );
  const rows: Row[] = [];
  for (const driver of drivers) rows.push(...(await benchDriver(driver, file, source)));
  const report = markdownReport({
    tasks: TASKS,
    seconds: run.elapsedSeconds(),
    source: source.label,
    file,
    rows,
  });
  console.info(`\n${table(rows)}\n`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  // Only the default run (50 000 tasks on both drivers) refreshes the committed file.
  const full = TASKS === 50_000 && drivers.length === DRIVERS.length;
  const out = path.join(
    RESULTS_DIR,
    full ? "transfer-latest.md" : `transfer-${TASKS}-${Date.now().toString(36)}.md`,
  );
  fs.writeFileSync(out, report);
  log(`wrote ${out}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
