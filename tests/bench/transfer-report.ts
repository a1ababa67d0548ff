import os from "node:os";
import type { TransferFile } from "./transfer-file";

/** The transfer benchmark's figures (transfer.ts) as a Markdown table and report. */

export const DRIVERS = ["node-postgres", "pglite"] as const;
export type Driver = (typeof DRIVERS)[number];

export interface Row {
  driver: Driver;
  step: string;
  ms: number;
  tasks: number;
  bytes: number;
  /** next-server's RSS before, peak during (VmHWM, if it could be reset; sampled), after, MiB. */
  rssBefore: number;
  peakHwm: number | undefined;
  peakSampled: number;
  rssAfter: number;
  /** CPU seconds of next-server, and of our PostgreSQL backends (node-postgres). */
  serverCpuS: number;
  dbCpuS: number;
  /** Cores everything else on the machine used meanwhile. */
  otherCores: number;
  /** "ok: …" or "MISMATCH: …". */
  check: string;
}

export const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

const HEAD = [
  "driver",
  "step",
  "wall ms",
  "tasks/s",
  "MiB",
  "RSS before",
  "peak VmHWM",
  "peak sampled",
  "RSS after",
  "CPU s server + pg",
  "others' cores",
  "check",
];
/** The numeric columns, aligned right. */
const RIGHT = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]);

export function table(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.driver,
    r.step,
    r.ms.toFixed(0),
    Math.round(r.tasks / (r.ms / 1000)).toLocaleString("en-US"),
    mib(r.bytes),
    r.rssBefore.toFixed(0),
    r.peakHwm === undefined ? "–" : r.peakHwm.toFixed(0),
    r.peakSampled.toFixed(0),
    r.rssAfter.toFixed(0),
    r.driver === "pglite"
      ? r.serverCpuS.toFixed(1)
      : `${r.serverCpuS.toFixed(1)} + ${r.dbCpuS.toFixed(1)}`,
    r.otherCores.toFixed(2),
    r.check.split(":")[0] ?? "",
  ]);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const pad = (value: string, i: number) =>
    RIGHT.has(i) ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0);
  const line = (values: string[]) => `| ${values.map(pad).join(" | ")} |`;
  const rule = widths.map((w, i) => (RIGHT.has(i) ? `${"-".repeat(w - 1)}:` : "-".repeat(w)));
  return [line(HEAD), line(rule), ...cells.map(line)].join("\n");
}

export interface Report {
  tasks: number;
  seconds: number;
  /** What was measured (app-server.ts's label). */
  source: string;
  file: TransferFile;
  rows: Row[];
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

export function markdownReport(report: Report): string {
  const { file } = report;
  const cpu = os.cpus();
  return [
    `# Doable transfer benchmark: export and import of ${report.tasks.toLocaleString("en-US")} tasks`,
    "",
    `${new Date().toISOString()}, ${report.seconds.toFixed(0)} s in all. Reproduce with \`npm run bench:transfer\` (\`-- --tasks 2000\` for a quick try).`,
    `Measured: ${report.source}; Node ${process.version}; ${cpu.length} × ${cpu[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average at end ${loadAverage()}.`,
    "",
    `- The file: ${file.tasks} tasks (${file.subtasks} of them subtasks) in ${file.projects} projects, ${mib(file.bytes)} MiB of Doable JSON (\`tests/bench/transfer-file.ts\`), sent as the body of \`POST /api/{userId}/import\` (\`?dryRun=1\` first).`,
    "- One account per driver on `next start` of the production build (`.next-bench`): node-postgres on a fresh database of the local PostgreSQL, PGlite in a fresh `DATA_DIR`. Each step runs on a server started afresh on that database (same port and auth secret; the account signs in again and makes one small request first), so its peak is its own, not the heap an earlier step left behind.",
    "- Memory is next-server's, in MiB: RSS before the step, the peak during it (VmHWM, reset to the current RSS through `/proc/<pid>/clear_refs` just before; and RSS sampled every 50 ms), RSS after. PGlite runs inside next-server, so its figures include the database; PostgreSQL's backends are not counted (their CPU is).",
    "- MiB: the body sent (import) or received (export; counted as the client reads it, decompressed, one chunk at a time). CPU s: next-server (+ our PostgreSQL backends). Others' cores: what everything else on the machine used meanwhile.",
    "",
    table(report.rows),
    "",
    "Checks (created counts from the import's answer; tasks counted in the streamed export):",
    "",
    ...report.rows.map((r) => `- ${r.driver} ${r.step}: ${r.check}`),
    "",
  ].join("\n");
}
