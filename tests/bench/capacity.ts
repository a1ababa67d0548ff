import type { Pool } from "undici";
import { createPool, type OpenLoopResult, openConnections, runOpenLoop } from "./open-loop";
import type { CpuShare } from "./proc-stats";
import type { BenchRequest } from "./workload";

/**
 * Capacity at the SLO: open-loop steps at rising fixed rates over `connections` open
 * connections, until a step misses the SLO (p99 above the limit, or any error, timeout or
 * non-2xx answer, or the server not keeping up with the schedule). Then, in a full run,
 * bisection between the last pass and the first miss. The capacity is the highest rate
 * that passed.
 */

export const SLO_P99_MS = 200;

export interface CapacityStep extends OpenLoopResult {
  pass: boolean;
  /** What else ran meanwhile (filled in by `observe`). */
  cpu?: CpuShare;
  /** Measured again because other work took CPU during a miss (this is the second try). */
  repeated?: boolean;
  /** The first try of a repeated step (reported to onStep only, not kept). */
  discarded?: boolean;
}

export interface CapacityResult {
  connections: number;
  /** Highest offered rate that met the SLO, or 0 if none did. */
  capacity: number;
  steps: CapacityStep[];
}

export interface CapacityOptions {
  origin: string;
  connections: number;
  next: () => BenchRequest;
  /** A rough maximum throughput (closed loop); the ladder is laid out around it. */
  estimate: number;
  stepMs: number;
  /** Bisection steps after the first miss. */
  refine: number;
  /** Fractions of `estimate` to try in turn (default FINE_LADDER). */
  ladder?: number[];
  /** Called before each step: waits until the server has finished earlier work. */
  settle: () => Promise<unknown>;
  /** Starts watching the CPU before a step; the returned function says what it saw. */
  observe?: () => () => CpuShare;
  /** A missed step is measured once more when other processes used more cores than this. */
  disturbedAbove?: number;
  onStep?: (step: CapacityStep) => void;
}

export function meetsSlo(r: OpenLoopResult): boolean {
  return (
    r.latency.p99 <= SLO_P99_MS &&
    r.errors === 0 &&
    r.timeouts === 0 &&
    r.non2xx === 0 &&
    r.achieved >= r.offered * 0.97
  );
}

/** Fractions of the estimate tried in turn: coarse at first, finer around it. */
export const FINE_LADDER = [0.3, 0.5, 0.65, 0.75, 0.85, 0.95, 1.05, 1.2, 1.4, 1.7, 2.0];
/** Fewer, larger steps for a smoke run. */
export const COARSE_LADDER = [0.5, 0.8, 1.0, 1.2, 1.45, 1.75, 2.0];

export async function findCapacity(options: CapacityOptions): Promise<CapacityResult> {
  let pool: Pool | undefined;
  const steps: CapacityStep[] = [];

  const measure = async (rate: number): Promise<CapacityStep> => {
    if (!pool) {
      pool = createPool(options.origin, options.connections);
      await openConnections(pool, options.connections, options.next);
    }
    await options.settle();
    const seen = options.observe?.();
    const result = await runOpenLoop({
      pool,
      rate: Math.round(rate),
      durationMs: options.stepMs,
      next: options.next,
    });
    const done: CapacityStep = { ...result, pass: meetsSlo(result), cpu: seen?.() };
    if (result.abandoned) {
      // Requests are still queued in it: start the next step on fresh connections.
      await pool.destroy();
      pool = undefined;
    }
    return done;
  };

  const step = async (rate: number): Promise<CapacityStep> => {
    let done = await measure(rate);
    const limit = options.disturbedAbove ?? Number.POSITIVE_INFINITY;
    if (!done.pass && (done.cpu?.others ?? 0) > limit) {
      // Other work on the machine may have caused the miss: the repeat decides.
      options.onStep?.({ ...done, discarded: true });
      done = { ...(await measure(rate)), repeated: true };
    }
    steps.push(done);
    options.onStep?.(done);
    return done;
  };

  try {
    let lastPass = 0;
    let firstMiss = 0;
    for (const fraction of options.ladder ?? FINE_LADDER) {
      const rate = Math.max(1, options.estimate * fraction);
      if ((await step(rate)).pass) lastPass = rate;
      else {
        firstMiss = rate;
        break;
      }
    }
    if (lastPass === 0 && firstMiss > 0) {
      // Even the lowest rung missed: walk down until something passes.
      for (let rate = firstMiss / 2; rate >= 5 && lastPass === 0; rate /= 2) {
        if ((await step(rate)).pass) lastPass = rate;
        else firstMiss = rate;
      }
    }
    for (let i = 0; i < options.refine && lastPass > 0 && firstMiss > 0; i++) {
      if (firstMiss / lastPass < 1.04) break;
      const rate = (lastPass + firstMiss) / 2;
      if ((await step(rate)).pass) lastPass = rate;
      else firstMiss = rate;
    }
    const passed = steps.filter((s) => s.pass).map((s) => s.offered);
    return {
      connections: options.connections,
      capacity: passed.length ? Math.max(...passed) : 0,
      steps,
    };
  } finally {
    await pool?.destroy();
  }
}
