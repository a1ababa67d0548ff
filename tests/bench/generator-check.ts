import autocannon from "autocannon";
import { freePort, startChildServer } from "./child-server";
import { createPool, type OpenLoopResult, openConnections, runOpenLoop } from "./open-loop";

/**
 * Checks the open-loop generator against a server whose answers are known in advance
 * (tests/bench/check-server.ts), before its figures are trusted:
 *
 * 1. Fixed service time: every answer takes exactly SERVICE_MS. The generator must deliver
 *    the offered rate and report p50 ≈ SERVICE_MS, i.e. add no queueing of its own.
 * 2. Stall: at mid-run the server blocks for S ms, a tenth of the run. Requests scheduled
 *    during the stall wait for its end, so their latencies spread evenly from S down to 0.
 *    They are S / duration of all requests, so the p99 must be
 *    service + S × (1 − 0.01 / (S / duration)). A generator that measured from
 *    the actual send (coordinated omission) would see only the few requests in flight.
 * 3. (full run) autocannon with overallRate on the fixed-service server, for contrast: it
 *    releases each second's budget in a burst, and its p99 shows its own queueing.
 */

export interface CheckResult {
  name: string;
  expected: string;
  measured: string;
  pass: boolean;
}

const SERVICE_MS = 20;
const STALL_SERVICE_MS = 5;

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function checkGenerator(options: {
  rate: number;
  durationMs: number;
  contrast: boolean;
  log: (message: string) => void;
}): Promise<{ checks: CheckResult[]; connections: number }> {
  options.log("checking the open-loop generator against a server with known answers");
  const port = await freePort();
  const server = await startChildServer({
    name: "generator check server",
    command: process.execPath,
    args: ["--import", "tsx", "tests/bench/check-server.ts"],
    env: { ...process.env, PORT: String(port), SERVICE_MS: String(SERVICE_MS) },
    port,
    readyPath: "/health",
  });
  const pool = createPool(server.origin, 1000);
  const checks: CheckResult[] = [];
  try {
    const fixed = () => ({ method: "GET" as const, path: "/fixed", headers: {} });
    const connections = await openConnections(pool, 1000, fixed);

    const a = await runOpenLoop({
      pool,
      rate: options.rate,
      durationMs: options.durationMs,
      next: fixed,
    });
    const rateError = Math.abs(a.achieved / a.offered - 1);
    checks.push({
      name: `fixed ${SERVICE_MS} ms service at ${options.rate} req/s`,
      expected: `rate ±3 %, p50 ${SERVICE_MS}–${SERVICE_MS + 4} ms, p99 < ${2 * SERVICE_MS} ms, no errors`,
      measured: `${a.achieved.toFixed(0)} req/s, p50 ${fmt(a.latency.p50)}, p99 ${fmt(a.latency.p99)}, send lag p99 ${fmt(a.sendLag.p99)}, errors ${failures(a)}`,
      pass:
        rateError <= 0.03 &&
        a.latency.p50 >= SERVICE_MS &&
        a.latency.p50 <= SERVICE_MS + 4 &&
        a.latency.p99 < 2 * SERVICE_MS &&
        failures(a) === 0,
    });

    // The stall: a separate server setting, same process (answers after STALL_SERVICE_MS).
    const stallRate = 500;
    // The stall is a tenth of the run, so its requests are 10 % of all.
    const stallDuration = Math.max(2_000, options.durationMs);
    const stallMs = stallDuration / 10;
    const stalled = () => ({
      method: "GET" as const,
      path: `/fixed?ms=${STALL_SERVICE_MS}`,
      headers: {},
    });
    const stallTimer = setTimeout(() => {
      fetch(`${server.origin}/stall?ms=${stallMs}`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
    }, stallDuration / 2);
    const b = await runOpenLoop({
      pool,
      rate: stallRate,
      durationMs: stallDuration,
      next: stalled,
    });
    clearTimeout(stallTimer);
    const share = stallMs / stallDuration;
    const expectedP99 = STALL_SERVICE_MS + stallMs * (1 - 0.01 / share);
    checks.push({
      name: `${stallMs} ms stall at ${stallRate} req/s for ${stallDuration / 1000} s`,
      expected: `p99 ≈ ${fmt(expectedP99)} (±15 %), max ≈ ${fmt(stallMs + STALL_SERVICE_MS)}`,
      measured: `p99 ${fmt(b.latency.p99)}, max ${fmt(b.latency.max)}, p50 ${fmt(b.latency.p50)}`,
      pass:
        Math.abs(b.latency.p99 / expectedP99 - 1) <= 0.15 &&
        b.latency.max >= stallMs &&
        b.latency.max <= stallMs + STALL_SERVICE_MS + 60,
    });

    if (options.contrast) {
      const c = await autocannon({
        url: `${server.origin}/fixed`,
        connections: 1000,
        overallRate: options.rate,
        duration: Math.max(2, Math.round(options.durationMs / 1000)),
      });
      checks.push({
        name: `contrast: autocannon overallRate ${options.rate} on the fixed server`,
        expected: "bursts at each second: latency above the service time (its own queueing)",
        measured: `${c.requests.average.toFixed(0)} req/s, p50 ${fmt(c.latency.p50)}, p99 ${fmt(c.latency.p99)}`,
        pass: true,
      });
    }
    for (const c of checks) options.log(`  ${c.pass ? "ok  " : "FAIL"} ${c.name}: ${c.measured}`);
    return { checks, connections };
  } finally {
    await pool.close();
    await server.stop();
  }
}

function failures(r: OpenLoopResult): number {
  return r.errors + r.timeouts + r.non2xx;
}
