/** The report's load tables: the closed-loop rows and the capacity steps. */
import type { BenchResults } from "./report";
import { cores, f2, ms, n0 } from "./report-format";

export function listRatio(r: BenchResults, connections: number): number {
  const find = (server: string) =>
    r.closed.find(
      (c) => c.server === server && c.scenario === "list" && c.connections === connections,
    )?.rps ?? 0;
  const base = find("baseline");
  return base > 0 ? find("doable") / base : 0;
}

export const CLOSED_HEADER = [
  "server / scenario",
  "conns",
  "req/s",
  "p50 ms",
  "p90 ms",
  "p99 ms",
  "max ms",
  "errors",
  "timeouts",
  "non-2xx",
  "CPU ms/req server+pg",
  "cores ours/others",
];

export function closedRows(r: BenchResults): string[][] {
  return r.closed.map((c) => [
    `${c.server} ${c.scenario}`,
    String(c.connections),
    n0(c.rps),
    // No answer within the row: autocannon reports 0 ms latencies, which would read as fast.
    ...[c.p50, c.p90, c.p99, c.max].map((v) => (c.requests > 0 ? ms(v) : "–")),
    String(c.errors),
    String(c.timeouts),
    c.non2xx
      ? `${c.non2xx} (${Object.entries(c.statusCodes)
          .filter(([code]) => !code.startsWith("2"))
          .map(([code, count]) => `${code}×${count}`)
          .join(" ")})`
      : "0",
    `${f2(c.cpuMsPerRequest.server)}+${f2(c.cpuMsPerRequest.postgres)}`,
    cores(c.cpu),
  ]);
}

/** Server + Postgres CPU per list request, averaged over the concurrencies: the work's cost. */
export function listCpuPerRequest(r: BenchResults, server: string): number {
  const rows = r.closed.filter((c) => c.server === server && c.scenario === "list");
  if (rows.length === 0) return Number.NaN;
  const total = rows.reduce(
    (sum, c) => sum + c.cpuMsPerRequest.server + c.cpuMsPerRequest.postgres,
    0,
  );
  return total / rows.length;
}

export const STEP_HEADER = [
  "server",
  "offered/s",
  "achieved/s",
  "p50 ms",
  "p90 ms",
  "p99 ms",
  "max ms",
  "err/timeout/non-2xx",
  "send lag p99 ms",
  "cores ours/others",
  "SLO",
];

export function stepRows(r: BenchResults): string[][] {
  return (["doable", "baseline"] as const).flatMap((server) =>
    r.capacity[server].steps.map((s) => [
      server,
      n0(s.offered),
      n0(s.achieved),
      ms(s.latency.p50),
      ms(s.latency.p90),
      ms(s.latency.p99),
      ms(s.latency.max),
      `${s.errors}/${s.timeouts}/${s.non2xx}`,
      ms(s.sendLag.p99),
      s.cpu ? cores(s.cpu) : "–",
      `${s.pass ? "met" : "missed"}${s.repeated ? " (2nd try)" : ""}`,
    ]),
  );
}

/** The connection counts of the list rows this run measured (--quick measures fewer). */
export function measuredConnections(r: BenchResults): number[] {
  const counts = r.closed.filter((c) => c.scenario === "list").map((c) => c.connections);
  return [...new Set(counts)].sort((a, b) => a - b);
}
