import autocannon from "autocannon";
import type { BenchRequest } from "./workload";

/**
 * Closed loop with autocannon: N connections, each sending its next request as soon as the
 * previous answer arrives. Measures throughput at a concurrency; its latencies are those of
 * a client that waits, not of an arrival schedule (the open loop does that).
 */

export interface ClosedLoopResult {
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface ClosedLoopOptions {
  origin: string;
  connections: number;
  durationS: number;
  next: () => BenchRequest;
  timeoutS?: number;
}

export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.durationS,
    timeout: options.timeoutS ?? 10,
    // Every request is built anew from the workload: another user, another operation.
    requests: [{ setupRequest: (request) => ({ ...request, ...options.next() }) }],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  return {
    connections: options.connections,
    durationS: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    // autocannon counts a timeout as an error too; here the two are disjoint.
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
