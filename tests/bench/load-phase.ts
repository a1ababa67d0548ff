import type { AppServer } from "./app-server";
import { findCapacity } from "./capacity";
import type { ChildServer } from "./child-server";
import { runClosedLoop } from "./closed-loop";
import { CAPACITY_CONNECTIONS, DB_POOL_MAX, NEXT_REQUEST, PLAN } from "./plan";
import {
  countListenOverflows,
  cpuMs,
  cpuShare,
  cpuSnapshot,
  pidsWithCommandLine,
  waitForIdle,
  waitForQuietMachine,
} from "./proc-stats";
import type { BenchResults, ClosedRow } from "./report";
import { type BenchUser, Workload } from "./workload";

/**
 * The load on Doable and the floor: closed-loop list rows at each concurrency (and Doable's
 * health, for scale), capacity at the SLO on both, then Doable's mixed rows (which write, so
 * they come last). Before each row and step the server and our PostgreSQL backends go idle.
 */
export interface LoadPhaseOptions {
  app: AppServer;
  baseline: ChildServer;
  databaseName: string;
  users: BenchUser[];
  /** Every process of ours, for the CPU shares. */
  ourPids: () => number[];
  log: (message: string) => void;
}

export async function runLoadPhase(
  options: LoadPhaseOptions,
): Promise<{ closed: ClosedRow[]; capacity: BenchResults["capacity"] }> {
  const { app, baseline, users, ourPids, log, databaseName } = options;
  /**
   * Before a measurement: the server and our Postgres backends finish earlier work (backlogs),
   * then, for a while at most, other work on the machine is given time to pass.
   */
  const settle = async (server: "doable" | "baseline") => {
    await waitForIdle(() => [
      server === "doable" ? app.serverPid : baseline.pid,
      ...pidsWithCommandLine(databaseName),
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
    const dropped = countListenOverflows();
    const result = await runClosedLoop({
      origin: servers[server],
      connections,
      durationS: connections >= 1000 ? PLAN.closed1000S : PLAN.closedS,
      next: NEXT_REQUEST[scenario](workload),
    });
    const after = cpuSnapshot(ourPids());
    const listenOverflows = dropped();
    const perRequest = (pids: number[]) =>
      cpuMs(before, after, pids) / Math.max(1, result.requests);
    const row: ClosedRow = {
      server,
      scenario,
      ...result,
      cpu: cpuShare(before, after),
      cpuMsPerRequest: {
        server: perRequest(server === "doable" ? [app.serverPid] : [baseline.pid]),
        postgres: perRequest(pidsWithCommandLine(databaseName)),
        generator: perRequest([process.pid]),
      },
      listenOverflows,
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
  return { closed, capacity };
}

/** What the report must say about the load rows: dropped connections, load shedding. */
export function loadNotes(closed: ClosedRow[]): string[] {
  const notes: string[] = [];
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
  return notes;
}
