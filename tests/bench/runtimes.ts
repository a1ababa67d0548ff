import type { NodeRuntime } from "../support/node-runtime";
import { type AppServer, type AppSource, startApp } from "./app-server";
import { startBareNext } from "./bare-next-server";
import { startBaseline } from "./baseline-server";
import { freePort } from "./child-server";
import { runClosedLoop } from "./closed-loop";
import { coldStart, type LoadedCode } from "./cold-start";
import { countListenOverflows } from "./proc-stats";
import { inRounds } from "./rounds";
import { type BenchRequest, type BenchUser, Workload } from "./workload";

/**
 * Doable beside its two yardsticks on each Node runtime asked for (`--node`): bare Next (a
 * Next route handler doing the list route's work, tests/bench/bare-next/) and the floor (the
 * same work on bare node:http, baseline.ts). Per runtime: cold starts (Doable's list route and
 * /dashboard, bare Next's list route), each a process of its own; then fresh servers, started
 * as the main rows' are, are warmed up, take list at the given connections in alternating
 * rounds, and Doable the mixed scenario; last, Doable and bare Next take list at the storm's
 * connections, so that the tail target at 1000 connections is read against Next's own. Every
 * server runs on that runtime; the bench process stays on its own.
 */

export type RuntimeServer = "doable" | "bare-next" | "floor";

export interface RuntimeRow {
  runtime: string;
  server: RuntimeServer;
  scenario: "list" | "mixed";
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Req/s of each round, in the order measured (list); rps and the latencies are their medians. */
  rounds: number[];
  /** Connections the kernel dropped from a full accept queue during the row (Linux). */
  listenOverflows?: number;
}

export interface ColdStartRow {
  runtime: string;
  server: "doable" | "bare-next";
  route: "list" | "dashboard";
  ms: number;
  code?: LoadedCode;
}

export interface RuntimeComparison {
  runtimes: string[];
  connections: number;
  /** The storm rows' connections and rounds (absent in results older than them). */
  stormConnections?: number;
  stormRounds?: number;
  /** Rounds of list per server (1 in results older than the rounds). */
  rounds?: number;
  rows: RuntimeRow[];
  coldStarts: ColdStartRow[];
  /** Bare Next and Doable answered the same list request with the same bytes. */
  bareNextCheck: { identical: boolean; detail: string };
}

export interface RuntimeOptions {
  runtimes: NodeRuntime[];
  source: AppSource;
  /** Doable's port and secret: its tokens name this origin, its cookies this secret. */
  port: number;
  authSecret: string;
  databaseUrl: string;
  users: BenchUser[];
  connections: number;
  durationS: number;
  /** List at this many connections, opened at once, on Doable and bare Next (the tail target). */
  storm: { connections: number; durationS: number; rounds: number };
  /** How many rounds of list each server takes (see onRuntime). */
  rounds: number;
  /** Node/V8 flags for every server (plan.ts's SERVER_NODE_FLAGS: production's, from npm start). */
  nodeFlags: string[];
  warmupS: number;
  bcryptCost: number;
  logLevel: string;
  poolMax: number;
  keepAliveMs: number;
  /** Waits until the server and our PostgreSQL backends are idle, as the main rows do. */
  settle: (serverPid: number) => Promise<void>;
  log: (message: string) => void;
}

/** The load each round starts with, before its measurement (onRuntime). */
const REWARM_S = 3;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function compareRuntimes(options: RuntimeOptions): Promise<RuntimeComparison> {
  const result: RuntimeComparison = {
    runtimes: options.runtimes.map((r) => r.version),
    connections: options.connections,
    stormConnections: options.storm.connections,
    stormRounds: options.storm.rounds,
    rounds: options.rounds,
    rows: [],
    coldStarts: [],
    bareNextCheck: { identical: true, detail: "" },
  };
  for (const runtime of options.runtimes) {
    await onRuntime(runtime, options, result);
  }
  return result;
}

async function onRuntime(
  runtime: NodeRuntime,
  options: RuntimeOptions,
  result: RuntimeComparison,
): Promise<void> {
  const { log, users } = options;
  const label = `Node ${runtime.version}`;
  const probe = new Workload(users).list();
  const user = users[0] as BenchUser;
  const started: { stop(): Promise<void> }[] = [];
  try {
    const startDoable = (extra: Partial<Parameters<typeof startApp>[0]> = {}) =>
      startApp({
        source: options.source,
        port: options.port,
        databaseUrl: options.databaseUrl,
        bcryptCost: options.bcryptCost,
        authSecret: options.authSecret,
        logLevel: options.logLevel,
        node: runtime.node,
        ...extra,
        nodeFlags: [...options.nodeFlags, ...(extra.nodeFlags ?? [])],
      });
    const doableCold = (ready: { path: string; headers: Record<string, string> }) =>
      coldStart((hooks) =>
        startDoable({
          nodeFlags: hooks.nodeArgs,
          env: hooks.env,
          ready: { ...ready, pollMs: hooks.pollMs },
        }),
      );
    const listCold = await doableCold({ path: probe.path, headers: probe.headers });
    await listCold.server.stop();
    const dashboardCold = await doableCold({
      path: "/dashboard",
      headers: { cookie: user.cookie },
    });
    await dashboardCold.server.stop();
    // The servers under load start as the main rows' do: no preload hook, no cold route.
    const app: AppServer = await startDoable();
    started.push(app);
    const startBare = async (extra: Partial<Parameters<typeof startBareNext>[0]> = {}) =>
      startBareNext({
        port: await freePort(),
        databaseUrl: options.databaseUrl,
        poolMax: options.poolMax,
        jwksUrl: `${app.origin}/api/auth/jwks`,
        issuer: app.origin,
        node: runtime.node,
        keepAliveMs: options.keepAliveMs,
        ...extra,
        nodeArgs: [...options.nodeFlags, ...(extra.nodeArgs ?? [])],
      });
    const bareCold = await coldStart((hooks) =>
      startBare({
        nodeArgs: hooks.nodeArgs,
        env: hooks.env,
        ready: { path: probe.path, headers: probe.headers, pollMs: hooks.pollMs },
      }),
    );
    await bareCold.server.stop();
    const bare = await startBare();
    started.push(bare);
    for (const [server, route, cold] of [
      ["doable", "list", listCold],
      ["doable", "dashboard", dashboardCold],
      ["bare-next", "list", bareCold],
    ] as const) {
      result.coldStarts.push({
        runtime: runtime.version,
        server,
        route,
        ms: cold.ms,
        code: cold.code,
      });
      log(`${label}: ${server} cold start to the first 200 on ${route}: ${seconds(cold.ms)}`);
    }
    const floor = await startBaseline({
      databaseUrl: options.databaseUrl,
      appOrigin: app.origin,
      node: { path: runtime.node, name: `floor on ${label}` },
    });
    started.push(floor);

    const check = await sameAnswer(probe, app.origin, bare.origin);
    if (!check.identical) result.bareNextCheck = check;
    else result.bareNextCheck.detail ||= check.detail;
    log(`${label}: bare Next answer check: ${check.identical ? "identical" : "DIFFERENT"}`);

    const servers: [RuntimeServer, string, number][] = [
      ["doable", app.origin, app.serverPid],
      ["bare-next", bare.origin, bare.serverPid],
      ["floor", floor.origin, floor.pid],
    ];
    const measure = async (
      server: RuntimeServer,
      origin: string,
      pid: number,
      scenario: "list" | "mixed",
      load = { connections: options.connections, durationS: options.durationS },
    ) => {
      const workload = new Workload(users, load.connections);
      await options.settle(pid);
      const dropped = countListenOverflows();
      const row = await runClosedLoop({
        origin,
        ...load,
        next: scenario === "list" ? () => workload.list() : () => workload.mixed(),
      });
      const listenOverflows = dropped();
      const measured: RuntimeRow = {
        runtime: runtime.version,
        server,
        scenario,
        ...pick(row),
        rounds: [row.rps],
        listenOverflows,
      };
      log(
        `${label}: ${server} ${scenario} ×${load.connections}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, timeouts ${row.timeouts}, non-2xx ${row.non2xx}${listenOverflows ? `; ${listenOverflows} connections dropped by a full accept queue` : ""}`,
      );
      return measured;
    };
    const warmUp = (origin: string, durationS: number) => {
      const warm = new Workload(users, 7);
      return runClosedLoop({
        origin,
        connections: options.connections,
        durationS,
        next: () => warm.list(),
      });
    };
    for (const [, origin] of servers) await warmUp(origin, options.warmupS);
    // List in rounds, the servers' order reversed every other round (inRounds()): the
    // machine's drift between minutes (a third of the throughput here) then falls on all three
    // alike, and each ratio is the median of the rounds' own ratios (pairedRatio()). A server
    // that sat idle while the others were measured starts slow (its heap shrunk; the first
    // round of both Next servers ran at 75 % of the next): each round starts with a short load.
    const listRows = await inRounds(servers, options.rounds, async ([server, origin, pid]) => {
      await warmUp(origin, REWARM_S);
      return measure(server, origin, pid, "list");
    });
    result.rows.push(...listRows);
    result.rows.push(await measure("doable", app.origin, app.serverPid, "mixed"));
    // The connection storm on both Next servers, in rounds as above: whether Next's own
    // accept path under 1000 connections opened at once keeps "0 timeouts", or only ours
    // misses it. A storm's drops depend on how its first second falls (0 to 1,228 seen on
    // either server), so one storm each would say little.
    const nextServers = servers.slice(0, 2);
    const stormRows = await inRounds(nextServers, options.storm.rounds, ([server, origin, pid]) =>
      measure(server, origin, pid, "list", options.storm),
    );
    result.rows.push(...stormRows);
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}

function pick(row: Awaited<ReturnType<typeof runClosedLoop>>) {
  const { connections, rps, p50, p99, errors, timeouts, non2xx } = row;
  return { connections, rps, p50, p99, errors, timeouts, non2xx };
}

async function sameAnswer(probe: BenchRequest, a: string, b: string) {
  const [first, second] = await Promise.all(
    [a, b].map(async (origin) => {
      const response = await fetch(origin + probe.path, { headers: probe.headers });
      return { status: response.status, body: await response.text() };
    }),
  );
  const identical = first?.status === 200 && second?.status === 200 && first.body === second.body;
  return {
    identical,
    detail: `Doable ${first?.status}, ${first?.body.length} bytes; bare Next ${second?.status}, ${second?.body.length} bytes`,
  };
}
