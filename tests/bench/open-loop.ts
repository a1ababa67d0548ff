import { type Dispatcher, Pool } from "undici";
import { LatencyRecorder, type LatencySummary } from "./latency-stats";
import type { BenchRequest } from "./workload";

/**
 * Open-loop load: requests leave on an evenly spaced schedule (one every 1/rate seconds)
 * whatever the server is doing, over a pool of up to `connections` keep-alive connections.
 * Each latency is counted from the request's scheduled send time, so time spent waiting for
 * a free connection, or behind a stalled server, is part of it (no coordinated omission).
 *
 * Unlike autocannon's overallRate (which caps connections at the rate and releases each
 * second's budget in a burst), the schedule never waits for answers and never bunches.
 */

export interface OpenLoopResult {
  /** Requests per second on the schedule. */
  offered: number;
  /** Answers per second actually completed within the step. */
  achieved: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: LatencySummary;
  /** How late the generator itself dispatched requests (its own timer and event-loop lag). */
  sendLag: LatencySummary;
  /** Requests still unanswered at the deadline: the pool is clogged, make a new one. */
  abandoned: boolean;
  /** Connections open at the end of the step. */
  connections: number;
}

export interface OpenLoopOptions {
  pool: Pool;
  rate: number;
  durationMs: number;
  next: () => BenchRequest;
  /** An answer later than this after its scheduled time counts as a timeout. */
  timeoutMs?: number;
}

export function createPool(origin: string, connections: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    // Keep idle connections for the whole run; the servers keep theirs for 10 minutes too.
    keepAliveTimeout: 600_000,
    keepAliveMaxTimeout: 600_000,
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: { timeout: 10_000 },
  });
}

/**
 * Opens the pool's connections before measuring: `connections` concurrent requests make the
 * pool dial every connection, so the steps start with them all open (1000 users online).
 */
export async function openConnections(
  pool: Pool,
  connections: number,
  request: () => BenchRequest,
): Promise<number> {
  // All at once: while they are in flight none is free, so the pool dials a new one for each.
  await Promise.all(
    Array.from({ length: connections }, () => {
      const r = request();
      return pool
        .request({ method: r.method, path: r.path, headers: r.headers, body: r.body })
        .then((res) => res.body.arrayBuffer())
        .catch(() => undefined);
    }),
  );
  return pool.stats.connected;
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { pool, rate, durationMs } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const total = Math.max(1, Math.floor((rate * durationMs) / 1000));
  const interval = 1000 / rate;
  const latency = new LatencyRecorder(total);
  const sendLag = new LatencyRecorder(total);
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let outstanding = 0;
  let lastAnswerAt = 0;
  let abandoned = false;
  let drained: (() => void) | undefined;

  const settle = () => {
    outstanding--;
    if (outstanding === 0) drained?.();
  };

  /*
   * dispatch() with a bare handler rather than request(): no stream, promise or timer per
   * request, so the generator spends its CPU on the wire, not on itself (it shares the
   * machine with the server it measures).
   */
  const fire = (scheduled: number) => {
    const r = options.next();
    sendLag.record(performance.now() - scheduled);
    outstanding++;
    let status = 0;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart() {},
      onResponseStart(_controller, statusCode) {
        status = statusCode;
      },
      onResponseData() {},
      onResponseEnd() {
        if (abandoned) return;
        const done = performance.now();
        lastAnswerAt = done;
        const ms = done - scheduled;
        if (ms > timeoutMs) timeouts++;
        else {
          latency.record(ms);
          if (status >= 200 && status < 300) ok++;
          else non2xx++;
        }
        settle();
      },
      onResponseError() {
        if (abandoned) return;
        errors++;
        settle();
      },
    };
    pool.dispatch({ method: r.method, path: r.path, headers: r.headers, body: r.body }, handler);
  };

  const start = performance.now() + 10;
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && start + i * interval <= now) {
        fire(start + i * interval);
        i++;
      }
      if (i >= total) return resolve();
      setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
    };
    setTimeout(tick, 10);
  });
  if (outstanding > 0) {
    // The last scheduled request gets its full timeout; whatever is still open then timed out.
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([new Promise<void>((resolve) => (drained = resolve)), deadline]);
    if (outstanding > 0) {
      abandoned = true;
      timeouts += outstanding;
    }
  }

  const elapsed = Math.max(lastAnswerAt, start + durationMs) - start;
  return {
    offered: rate,
    achieved: ((ok + non2xx) / elapsed) * 1000,
    sent: total,
    ok,
    non2xx,
    errors,
    timeouts,
    abandoned,
    latency: latency.summary(),
    sendLag: sendLag.summary(),
    connections: pool.stats.connected,
  };
}
