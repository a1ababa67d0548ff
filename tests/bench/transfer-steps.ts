import type { ImportResult } from "@/lib/transfer/model";
import type { BenchAccount } from "./accounts";
import type { AppServer } from "./app-server";
import { countStream, type TransferFile } from "./transfer-file";
import type { Driver } from "./transfer-report";

/**
 * What the transfer benchmark (transfer.ts) measures, one request each: the import of the
 * generated file as a dry run and for real, and the export as JSON and as CSV, read as a stream
 * and counted. Each answers what it sent or received and whether the counts are right.
 */

export interface Target {
  driver: Driver;
  app: AppServer;
  /** Our PostgreSQL backends (none on PGlite: it runs inside next-server). */
  dbPids(): number[];
}

export interface Outcome {
  bytes: number;
  tasks: number;
  check: string;
  ok: boolean;
}

async function postImport(
  target: Target,
  account: BenchAccount,
  file: TransferFile,
  dryRun: boolean,
): Promise<Outcome> {
  const response = await fetch(
    `${target.app.origin}/api/${account.id}/import${dryRun ? "?dryRun=1" : ""}`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${account.token}`, "content-type": "application/json" },
      body: file.body,
    },
  );
  const text = await response.text();
  if (!response.ok) throw new Error(`import: ${response.status} ${text.slice(0, 1000)}`);
  const result = JSON.parse(text) as ImportResult;
  const created = result.created.tasks + result.created.subtasks;
  const ok = created === file.tasks && result.problemCount === 0;
  return {
    bytes: file.bytes,
    tasks: file.tasks,
    ok,
    check: `${ok ? "ok" : "MISMATCH"}: ${created} tasks (${result.created.subtasks} subtasks), ${result.created.projects} projects${result.problemCount ? `, ${result.problemCount} problems: ${result.problems[0]?.reason}` : ""}`,
  };
}

async function getExport(
  target: Target,
  account: BenchAccount,
  file: TransferFile,
  type: "json" | "csv",
): Promise<Outcome> {
  const response = await fetch(
    `${target.app.origin}/api/${account.id}/export${type === "csv" ? "?format=csv" : ""}`,
    { headers: { authorization: `Bearer ${account.token}` } },
  );
  if (!response.ok || !response.body) {
    throw new Error(`export ${type}: ${response.status} ${await response.text()}`);
  }
  const encoding = response.headers.get("content-encoding");
  const { bytes, matches } = await countStream(response.body, type === "csv" ? "\r\ntask," : "\n{");
  const ok = matches === file.tasks;
  return {
    bytes,
    tasks: matches,
    ok,
    check: `${ok ? "ok" : "MISMATCH"}: ${matches} tasks${encoding ? ` (sent ${encoding})` : ""}`,
  };
}

/** The steps, in order; each runs on a freshly started server (see benchDriver). */
export const STEPS: {
  name: string;
  run: (t: Target, a: BenchAccount, f: TransferFile) => Promise<Outcome>;
}[] = [
  { name: "import dry run", run: (t, a, f) => postImport(t, a, f, true) },
  { name: "import", run: (t, a, f) => postImport(t, a, f, false) },
  { name: "export JSON", run: (t, a, f) => getExport(t, a, f, "json") },
  { name: "export CSV", run: (t, a, f) => getExport(t, a, f, "csv") },
];
