import type { BrowserResult } from "./browser";
import type { CapacityResult } from "./capacity";
import type { ClosedLoopResult } from "./closed-loop";
import type { DispatchBenchResult } from "./dispatch";
import type { CheckResult } from "./generator-check";
import type { MicroResult } from "./micro";
import type { NeonRttResult } from "./neon-rtt";
import type { CpuShare } from "./proc-stats";
import { browserMarkdown, browserStdout, browserTargetRows } from "./report-browser";
import { dispatchSection } from "./report-dispatch";
import { markdownTable, ms, n0, ratio, table } from "./report-format";
import {
  CLOSED_HEADER,
  closedRows,
  listCpuPerRequest,
  listRatio,
  measuredConnections,
  STEP_HEADER,
  stepRows,
} from "./report-load";
import { neonMarkdown, neonStdout, neonTargetRows } from "./report-neon";
import { runtimeMarkdown, runtimeStdout, runtimeTargetRows } from "./report-runtimes";
import type { RuntimeComparison } from "./runtimes";

/** Everything one `npm run bench` measured: the JSON file, and the source of the tables. */
export interface BenchResults {
  mode: "quick" | "full";
  startedAt: string;
  durationS: number;
  environment: {
    node: string;
    cpu: string;
    cores: number;
    memoryGiB: number;
    postgres: string;
    commit: string;
    database: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  settings: {
    users: number;
    tasksPerUser: number;
    closedLoopSeconds: number;
    closedLoop1000Seconds: number;
    capacityStepSeconds: number;
    capacityConnections: number;
    logLevel: string;
    serverBcryptCost: number;
    dbPoolMax: number;
    keepAliveMs: number;
    quietWaitSeconds: number;
    profiled: boolean;
    /** Extra Node/V8 flags of next start (absent in older results). */
    serverNodeFlags?: string[];
  };
  generatorCheck: { connections: number; checks: CheckResult[] };
  responseCheck: { identical: boolean; detail: string };
  closed: ClosedRow[];
  capacity: { doable: CapacityRun; baseline: CapacityRun };
  micro: MicroResult[];
  /** Reminder dispatch at volume (absent in older results). */
  dispatch?: DispatchBenchResult;
  /** Doable, bare Next and the floor on each Node runtime, and cold starts (absent in older results). */
  runtimes?: RuntimeComparison;
  /** Each API operation on neon-http with a round-trip time (absent in older results). */
  neon?: NeonRttResult;
  /** The dashboard's first-load JavaScript and vitals on a phone (absent in older results). */
  browser?: BrowserResult;
  memory: { doable: MemoryRow; baseline: MemoryRow };
  notes: string[];
  profile?: string;
}

export interface ClosedRow extends ClosedLoopResult {
  server: "doable" | "baseline";
  scenario: "list" | "mixed" | "health";
  cpu: CpuShare;
  /** CPU time per answered request: the server process, our Postgres backends, the generator. */
  cpuMsPerRequest: { server: number; postgres: number; generator: number };
  /** Connections the kernel dropped for a full accept queue during the row (absent: unknown). */
  listenOverflows?: number;
}

export interface CapacityRun extends CapacityResult {
  cpu: CpuShare;
}

export interface MemoryRow {
  /** MiB, right after start. */
  idle: number;
  /** MiB, after sign-ups and seeding, before any load. */
  before: number;
  /** MiB: the highest of the samples taken every 250 ms and the kernel's VmHWM. */
  peak: number;
  /** MiB, after all load, 2 s idle. */
  after: number;
}

function summaryRows(r: BenchResults): string[][] {
  const list = (server: string, conns: number) =>
    r.closed.find((c) => c.server === server && c.scenario === "list" && c.connections === conns);
  const mixed1000 = r.closed.find(
    (c) => c.server === "doable" && c.scenario === "mixed" && c.connections === 1000,
  );
  const list1000 = list("doable", 1000);
  const at50 = list("doable", 50);
  const mixed50 = r.closed.find(
    (c) => c.server === "doable" && c.scenario === "mixed" && c.connections === 50,
  );
  const jwt = r.micro.filter((m) => m.name.startsWith("JWT"));
  const peak = (server: string) =>
    Math.max(
      0,
      ...r.closed.filter((c) => c.server === server && c.scenario === "list").map((c) => c.rps),
    );
  const capRatio =
    r.capacity.baseline.capacity > 0
      ? r.capacity.doable.capacity / r.capacity.baseline.capacity
      : 0;
  const fails = (c?: ClosedLoopResult) => (c ? c.errors + c.timeouts : Number.NaN);
  return [
    [
      "errors + timeouts at 1000 connections (list, mixed)",
      "0",
      `${fails(list1000)}, ${fails(mixed1000)}`,
    ],
    [
      "p99 at 50 connections (list, mixed)",
      "≤ 200 ms",
      `${ms(at50?.p99 ?? Number.NaN)} ms, ${ms(mixed50?.p99 ?? Number.NaN)} ms`,
    ],
    [
      "peak list throughput, closed loop (Doable / baseline)",
      "≥ 30 %",
      `${n0(peak("doable"))} / ${n0(peak("baseline"))} req/s = ${ratio(peak("doable"), peak("baseline"))}`,
    ],
    [
      "capacity at the SLO (Doable / baseline)",
      "≥ 30 %",
      `${n0(r.capacity.doable.capacity)} / ${n0(r.capacity.baseline.capacity)} req/s = ${(capRatio * 100).toFixed(0)} %`,
    ],
    [
      "CPU per list request, server + Postgres (Doable / baseline: baseline ÷ Doable)",
      "≥ 30 %",
      `${listCpuPerRequest(r, "doable").toFixed(2)} / ${listCpuPerRequest(r, "baseline").toFixed(2)} ms = ${((listCpuPerRequest(r, "baseline") / listCpuPerRequest(r, "doable")) * 100).toFixed(0)} %`,
    ],
    [
      `JWT verify p50 (${jwt.map((m) => m.name.replace("JWT verify, ", "")).join(", ")})`,
      "< 0.2 ms",
      jwt.map((m) => `${(m.latencyUs.p50 / 1000).toFixed(3)} ms`).join(", ") || "–",
    ],
    ...runtimeTargetRows(r.runtimes),
    ...neonTargetRows(r.neon),
    ...browserTargetRows(r.browser),
  ];
}

export function stdoutReport(r: BenchResults): string {
  const parts: string[] = [];
  parts.push(
    `\nDoable benchmark (${r.mode}), ${r.startedAt}, ${r.durationS.toFixed(0)} s; ${r.environment.cores} cores, load average at start ${r.environment.loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")}`,
    `users ${r.settings.users} × ${r.settings.tasksPerUser} tasks; app LOG_LEVEL=${r.settings.logLevel} (per-request info logs off); server BCRYPT_COST=${r.settings.serverBcryptCost}`,
    "",
    table(["target", "goal", "measured"], summaryRows(r)),
    "",
    "Closed loop (autocannon); CPU = cores used by our processes / by other processes",
    table(CLOSED_HEADER, closedRows(r)),
    "",
    "Doable / baseline, list req/s: " +
      measuredConnections(r)
        .map((c) => `${c} conns ${(listRatio(r, c) * 100).toFixed(0)} %`)
        .join(", "),
    "",
    `Capacity at the SLO (open loop, ${r.settings.capacityConnections} connections, p99 ≤ 200 ms, no errors)`,
    table(STEP_HEADER, stepRows(r)),
    `capacity: Doable ${n0(r.capacity.doable.capacity)} req/s, baseline ${n0(r.capacity.baseline.capacity)} req/s, ratio ${ratio(r.capacity.doable.capacity, r.capacity.baseline.capacity)}`,
    ...runtimeStdout(r.runtimes),
    ...neonStdout(r.neon),
    ...browserStdout(r.browser),
    "",
    table(
      ["micro-benchmark", "ops/s", "p50 µs", "p99 µs"],
      r.micro.map((m) => [m.name, n0(m.opsPerSecond), n0(m.latencyUs.p50), n0(m.latencyUs.p99)]),
    ),
    "",
    table(
      ["RSS MiB", "idle", "before load", "peak", "after"],
      (["doable", "baseline"] as const).map((s) => [
        s,
        n0(r.memory[s].idle),
        n0(r.memory[s].before),
        n0(r.memory[s].peak),
        n0(r.memory[s].after),
      ]),
    ),
    "",
    `generator check (${r.generatorCheck.connections} connections opened):`,
    ...r.generatorCheck.checks.map(
      (c) => `  ${c.pass ? "ok  " : "FAIL"} ${c.name}: ${c.measured} (expected ${c.expected})`,
    ),
    `response check: ${r.responseCheck.identical ? "identical JSON" : "DIFFERENT"} (${r.responseCheck.detail})`,
    ...r.notes.map((n) => `note: ${n}`),
  );
  return `${parts.join("\n")}\n`;
}

export function markdownReport(r: BenchResults, svgName: string): string {
  const e = r.environment;
  const s = r.settings;
  return `# Doable benchmark (${r.mode} run)

${r.startedAt}, ${r.durationS.toFixed(0)} s in all. Reproduce with \`npm run bench\` (full) or \`npm run bench -- --quick\`.
Measured: ${e.commit}; Node ${e.node}; ${e.postgres.split(" on ")[0]}; ${e.cores} × ${e.cpu}, ${e.memoryGiB.toFixed(0)} GiB.
Load average at start ${e.loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")}, at end ${e.loadAverageAtEnd.map((l) => l.toFixed(2)).join(" ")}.

## Against the targets

${markdownTable(["target", "goal", "measured"], summaryRows(r))}

![p99 latency against offered load](${svgName})

Where Doable's time goes, A/B measurements of possible fixes and the method: [tests/bench/README.md](../README.md).

## Setup

- A fresh database \`${e.database}\` on the local PostgreSQL, migrated with the app's migrations, dropped afterwards.
- ${s.users} users signed up through \`POST /api/auth/sign-up/email\`, each with a real JWT from \`GET /api/auth/token\` (EdDSA, the app's own keys); ${s.tasksPerUser} tasks each inserted in bulk SQL (titles, half with descriptions, a third completed, some due dates and tags).
- Doable: \`next start\` of a production build (\`${".next-bench"}\`), node-postgres driver, pool of ${s.dbPoolMax}, \`LOG_LEVEL=${s.logLevel}\`${s.logLevel === "warn" ? " (the one info line per request that route() writes is off: at these rates stdout logging would dominate)" : ""}, \`AUTH_RATE_LIMIT=off\` (thousands of sign-ups from one address), \`BCRYPT_COST=${s.serverBcryptCost}\` for the sign-ups only (the task routes never hash; bcrypt at the production cost is measured below), \`--keepAliveTimeout ${s.keepAliveMs}\`${s.serverNodeFlags?.length ? `, Node flags \`${s.serverNodeFlags.join(" ")}\` (\`npm start\`'s, from package.json; the baseline, bare Next and the floor run with them too)` : ""}.
- Baseline (\`tests/bench/baseline.ts\`): a bare \`node:http\` server doing the same list work: jose \`jwtVerify\` against the same public keys (fetched once from \`/api/auth/jwks\`), each token verified once and then remembered until it expires as \`lib/server/auth/jwt.ts\` does, the same SQL statements with \`pg\` (the page of 51 rows and the per-status counts in parallel; the account check only when the counts are zero), the same JSON, pool of ${s.dbPoolMax}. Response check: ${r.responseCheck.identical ? "the two servers answered the same list request with identical JSON" : "**the JSON differed**"} (${r.responseCheck.detail}).
- Load from this process: autocannon for the closed loop (${s.closedLoopSeconds} s per row, ${s.closedLoop1000Seconds} s at 1000 connections, after a warm-up), our open-loop generator for capacity (${s.capacityStepSeconds} s per step, ${s.capacityConnections} connections opened before the first step). Requests go to the users in turn, so no hot row. Before each row and step the bench waits until the server and our PostgreSQL backends are idle, so a backlog left by an overloaded step is not billed to the next${s.quietWaitSeconds ? `, and then (${s.quietWaitSeconds} s at most) for other work on the machine to pass` : ""}.
- Everything (load generator, both servers, PostgreSQL) shares the same ${e.cores} cores. "CPU ms/req server+pg" is the CPU time the server process and our PostgreSQL backends spent per answered request: the cost of the work, which other load on the machine hardly changes (unlike requests/s). "cores ours/others" is cores used by our processes (bench, servers, our PostgreSQL backends) and by everything else during the row${r.closed.some((c) => c.cpu.others > 0.2) ? "; rows with others well above 0 were measured while other work ran on the machine and are noisy" : ""}.
${s.profiled ? "- **This run was profiled** (`--cpu-prof` on the server): its figures are lower than an unprofiled run's.\n" : ""}
## Closed loop

${markdownTable(CLOSED_HEADER, closedRows(r))}

\`doable health\` is \`GET /api/health\` (route() and \`select 1\`): the cheapest request the app serves, i.e. Next's own request path plus one query, for scale.

Doable / baseline, list requests/s: ${measuredConnections(r)
    .map((c) => `${c} connections ${(listRatio(r, c) * 100).toFixed(0)} %`)
    .join(", ")}.

## Capacity at the SLO

Open loop over ${s.capacityConnections} connections: fixed rates, evenly spaced, each latency counted from the request's scheduled send time. A step meets the SLO with p99 ≤ 200 ms, no errors, timeouts or non-2xx answers, and at least 97 % of the offered rate achieved. A step that missed while other processes used more than 0.3 cores is measured once more ("2nd try"); the second result counts.

${markdownTable(STEP_HEADER, stepRows(r))}

**Capacity: Doable ${n0(r.capacity.doable.capacity)} req/s, baseline ${n0(r.capacity.baseline.capacity)} req/s: ${ratio(r.capacity.doable.capacity, r.capacity.baseline.capacity)}.**

### How the generator was checked

Before measuring, the generator ran against \`tests/bench/check-server.ts\`, a server whose answers are known in advance (${r.generatorCheck.connections} connections opened):

${markdownTable(
  ["check", "expected", "measured", ""],
  r.generatorCheck.checks.map((c) => [c.name, c.expected, c.measured, c.pass ? "ok" : "**FAIL**"]),
)}

The fixed-service check shows the generator adds no queueing of its own at the rates used (p50 ≈ the service time, the offered rate achieved). The stall check shows latency is counted from the schedule: requests scheduled during a stall of S ms in a run of T ms are S/T of all and wait evenly 0…S ms, so p99 lands near S × (1 − 0.01 T / S) above the service time; a generator that started the clock at the actual send (coordinated omission) would report almost the bare service time.${r.generatorCheck.checks.some((c) => c.name.startsWith("contrast")) ? " The contrast row is autocannon's `overallRate` on the same fixed-service server: it releases each second's budget per connection in a burst, so its latencies include its own bursts." : ""}

## Micro-benchmarks

${markdownTable(
  ["", "ops/s", "p50 µs", "p90 µs", "p99 µs"],
  r.micro.map((m) => [
    m.name,
    n0(m.opsPerSecond),
    n0(m.latencyUs.p50),
    n0(m.latencyUs.p90),
    n0(m.latencyUs.p99),
  ]),
)}

${runtimeMarkdown(r.runtimes)}${neonMarkdown(r.neon)}${browserMarkdown(r.browser)}${dispatchSection(r)}## Memory (resident set of the server process)

${markdownTable(
  ["MiB", "idle after start", "before load", "peak", "after load"],
  (["doable", "baseline"] as const).map((k) => [
    k === "doable" ? "Doable (next-server)" : "baseline",
    n0(r.memory[k].idle),
    n0(r.memory[k].before),
    n0(r.memory[k].peak),
    n0(r.memory[k].after),
  ]),
)}
${r.notes.length ? `\n## Notes\n\n${r.notes.map((n) => `- ${n}`).join("\n")}\n` : ""}${r.profile ? `\n## CPU profile of the server\n\n\`\`\`\n${r.profile}\n\`\`\`\n` : ""}`;
}
