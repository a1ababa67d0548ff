import "server-only";
import { createHash } from "node:crypto";
import { type Database, type DbHandle, getDbHandle } from "@/db";
import { pgConstraint, pgErrorCode } from "@/db/errors";
import { writeImport } from "@/db/queries/transfer";
import { readBodyText } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import {
  DOABLE_CSV_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_PROBLEMS_MAX,
  IMPORT_ROWS_MAX,
  type ImportFormat,
  type ImportProblem,
  type ImportResult,
} from "@/lib/transfer/model";
import { csvHeader, readCsv } from "./csv";
import { readDoableCsv, readDoableJson } from "./doable-import";
import type { ImportDraft } from "./draft";
import { planImport } from "./plan";
import { readTodoistCsv } from "./todoist-import";

/**
 * POST /import: the body is the file itself. Its format is told from its content (a JSON object,
 * or a CSV whose header is Doable's or Todoist's); a Content-Type that says otherwise is refused.
 * The file is read into a draft, planned against the account (plan.ts), and then either answered
 * (a dry run: what would be created, and every row that cannot be read) or, when no row has a
 * problem, written in one batch: all of it or, on any error, none of it.
 */

export interface ImportOptions {
  request: Request;
  db: Database;
  batch: DbHandle["batch"];
  userId: string;
  dryRun: boolean;
  project?: string;
  timeZone(): Promise<string>;
  confirmAccount(): Promise<void>;
}

/**
 * The most one import's batch may carry (writeImport): neon-http sends a batch as one request,
 * and Neon's SQL over HTTP takes about 10 MB a request. The other drivers run a transaction.
 */
const NEON_HTTP_BATCH_BYTES = 9 * 1024 * 1024;

/** Types a browser or a client may give a CSV or JSON file; a form upload is not the file. */
const ACCEPTED_TYPES =
  /^(application\/(json|csv|octet-stream|vnd\.ms-excel)|text\/(csv|plain|comma-separated-values))$/;

function bad(message: string): ApiError {
  return new ApiError("validation_failed", message);
}

function declaredType(request: Request): "json" | "csv" | "any" {
  const type =
    (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "") return "any";
  if (!ACCEPTED_TYPES.test(type)) {
    throw bad(`Send the file itself as the body, as application/json or text/csv (not ${type}).`);
  }
  if (type === "application/json") return "json";
  return /csv|excel/.test(type) ? "csv" : "any";
}

function detect(text: string): ImportFormat {
  if (text.trimStart().startsWith("{")) return "doable-json";
  const header = csvHeader(text);
  if (header.includes("TYPE") && header.includes("CONTENT")) return "todoist-csv";
  if (["type", "id", "title"].every((name) => header.includes(name))) return "doable-csv";
  throw bad(
    `This is not a file Doable can import: expected a Doable export (JSON, or CSV with the header ${DOABLE_CSV_COLUMNS.join(",")}) or a Todoist CSV (TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,...).`,
  );
}

async function readDraft(text: string, format: ImportFormat, options: ImportOptions, now: Date) {
  if (format === "doable-json") return readDoableJson(text);
  const table = readCsv(text);
  if (table.tooLong) throw tooManyRows();
  if (format === "doable-csv") return readDoableCsv(table);
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 16);
  return readTodoistCsv(table, {
    project: options.project,
    digest,
    timeZone: await options.timeZone(),
    now,
  });
}

const tooManyRows = () => bad(`An import holds at most ${IMPORT_ROWS_MAX} tasks; split the file.`);

/** File order: a JSON export's projects before its tasks, then by row. */
function inFileOrder(problems: ImportProblem[]): ImportProblem[] {
  const list = (p: ImportProblem) => (p.path?.startsWith("tasks") ? 1 : 0);
  return [...problems].sort((a, b) => list(a) - list(b) || a.row - b.row);
}

/** Rows refused by the database after the plan said yes: another write raced this one. */
function raced(error: unknown): ApiError | undefined {
  const code = pgErrorCode(error);
  // A foreign key to the user is the deleted-account rule's (user-route.ts), not a race.
  if (code !== "23503" && code !== "23505") return undefined;
  if (/_user_id_user_id_fk$/.test(pgConstraint(error) ?? "")) return undefined;
  return new ApiError(
    "conflict",
    "Something changed these projects or tasks while the import ran, so nothing was imported. Try again.",
  );
}

export async function importFile(options: ImportOptions): Promise<ImportResult> {
  const declared = declaredType(options.request);
  const text = (await readBodyText(options.request, IMPORT_MAX_BYTES)).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw bad("The file is empty.");
  const format = detect(text);
  if (declared === "json" && format !== "doable-json")
    throw bad("The body is sent as application/json but is a CSV file.");
  if (declared === "csv" && format === "doable-json")
    throw bad("The body is sent as text/csv but is a JSON file.");

  const now = new Date();
  const draft: ImportDraft = await readDraft(text, format, options, now);
  if (draft.tasks.length > IMPORT_ROWS_MAX) throw tooManyRows();
  const plan = await planImport(draft, {
    db: options.db,
    userId: options.userId,
    timeZone: await options.timeZone(),
    now,
  });
  const problems = inFileOrder([...draft.problems, ...plan.problems]);
  const result: ImportResult = {
    format,
    dryRun: options.dryRun,
    created: plan.created,
    skipped: plan.skipped,
    problems: problems.slice(0, IMPORT_PROBLEMS_MAX),
    problemCount: problems.length,
  };
  if (options.dryRun) {
    await options.confirmAccount();
    return result;
  }
  if (problems.length > 0) {
    const [first] = problems;
    throw new ApiError(
      "validation_failed",
      `${problems.length} ${problems.length === 1 ? "row" : "rows"} cannot be imported, so nothing was imported. Row ${first?.row}: ${first?.reason}`,
      result.problems.map((p) => ({ path: p.path ?? `row ${p.row}`, message: p.reason })),
    );
  }
  const { driver } = await getDbHandle();
  const maxBytes = driver === "neon-http" ? NEON_HTTP_BATCH_BYTES : undefined;
  let written: Awaited<ReturnType<typeof writeImport>>;
  try {
    written = await writeImport(options.batch, plan.rows, maxBytes);
  } catch (error) {
    throw raced(error) ?? error;
  }
  if (written.status === "too_large") {
    throw new ApiError(
      "payload_too_large",
      `This import is too large to write in one go on this server's database (${Math.ceil(written.bytes / 1e6)} MB of rows; it takes ${Math.floor((maxBytes ?? 0) / 1e6)} MB at once): split the file and import the parts.`,
    );
  }
  const { projects, tasks, subtasks } = plan.created;
  if (projects + tasks + subtasks === 0) await options.confirmAccount();
  return result;
}
