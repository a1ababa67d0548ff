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
 * SLO, memory. Prints a table; writes JSON, Markdown and an SVG chart to tests/bench/results/.
 * Figures only: nothing here passes or fails.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type NodeRuntime, nodeRuntime } from "../support/node-runtime";
import { createAccounts } from "./accounts";
import { build, buildNeeded, DIST_DIR, KEEP_ALIVE_MS, prepareSource, startApp } from "./app-server";
import { buildBareNext } from "./bare-next-server";
import { COARSE_LADDER, FINE_LADDER, findCapacity } from "./capacity";
import { type ChildServer, freePort, startChildServer } from "./child-server";
import { runClosedLoop } from "./closed-loop";
import {
  adminUrl,
  createBenchDatabase,
  dropBenchDatabase,
  insertTasks,
  taskIdsByUser,
} from "./database";
import { benchDispatch } from "./dispatch";
import { checkGenerator } from "./generator-check";
import { benchLifecycle } from "./lifecycle";
import { benchBcrypt, benchJwtVerify } from "./micro";
import { benchNeonRtt } from "./neon-rtt";
import {
  cpuMs,
  cpuShare,
  cpuSnapshot,
  listenOverflows,
  MemorySampler,
  pidsWithCommandLine,
  processTree,
  readMemory,
  waitForIdle,
  waitForQuietMachine,
} from "./proc-stats";
import { summarizeProfile } from "./profile-summary";
import {
  type BenchResults,
  type ClosedRow,
  type MemoryRow,
  markdownReport,
  stdoutReport,
} from "./report";
import { compareRuntimes } from "./runtimes";
import { latencyChart } from "./svg-chart";
import { type BenchRequest, benchUsers, Workload } from "./workload";

const args = new Set(process.argv.slice(2));
/** The value after a flag, e.g. `--ref HEAD`. */
function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const QUICK = args.has("--quick");
const PROFILE = args.has("--profile");
/** `--server-node-flags "<flags>"`: extra Node/V8 flags for next start (experiments). */
const SERVER_NODE_FLAGS = option("--server-node-flags")?.split(/\s+/).filter(Boolean) ?? [];
/**
 * `--node 20,24`: the Node majors the runtime comparison (runtimes.ts) runs the servers on;
 * default this process's own and 24, the production runtime. A major other than ours comes
 * from the registry package node-<platform>-<arch> (tests/support/node-runtime.ts).
 */
const NODE_MAJORS = [
  ...new Set(
    (option("--node") ?? `${process.versions.node.split(".")[0]},24`)
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean),
  ),
];

const PLAN = QUICK
  ? {
      users: 100,
      /** The two rows the targets name: p99 at 50 connections, no failures at 1000. */
      concurrencies: [50, 1000],
      closedS: 2,
      /** 1000 connections need time for a few rounds of answers. */
      closed1000S: 3,
      /** As long as the full run's: a colder server would understate Doable by half. */
      warmupS: 5,
      stepMs: 1_500,
      refine: 0,
      jwtIterations: 2_000,
      bcryptIterations: 3,
      checkMs: 1_500,
      quietWaitMs: 3_000,
      ladder: COARSE_LADDER,
    }
  : {
      users: 1000,
      concurrencies: [10, 50, 100, 1000],
      closedS: 8,
      closed1000S: 12,
      warmupS: 5,
      stepMs: 6_000,
      refine: 2,
      jwtIterations: 20_000,
      bcryptIterations: 10,
      checkMs: 4_000,
      quietWaitMs: 20_000,
      ladder: FINE_LADDER,
    };
const TASKS_PER_USER = 50;
/** What each closed-loop scenario sends. `health` is Next's floor: route() and `select 1`. */
const NEXT_REQUEST: Record<ClosedRow["scenario"], (w: Workload) => () => BenchRequest> = {
  list: (w) => () => w.list(),
  mixed: (w) => () => w.mixed(),
  health: () => () => ({ method: "GET", path: "/api/health", headers: {} }),
};
const CAPACITY_CONNECTIONS = 1000;
/** The round-trip time the neon-http step puts on every statement: a Vercel function near its Neon region. */
const NEON_RTT_MS = 10;
/** Sign-ups only; the task routes never hash. Production's default (10) is measured in micro. */
const SERVER_BCRYPT_COST = 4;
/** The app's log level: per-request info lines off unless `--log-level info` (to measure them). */
const LOG_LEVEL = option("--log-level") ?? "warn";
const DB_POOL_MAX = 10;
const RESULTS_DIR = path.join("tests", "bench", "results");

const run = benchLifecycle("bench", "stopping servers and dropping the database");
const { log, cleanup } = run;

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ version: string }>("select version()")).rows[0]?.version ?? "?";
  } finally {
    await client.end();
  }
}

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
    args: ["--import", "tsx", path.join("tests", "bench", "baseline.ts")],
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

  /**
   * Before a measurement: the server and our Postgres backends finish earlier work (backlogs),
   * then, for a while at most, other work on the machine is given time to pass.
   */
  const settle = async (server: "doable" | "baseline") => {
    await waitForIdle(() => [
      server === "doable" ? app.serverPid : baseline.pid,
      ...pidsWithCommandLine(db.name),
    ]);
    const waited = await waitForQuietMachine(0.3, PLAN.quietWaitMs);
    if (waited > 1_000)
      log(`  waited ${(waited / 1000).toFixed(0)} s for other work on the machine`);
  };
  const closed: ClosedRow[] = [];
  const servers = { doable: app.origin, baseline: baseline.origin };
  const closedLoop = async (
    server: "doable" | "baseline",
    scenario: ClosedRow["scenario"],
    connections: number,
  ) => {
    const workload = new Workload(users, connections);
    await settle(server);
    const before = cpuSnapshot(ourPids());
    const overflowsBefore = listenOverflows();
    const result = await runClosedLoop({
      origin: servers[server],
      connections,
      durationS: connections >= 1000 ? PLAN.closed1000S : PLAN.closedS,
      next: NEXT_REQUEST[scenario](workload),
    });
    const after = cpuSnapshot(ourPids());
    const overflowsAfter = listenOverflows();
    const perRequest = (pids: number[]) =>
      cpuMs(before, after, pids) / Math.max(1, result.requests);
    const row: ClosedRow = {
      server,
      scenario,
      ...result,
      cpu: cpuShare(before, after),
      cpuMsPerRequest: {
        server: perRequest(server === "doable" ? [app.serverPid] : [baseline.pid]),
        postgres: perRequest(pidsWithCommandLine(db.name)),
        generator: perRequest([process.pid]),
      },
      listenOverflows:
        overflowsBefore === undefined || overflowsAfter === undefined
          ? undefined
          : overflowsAfter - overflowsBefore,
    };
    closed.push(row);
    log(
      `${server} ${scenario} ×${connections}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, timeouts ${row.timeouts}, non-2xx ${row.non2xx}; CPU ms/request server ${row.cpuMsPerRequest.server.toFixed(2)} postgres ${row.cpuMsPerRequest.postgres.toFixed(2)}; cores ours ${row.cpu.ours.toFixed(2)} others ${row.cpu.others.toFixed(2)}${row.listenOverflows ? `; ${row.listenOverflows} connections dropped by a full accept queue` : ""}`,
    );
    return row;
  };
  const warmUp = async (server: "doable" | "baseline") => {
    const workload = new Workload(users, 7);
    await runClosedLoop({
      origin: servers[server],
      connections: 50,
      durationS: PLAN.warmupS,
      next: () => workload.list(),
    });
  };

  // List first (on the pristine 50 tasks per user), then capacity, then mixed, which writes.
  for (const server of ["doable", "baseline"] as const) {
    log(`warming up ${server}`);
    await warmUp(server);
    for (const connections of PLAN.concurrencies) await closedLoop(server, "list", connections);
    // Next's own request path, for scale: the cheapest route the app has.
    if (server === "doable") await closedLoop("doable", "health", 50);
  }

  const capacity = {} as BenchResults["capacity"];
  for (const server of ["doable", "baseline"] as const) {
    const estimate = Math.max(
      ...closed.filter((c) => c.server === server && c.scenario === "list").map((c) => c.rps),
    );
    log(
      `capacity search on ${server} (estimate from the closed loop: ${Math.round(estimate)} req/s)`,
    );
    const workload = new Workload(users, 99);
    const before = cpuSnapshot(ourPids());
    const result = await findCapacity({
      origin: servers[server],
      connections: CAPACITY_CONNECTIONS,
      next: () => workload.list(),
      estimate,
      stepMs: PLAN.stepMs,
      refine: PLAN.refine,
      ladder: PLAN.ladder,
      settle: () => settle(server),
      observe: () => {
        const start = cpuSnapshot(ourPids());
        return () => cpuShare(start, cpuSnapshot(ourPids()));
      },
      disturbedAbove: 0.3,
      onStep: (s) =>
        log(
          `  ${server} ${s.offered} req/s offered: achieved ${Math.round(s.achieved)}, p50 ${s.latency.p50.toFixed(1)} ms, p99 ${s.latency.p99.toFixed(1)} ms, errors ${s.errors}, timeouts ${s.timeouts}, non-2xx ${s.non2xx}, ${s.connections} connections, other processes ${s.cpu?.others.toFixed(2)} cores: ${s.discarded ? "missed while other work ran, measuring again" : s.pass ? "met" : "missed"}`,
        ),
    });
    capacity[server] = { ...result, cpu: cpuShare(before, cpuSnapshot(ourPids())) };
    log(`  capacity of ${server}: ${capacity[server].capacity} req/s`);
  }

  for (const connections of PLAN.concurrencies) await closedLoop("doable", "mixed", connections);

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
  const runtimeComparison = await compareRuntimes({
    runtimes,
    source,
    port: app.port,
    authSecret,
    databaseUrl: db.url,
    users,
    connections: 50,
    durationS: PLAN.closedS,
    warmupS: PLAN.warmupS,
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
    memory,
    notes,
    profile,
  };
  writeResults(results);
}

/** The next-server's profile (the biggest file: the `next` CLI parent is idle), summarized. */
function summarizeServerProfile(dir: string, serverPid: number): string | undefined {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const file =
    files.find((f) => f.includes(`.${serverPid}.`)) ??
    files.sort(
      (a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size,
    )[0];
  if (!file) return undefined;
  const summary = summarizeProfile(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
  const busy = summary.totalMs - summary.idleMs;
  const line = ([key, ms]: [string, number]) =>
    `${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${key}`;
  return [
    `${path.join(dir, file)}: busy ${(busy / 1000).toFixed(1)} s of ${(summary.totalMs / 1000).toFixed(1)} s`,
    "self time by package:",
    ...summary.byOwner
      .filter(([k]) => k !== "(idle)")
      .slice(0, 12)
      .map(line),
    "self time by function:",
    ...summary.selfByFunction.slice(0, 20).map(line),
  ].join("\n");
}

function writeResults(results: BenchResults) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, "-");
  const base = path.join(RESULTS_DIR, `${results.mode}-${stamp}`);
  // Only a full run refreshes the committed latest.md and latest.svg.
  const latest = results.mode === "full" ? path.join(RESULTS_DIR, "latest") : undefined;
  const svg = latencyChart(
    [
      {
        name: "Doable",
        color: "#2563eb",
        points: points(results.capacity.doable),
        capacity: results.capacity.doable.capacity,
      },
      {
        name: "baseline",
        color: "#16a34a",
        points: points(results.capacity.baseline),
        capacity: results.capacity.baseline.capacity,
      },
    ],
    200,
    `p99 latency vs offered load, GET /api/{userId}/tasks (${results.mode} run)`,
  );
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(`${base}.svg`, svg);
  fs.writeFileSync(`${base}.md`, markdownReport(results, path.basename(`${base}.svg`)));
  if (latest) {
    fs.writeFileSync(`${latest}.json`, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(`${latest}.svg`, svg);
    fs.writeFileSync(`${latest}.md`, markdownReport(results, "latest.svg"));
  }
  process.stdout.write(stdoutReport(results));
  log(`wrote ${base}.{json,md,svg}${latest ? ` and ${latest}.{md,svg}` : ""}`);
}

function points(run: BenchResults["capacity"]["doable"]) {
  return run.steps.map((s) => ({ offered: s.offered, p99: s.latency.p99, pass: s.pass }));
}

/** `--report <results.json>`: write the tables, Markdown and chart of an earlier run again. */
async function rerender(file: string) {
  writeResults(JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults);
}

const reportFile = option("--report");
(reportFile ? rerender(reportFile) : main())
  .catch((error: unknown) => {
    // After Ctrl-C the run fails on its stopped servers: that is not news.
    if (!run.interrupted()) console.error("[bench] failed:", error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
