/** `npm run bench`'s command line and the plan it sets: sizes, durations, settings. */
import fs from "node:fs";
import path from "node:path";
import { COARSE_LADDER, FINE_LADDER } from "./capacity";
import type { ClosedRow } from "./report";
import type { BenchRequest, Workload } from "./workload";

export const args = new Set(process.argv.slice(2));
/** The value after a flag, e.g. `--ref HEAD`. */
export function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index > 0 ? process.argv[index + 1] : undefined;
}
export const QUICK = args.has("--quick");
export const PROFILE = args.has("--profile");
/**
 * The Node/V8 flags `npm start` runs production with (package.json's start script: `node
 * <flags> node_modules/next/dist/bin/next start`), then `--server-node-flags "<flags>"` for
 * experiments. Every server the bench measures runs with them (Doable, the baseline, bare Next
 * and the floor), so that a comparison is of code, not of runtime settings.
 */
export const SERVER_NODE_FLAGS = [
  ...startScriptFlags(),
  ...(option("--server-node-flags")?.split(/\s+/).filter(Boolean) ?? []),
];

function startScriptFlags(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
    scripts: Record<string, string>;
  };
  const [command, ...rest] = (scripts.start ?? "").split(/\s+/);
  if (command !== "node") return [];
  const end = rest.findIndex((word) => !word.startsWith("--"));
  return end === -1 ? rest : rest.slice(0, end);
}
/**
 * `--node 20,24`: the Node majors the runtime comparison (runtimes.ts) runs the servers on;
 * default this process's own and 24, the production runtime. A major other than ours comes
 * from the registry package node-<platform>-<arch> (tests/support/node-runtime.ts).
 */
export const NODE_MAJORS = [
  ...new Set(
    (option("--node") ?? `${process.versions.node.split(".")[0]},24`)
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean),
  ),
];

export const PLAN = QUICK
  ? {
      users: 100,
      /** The two rows the targets name: p99 at 50 connections, no failures at 1000. */
      concurrencies: [50, 1000],
      closedS: 2,
      /** 1000 connections need time for a few rounds of answers. */
      closed1000S: 3,
      /** Rounds of list per server in the runtime comparison (runtimes.ts). */
      runtimeRounds: 3,
      /** Rounds of the 1000-connection storm on Doable and bare Next there. */
      stormRounds: 1,
      /** Cold phone loads of the dashboard (browser.ts). */
      browserRuns: 1,
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
      runtimeRounds: 3,
      stormRounds: 2,
      browserRuns: 3,
      warmupS: 5,
      stepMs: 6_000,
      refine: 2,
      jwtIterations: 20_000,
      bcryptIterations: 10,
      checkMs: 4_000,
      quietWaitMs: 20_000,
      ladder: FINE_LADDER,
    };
export const TASKS_PER_USER = 50;
/** What each closed-loop scenario sends. `health` is Next's floor: route() and `select 1`. */
export const NEXT_REQUEST: Record<ClosedRow["scenario"], (w: Workload) => () => BenchRequest> = {
  list: (w) => () => w.list(),
  mixed: (w) => () => w.mixed(),
  health: () => () => ({ method: "GET", path: "/api/health", headers: {} }),
};
export const CAPACITY_CONNECTIONS = 1000;
/** The round-trip time the neon-http step puts on every statement: a Vercel function near its Neon region. */
export const NEON_RTT_MS = 10;
/** Sign-ups only; the task routes never hash. Production's default (10) is measured in micro. */
export const SERVER_BCRYPT_COST = 4;
/** The app's log level: per-request info lines off unless `--log-level info` (to measure them). */
export const LOG_LEVEL = option("--log-level") ?? "warn";
export const DB_POOL_MAX = 10;
export const RESULTS_DIR = path.join("tests", "bench", "results");
