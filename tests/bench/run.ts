/**
 * `npm run bench -- [--quick] [--ref <commit> | --app-dir <dir>] [--rebuild | --no-rebuild] [--profile]`
 *
 * --quick: a smoke run of a minute or two (100 users, short rows and steps); --ref: measure a clean export of that
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
 * a check of the load generator, micro-benchmarks, closed-loop scenarios, capacity at the
 * SLO, memory, the runtimes and bare Next, neon-http round trips, the browser. Prints a table; writes JSON, Markdown and an SVG chart to tests/bench/results/.
 * Figures only: nothing here passes or fails.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { type NodeRuntime, nodeRuntime } from "../support/node-runtime";
import { createAccounts } from "./accounts";
import { build, buildNeeded, DIST_DIR, KEEP_ALIVE_MS, prepareSource, startApp } from "./app-server";
import { buildBareNext } from "./bare-next-server";
import { benchBrowser } from "./browser";
import { type ChildServer, freePort, startChildServer } from "./child-server";
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
import { runLoadPhase } from "./load-phase";
import { benchBcrypt, benchJwtVerify } from "./micro";
import { benchListStatements } from "./micro-list";
import { benchNeonRtt } from "./neon-rtt";
import {
  args,
  CAPACITY_CONNECTIONS,
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
  readMemory,
  waitForIdle,
  waitForQuietMachine,
} from "./proc-stats";
import type { BenchResults, MemoryRow } from "./report";
import { postgresVersion, rerender, summarizeServerProfile, writeResults } from "./results-file";
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
  const why = buildNeeded(source, buildMode);
  if (why) {
    log(`building the app into ${DIST_DIR}: ${why}`);
    build(source);
  } else if (buildNeeded(source, "auto")) {
    notes.push(
      `Measured the existing build in ${DIST_DIR} although ${buildNeeded(source, "auto")} (--no-rebuild).`,
    );
  }

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

  // The baseline, with the app's published keys.
  const baselinePort = await freePort();
  const baseline: ChildServer = await startChildServer({
    name: "baseline",
    command: process.execPath,
    args: [...SERVER_NODE_FLAGS, "--import", "tsx", path.join("tests", "bench", "baseline.ts")],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(baselinePort),
      DATABASE_URL: db.url,
      DB_POOL_MAX: String(DB_POOL_MAX),
      JWKS_URL: `${app.origin}/api/auth/jwks`,
      JWT_ISSUER: app.origin,
    },
    port: baselinePort,
    readyPath: "/health",
  });
  run.defer(() => baseline.stop());
  const baselineMemory = new MemorySampler(() => baseline.pid);
  memory.baseline.idle = baselineMemory.sample()?.rssMiB ?? 0;
  log(`baseline listening at ${baseline.origin}`);

  // Same request, same answer?
  const probe = new Workload(users).list();
  const [doableBody, baselineBody] = await Promise.all(
    [app.origin, baseline.origin].map(async (origin) => {
      const response = await fetch(origin + probe.path, { headers: probe.headers });
      return { status: response.status, body: await response.text() };
    }),
  );
  const identical =
    doableBody?.status === 200 &&
    doableBody.body === baselineBody?.body &&
    baselineBody.status === 200;
  const parsed = JSON.parse(doableBody?.body ?? "{}") as { tasks?: unknown[] };
  const responseCheck = {
    identical,
    detail: `GET ${probe.path.replace(/\/api\/[^/]+/, "/api/{userId}")}: ${doableBody?.status} with ${parsed.tasks?.length ?? 0} tasks, ${doableBody?.body.length} bytes; baseline ${baselineBody?.status}, ${baselineBody?.body.length} bytes`,
  };
  log(`response check: ${identical ? "identical" : "DIFFERENT"} (${responseCheck.detail})`);
  if (!identical)
    notes.push(
      `Doable and baseline answered differently: Doable ${doableBody?.body.slice(0, 300)} … baseline ${baselineBody?.body.slice(0, 300)}`,
    );

  // Micro-benchmarks while both servers are idle.
  const bcryptCost = Number(process.env.BCRYPT_COST ?? 10);
  const micro = [
    ...(await benchJwtVerify({
      jwksUrl: `${app.origin}/api/auth/jwks`,
      issuer: app.origin,
      tokens: users.map((u) => u.token),
      iterations: PLAN.jwtIterations,
    })),
    await benchBcrypt(bcryptCost, PLAN.bcryptIterations),
    ...(await benchListStatements(db.url, PLAN.jwtIterations)),
  ];
  for (const m of micro)
    log(`${m.name}: ${Math.round(m.opsPerSecond)} ops/s, p50 ${m.latencyUs.p50.toFixed(0)} µs`);

  // Reminder dispatch: due reminders pushed to a local push service by two racing dispatchers.
  const dispatch = await benchDispatch({
    databaseUrl: db.url,
    count: QUICK ? 2_000 : 10_000,
    dispatchers: 2,
  });
  log(
    `reminder dispatch: ${dispatch.reminders} reminders, ${dispatch.dispatchers} dispatchers, ${(dispatch.wallMs / 1000).toFixed(1)} s, ${Math.round(dispatch.perSecond)} reminders/s, received ${dispatch.received}, duplicates ${dispatch.duplicates}`,
  );

  log("checking the open-loop generator against a server with known answers");
  const generatorCheck = await checkGenerator({
    rate: 2000,
    durationMs: PLAN.checkMs,
    contrast: !QUICK,
  });
  for (const c of generatorCheck.checks)
    log(`  ${c.pass ? "ok  " : "FAIL"} ${c.name}: ${c.measured}`);

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

  const overflowed = closed.filter((c) => c.listenOverflows);
  if (overflowed.length > 0) {
    notes.push(
      `Connections dropped because a listening socket's accept queue was full (the kernel's ListenOverflows, machine-wide; Node listens with a backlog of 511, and a busy event loop accepts late; such a connection waits for TCP retransmissions, 1 s and then doubling): ${overflowed.map((c) => `${c.server} ${c.scenario} ×${c.connections}: ${c.listenOverflows}`).join(", ")}. Such a row's tail latency and timeouts include those retries.`,
    );
  }
  const with503 = closed.filter((c) => c.statusCodes["503"]);
  if (with503.length > 0) {
    notes.push(
      `503 answers (${with503.map((c) => `${c.server} ${c.scenario} ×${c.connections}: ${c.statusCodes["503"]}`).join(", ")}): with more requests in flight than the app's ${DB_POOL_MAX} database connections, a request that waits longer than DB_CONNECT_TIMEOUT_MS (5 s) for one gets pg-pool's "timeout exceeded when trying to connect", answered 503 "The server is busy" with Retry-After (db/errors.ts isPoolExhausted): load shedding under overload.`,
    );
  }

  await new Promise((r) => setTimeout(r, 2_000));
  appMemory.stop();
  baselineMemory.stop();
  for (const [key, sampler, pid] of [
    ["doable", appMemory, app.serverPid],
    ["baseline", baselineMemory, baseline.pid],
  ] as const) {
    const now = readMemory(pid);
    memory[key].after = now?.rssMiB ?? 0;
    memory[key].peak = Math.max(sampler.maxMiB, now?.peakMiB ?? 0);
  }

  await stopApp();
  await baseline.stop();
  await vacuumTasks(db.url);
  const runtimeComparison = await compareRuntimes({
    runtimes,
    source,
    port: app.port,
    authSecret,
    databaseUrl: db.url,
    users,
    connections: 50,
    durationS: PLAN.closedS,
    rounds: PLAN.runtimeRounds,
    nodeFlags: SERVER_NODE_FLAGS,
    // Fresh processes: the main rows' server had served the whole setup (sign-ups, tokens)
    // before its warm-up, so these get three times as long to be as warm.
    warmupS: PLAN.warmupS * 3,
    bcryptCost: SERVER_BCRYPT_COST,
    logLevel: LOG_LEVEL,
    poolMax: DB_POOL_MAX,
    keepAliveMs: KEEP_ALIVE_MS,
    settle: async (pid) => {
      await waitForIdle(() => [pid, ...pidsWithCommandLine(db.name)]);
      await waitForQuietMachine(0.3, PLAN.quietWaitMs);
    },
    log,
  });
  // Production's shape: neon-http, each statement a round trip of NEON_RTT_MS to Neon.
  const neon = await benchNeonRtt({
    source,
    port: app.port,
    authSecret,
    databaseUrl: db.url,
    databaseName: db.name,
    user: users[1] ?? (users[0] as (typeof users)[number]),
    rttMs: NEON_RTT_MS,
    requests: QUICK ? 10 : 40,
    bcryptCost: SERVER_BCRYPT_COST,
    logLevel: LOG_LEVEL,
    log,
  });
  // The browser last: its phone profile slows the CPU it is given, so nothing else may run.
  const browser = await benchBrowser({
    source,
    adminUrl: admin.url,
    runs: PLAN.browserRuns,
    log,
  });
  let profile: string | undefined;
  if (profileDir) profile = summarizeServerProfile(profileDir, app.serverPid);

  const results: BenchResults = {
    mode: QUICK ? "quick" : "full",
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    environment: {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? "?",
      cores: os.cpus().length,
      memoryGiB: os.totalmem() / 2 ** 30,
      postgres: await postgresVersion(admin.url),
      commit: source.label,
      database: db.name,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg(),
    },
    settings: {
      users: users.length,
      tasksPerUser: TASKS_PER_USER,
      closedLoopSeconds: PLAN.closedS,
      closedLoop1000Seconds: PLAN.closed1000S,
      capacityStepSeconds: PLAN.stepMs / 1000,
      capacityConnections: CAPACITY_CONNECTIONS,
      logLevel: LOG_LEVEL,
      serverBcryptCost: SERVER_BCRYPT_COST,
      dbPoolMax: DB_POOL_MAX,
      keepAliveMs: KEEP_ALIVE_MS,
      quietWaitSeconds: PLAN.quietWaitMs / 1000,
      profiled: PROFILE,
      serverNodeFlags: SERVER_NODE_FLAGS,
    },
    generatorCheck,
    responseCheck,
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
