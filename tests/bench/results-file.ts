/** A run's results: written as JSON, Markdown and SVG, printed, and read back for --report. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { KEEP_ALIVE_MS } from "./app-server";
import {
  CAPACITY_CONNECTIONS,
  DB_POOL_MAX,
  LOG_LEVEL,
  PLAN,
  PROFILE,
  RESULTS_DIR,
  SERVER_BCRYPT_COST,
  SERVER_NODE_FLAGS,
  TASKS_PER_USER,
} from "./plan";
import { summarizeProfile } from "./profile-summary";
import { type BenchResults, markdownReport, stdoutReport } from "./report";
import { latencyChart } from "./svg-chart";

/** Where the run ran: this machine, its PostgreSQL, the measured commit. */
export async function environmentOf(options: {
  adminUrl: string;
  commit: string;
  database: string;
  loadAverageAtStart: number[];
}): Promise<BenchResults["environment"]> {
  return {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "?",
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 2 ** 30,
    postgres: await postgresVersion(options.adminUrl),
    commit: options.commit,
    database: options.database,
    loadAverageAtStart: options.loadAverageAtStart,
    loadAverageAtEnd: os.loadavg(),
  };
}

/** How the run measured (plan.ts), for the report's setup section. */
export function runSettings(): Omit<BenchResults["settings"], "users"> {
  return {
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
  };
}

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ version: string }>("select version()")).rows[0]?.version ?? "?";
  } finally {
    await client.end();
  }
}

/** The next-server's profile (the biggest file: the `next` CLI parent is idle), summarized. */
export function summarizeServerProfile(dir: string, serverPid: number): string | undefined {
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

export function writeResults(results: BenchResults, log: (message: string) => void) {
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
export async function rerender(file: string, log: (message: string) => void) {
  writeResults(JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults, log);
}
