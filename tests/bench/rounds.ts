/**
 * The runtime comparison's rounds (runtimes.ts): each server's list is measured in several
 * rounds, and what the report prints is made of their medians.
 */
import type { RuntimeRow } from "./runtimes";

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** One row for a server's rounds: medians of throughput and latencies, failures and drops summed. */
export function combineRounds(rows: RuntimeRow[]): RuntimeRow {
  const first = rows[0];
  if (!first) throw new Error("no rounds measured");
  const sum = (key: "errors" | "timeouts" | "non2xx") => rows.reduce((n, r) => n + r[key], 0);
  return {
    ...first,
    rps: median(rows.map((r) => r.rps)),
    p50: median(rows.map((r) => r.p50)),
    p99: median(rows.map((r) => r.p99)),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    non2xx: sum("non2xx"),
    listenOverflows: rows.some((r) => r.listenOverflows === undefined)
      ? undefined
      : rows.reduce((n, r) => n + (r.listenOverflows ?? 0), 0),
    rounds: rows.map((r) => r.rps),
  };
}

/**
 * Measures each server `count` times, the servers' order reversed every other round (A B C,
 * then C B A, ...), so that the machine's drift between minutes falls on all alike; each
 * server's rounds combined into one row (combineRounds), in the servers' order.
 */
export async function inRounds<T>(
  servers: readonly T[],
  count: number,
  measure: (server: T) => Promise<RuntimeRow>,
): Promise<RuntimeRow[]> {
  const rows = servers.map((): RuntimeRow[] => []);
  const order = servers.map((_, index) => index);
  for (let round = 0; round < count; round++) {
    for (const index of round % 2 === 0 ? order : [...order].reverse()) {
      rows[index]?.push(await measure(servers[index] as T));
    }
  }
  return rows.map(combineRounds);
}

/**
 * a / b as the median of the rounds' own ratios (round i of a against round i of b, measured
 * minutes apart at most), with each round's ratio; NaN when either has no rounds.
 */
export function pairedRatio(a: RuntimeRow | undefined, b: RuntimeRow | undefined) {
  // Results from before the rounds have one measurement per server.
  const roundsOf = (row: RuntimeRow | undefined) => row?.rounds ?? (row ? [row.rps] : []);
  const others = roundsOf(b);
  const each = roundsOf(a).flatMap((rps, i) => {
    const other = others[i];
    return other ? [rps / other] : [];
  });
  return { median: each.length ? median(each) : Number.NaN, each };
}
