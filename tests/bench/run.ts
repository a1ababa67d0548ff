/**
 * `npm run bench -- [--quick] [--ref <commit> | --app-dir <dir>] [--rebuild | --no-rebuild] [--profile]`
 *
 * --quick: a smoke run of a few minutes (100 users, short rows and steps); --ref: measure a clean export of that
 * commit instead of the working tree (see app-server.ts); --app-dir: measure the app in that
 * folder (an experiment: a patched copy); --rebuild: always `next build` first;
 * --no-rebuild: use .next-bench as it is even if sources changed; --log-level info: keep the
 * per-request log lines (off by default: warn); --profile: CPU profile of
 * the Next server (figures from such a run are lower), summarized in the report;
 * --report <file.json>: only write the tables, Markdown and chart of an earlier run again;
 * --server-node-flags "<flags>": run next start with these Node/V8 flags (e.g. GC settings).
 *
 * Measures Doable's task API under load against a bare node:http baseline doing the same
 * work, in one invocation: setup (fresh database, production build, real users and JWTs),
 * micro-benchmarks, a check of the load generator, closed-loop scenarios, capacity at the
 * SLO, memory, the runtimes and bare Next, neon-http round trips, the browser. Prints a
 * table; writes JSON, Markdown and an SVG chart to tests/bench/results/.
 * Figures only: nothing here passes or fails.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { type NodeRuntime, nodeRuntime } from "../support/node-runtime";
import { createAccounts } from "./accounts";
import { buildIfNeeded, KEEP_ALIVE_MS, prepareSource, startApp } from "./app-server";
import { buildBareNext } from "./bare-next-server";
import { compareAnswers, startBaseline } from "./baseline-server";
import { benchBrowser } from "./browser";
import { type ChildServer, freePort } from "./child-server";
import {
  adminUrl,
  createBenchDatabase,
  dropBenchDatabase,
  insertTasks,
  taskIdsByUser,
  vacuumTasks,
} from "./database";
import { benchDispatch } from "./dispatch";
import { checkGenerator } from "./generator-check";
import { benchLifecycle } from "./lifecycle";
import { loadNotes, runLoadPhase } from "./load-phase";
import { runMicroBenchmarks } from "./micro-run";
import { benchNeonRtt } from "./neon-rtt";
import {
  args,
  DB_POOL_MAX,
  LOG_LEVEL,
  NEON_RTT_MS,
  NODE_MAJORS,
  option,
  PLAN,
  PROFILE,
  QUICK,
  RESULTS_DIR,
  SERVER_BCRYPT_COST,
  SERVER_NODE_FLAGS,
  TASKS_PER_USER,
} from "./plan";
import {
  MemorySampler,
  pidsWithCommandLine,
  processTree,
  waitForIdle,
  waitForQuietMachine,
} from "./proc-stats";
import type { BenchResults, MemoryRow } from "./report";
import {
  environmentOf,
  rerender,
  runSettings,
  summarizeServerProfile,
  writeResults,
} from "./results-file";
import { compareRuntimes } from "./runtimes";
import { benchUsers, Workload } from "./workload";

const run = benchLifecycle("bench", "stopping servers and dropping the database");
const { log, cleanup } = run;

async function main() {
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  const notes: string[] = [];
  const admin = adminUrl();
  log(`PostgreSQL: ${admin.url.replace(/:[^:@/]*@/, ":***@")} (from ${admin.from})`);
  log(
    `mode: ${QUICK ? "quick" : "full"}; ${os.cpus().length} cores, load average ${loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")}`,
  );
  if (loadAverageAtStart[0] && loadAverageAtStart[0] > 1) {
    log("other work is running on this machine: figures will be noisy");
  }

  const source = prepareSource({ ref: option("--ref"), appDir: option("--app-dir") });
  log(`measuring ${source.label}${source.dir !== process.cwd() ? ` in ${source.dir}` : ""}`);
  const buildMode = args.has("--rebuild") ? "always" : args.has("--no-rebuild") ? "never" : "auto";
  const staleBuild = buildIfNeeded(source, buildMode, log);
  if (staleBuild) notes.push(staleBuild);

  const bareBuilt = buildBareNext();
  if (bareBuilt) log(`built bare Next (tests/bench/bare-next): ${bareBuilt}`);
  const runtimes: NodeRuntime[] = NODE_MAJORS.map((major) => nodeRuntime(major));
  log(`runtime comparison on ${runtimes.map((r) => `Node ${r.version}`).join(", ")}`);

  const db = await createBenchDatabase(admin.url, source.dir);
  run.defer(async () => {
    await dropBenchDatabase(admin.url, db.name);
    log(`dropped database ${db.name}`);
  });
  log(`created and migrated database ${db.name}`);

  const profileDir = PROFILE
    ? path.join(RESULTS_DIR, "profiles", startedAt.toISOString().replace(/[:.]/g, "-"))
    : undefined;
  const authSecret = randomBytes(32).toString("base64url");
  const app = await startApp({
    source,
    authSecret,
    port: await freePort(),
    databaseUrl: db.url,
    bcryptCost: SERVER_BCRYPT_COST,
    logLevel: LOG_LEVEL,
    cpuProfileDir: profileDir,
    nodeFlags: SERVER_NODE_FLAGS,
  });
  let appStopped = false;
  const stopApp = async () => {
    if (appStopped) return;
    appStopped = true;
    await app.stop();
  };
  run.defer(stopApp);
  log(`Doable listening at ${app.origin} (next-server pid ${app.serverPid})`);
  const appMemory = new MemorySampler(() => app.serverPid);
  const memory: { doable: MemoryRow; baseline: MemoryRow } = {
    doable: { idle: appMemory.sample()?.rssMiB ?? 0, before: 0, peak: 0, after: 0 },
    baseline: { idle: 0, before: 0, peak: 0, after: 0 },
  };

  // Users and tokens through the app's auth endpoints; tasks in bulk SQL.
  let t = Date.now();
  const accounts = await createAccounts(app.origin, PLAN.users);
  log(
    `signed up ${accounts.length} users and fetched their JWTs in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  t = Date.now();
  await insertTasks(
    db.url,
    accounts.map((a) => a.id),
    TASKS_PER_USER,
  );
  const users = benchUsers(accounts, await taskIdsByUser(db.url));
  log(
    `inserted ${accounts.length * TASKS_PER_USER} tasks in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );

  // The baseline, with the app's published keys, and the same answer from both.
  const baseline: ChildServer = await startBaseline({ databaseUrl: db.url, appOrigin: app.origin });
  run.defer(() => baseline.stop());
  const baselineMemory = new MemorySampler(() => baseline.pid);
  memory.baseline.idle = baselineMemory.sample()?.rssMiB ?? 0;
  log(`baseline listening at ${baseline.origin}`);
  const responseCheck = await compareAnswers(
    app.origin,
    baseline.origin,
    new Workload(users).list(),
  );
  log(
    `response check: ${responseCheck.identical ? "identical" : "DIFFERENT"} (${responseCheck.detail})`,
  );
  if (responseCheck.difference) notes.push(responseCheck.difference);

  // Micro-benchmarks while both servers are idle.
  const micro = await runMicroBenchmarks({
    appOrigin: app.origin,
    tokens: users.map((u) => u.token),
    databaseUrl: db.url,
    log,
  });

  // Reminder dispatch: due reminders pushed to a local push service by two racing dispatchers.
  const dispatch = await benchDispatch({
    databaseUrl: db.url,
    count: QUICK ? 2_000 : 10_000,
    dispatchers: 2,
    log,
  });

  const generatorCheck = await checkGenerator({
    rate: 2000,
    durationMs: PLAN.checkMs,
    contrast: !QUICK,
    log,
  });

  const ourPids = () => [
    process.pid,
    ...processTree(app.pid),
    ...processTree(baseline.pid),
    ...pidsWithCommandLine(db.name),
  ];
  memory.doable.before = appMemory.sample()?.rssMiB ?? 0;
  memory.baseline.before = baselineMemory.sample()?.rssMiB ?? 0;
  appMemory.start();
  baselineMemory.start();

  const { closed, capacity } = await runLoadPhase({
    app,
    baseline,
    databaseName: db.name,
    users,
    ourPids,
    log,
  });

  notes.push(...loadNotes(closed));

  await new Promise((r) => setTimeout(r, 2_000));
  Object.assign(memory.doable, appMemory.finish());
  Object.assign(memory.baseline, baselineMemory.finish());

  await stopApp();
  await baseline.stop();
  await vacuumTasks(db.url);
  // What the later steps' own servers share with the main one (same port: the tokens name it).
  const appOptions = {
    source,
    port: app.port,
    authSecret,
    databaseUrl: db.url,
    bcryptCost: SERVER_BCRYPT_COST,
    logLevel: LOG_LEVEL,
    log,
  };
  const runtimeComparison = await compareRuntimes({
    ...appOptions,
    runtimes,
    users,
    connections: 50,
    durationS: PLAN.closedS,
    storm: { connections: 1000, durationS: PLAN.closed1000S, rounds: PLAN.stormRounds },
    rounds: PLAN.runtimeRounds,
    nodeFlags: SERVER_NODE_FLAGS,
    // Fresh processes: the main rows' server had served the whole setup (sign-ups, tokens)
    // before its warm-up, so these get three times as long to be as warm.
    warmupS: PLAN.warmupS * 3,
    poolMax: DB_POOL_MAX,
    keepAliveMs: KEEP_ALIVE_MS,
    settle: async (pid) => {
      await waitForIdle(() => [pid, ...pidsWithCommandLine(db.name)]);
      await waitForQuietMachine(0.3, PLAN.quietWaitMs);
    },
  });
  // Production's shape: neon-http, each statement a round trip of NEON_RTT_MS to Neon.
  const neon = await benchNeonRtt({
    ...appOptions,
    databaseName: db.name,
    user: users[1] ?? (users[0] as (typeof users)[number]),
    rttMs: NEON_RTT_MS,
    requests: QUICK ? 10 : 40,
  });
  // The browser last: its phone profile slows the CPU it is given, so nothing else may run.
  const browser = await benchBrowser({ source, adminUrl: admin.url, runs: PLAN.browserRuns, log });
  const profile = profileDir ? summarizeServerProfile(profileDir, app.serverPid) : undefined;

  const results: BenchResults = {
    mode: QUICK ? "quick" : "full",
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    environment: await environmentOf({
      adminUrl: admin.url,
      commit: source.label,
      database: db.name,
      loadAverageAtStart,
    }),
    settings: { ...runSettings(), users: users.length },
    generatorCheck,
    responseCheck: { identical: responseCheck.identical, detail: responseCheck.detail },
    closed,
    capacity,
    micro,
    dispatch,
    runtimes: runtimeComparison,
    neon,
    browser,
    memory,
    notes,
    profile,
  };
  writeResults(results, log);
}

const reportFile = option("--report");
(reportFile ? rerender(reportFile, log) : main())
  .catch((error: unknown) => {
    // After Ctrl-C the run fails on its stopped servers: that is not news.
    if (!run.interrupted()) console.error("[bench] failed:", error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
