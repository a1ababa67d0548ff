import "server-only";
import Papa from "papaparse";
import type { Database } from "@/db";
import { type ExportCursor, exportProjects, exportTaskPage } from "@/db/queries/transfer";
import type { ProjectRow, TaskRow } from "@/db/schema";
import { describeError, logger } from "@/lib/server/logger";
import {
  DOABLE_CSV_COLUMNS,
  EXPORT_FORMAT,
  EXPORT_PAGE_SIZE,
  EXPORT_VERSION,
  type ExportFileType,
  type ExportProject,
  type ExportTask,
} from "@/lib/transfer/model";
import { projectRecord, taskRecord } from "./doable-csv";

/**
 * GET /export's body: the caller's projects, then their tasks a page (EXPORT_PAGE_SIZE) at a
 * time, written to a ReadableStream as each page is read. The stream pulls the next page only
 * when the one before has been taken, so a 50 000-task account is never held at once and a slow
 * client holds the server to one page. Pages follow each other (a keyset, not a snapshot): a
 * task changed while the export runs is in it as it was when its page was read.
 */

export function toExportProject(row: ProjectRow): ExportProject {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    position: row.position,
    archived: row.archived,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toExportTask(row: TaskRow): ExportTask {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    completedAt: row.completedAt?.toISOString() ?? null,
    priority: row.priority,
    dueAt: row.dueAt?.toISOString() ?? null,
    tags: row.tags,
    repeat:
      row.repeatRule && row.repeatFrom ? { rule: row.repeatRule, from: row.repeatFrom } : null,
    reminders: row.reminders,
    nextOccurrenceId: row.nextOccurrenceId,
    projectId: row.projectId,
    parentId: row.parentId,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** How each file type writes its head, a page of tasks, and its end. */
interface Writer {
  contentType: string;
  head(projects: ExportProject[], exportedAt: string): string;
  page(tasks: ExportTask[], first: boolean): string;
  tail: string;
}

const json: Writer = {
  contentType: "application/json; charset=utf-8",
  head: (projects, exportedAt) => {
    const start = JSON.stringify({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt,
      projects,
    });
    // The document without its closing brace, and the opening of the task list.
    return `${start.slice(0, -1)},"tasks":[`;
  },
  // One task a line, so a person can read the file and a diff of two exports is legible.
  page: (tasks, first) => (first ? "" : ",") + tasks.map((t) => `\n${JSON.stringify(t)}`).join(","),
  // A cut-off download lacks this and is no JSON at all: an import refuses it whole.
  tail: "\n]}\n",
};

const CSV_OPTIONS = { columns: [...DOABLE_CSV_COLUMNS], newline: "\r\n" };

const csv: Writer = {
  contentType: "text/csv; charset=utf-8",
  // The byte order mark tells Excel the file is UTF-8; Papa Parse and our import skip it.
  head: (projects) =>
    `\uFEFF${Papa.unparse({ fields: [...DOABLE_CSV_COLUMNS], data: projects.map(projectRecord) }, CSV_OPTIONS)}\r\n`,
  page: (tasks) => `${Papa.unparse(tasks.map(taskRecord), { ...CSV_OPTIONS, header: false })}\r\n`,
  tail: "",
};

/** "doable-export-2030-01-31.json": the day of the export in the user's zone. */
function fileName(type: ExportFileType, now: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(now);
  return `doable-export-${day}.${type}`;
}

export interface ExportOptions {
  db: Database;
  userId: string;
  type: ExportFileType;
  timeZone: string;
  requestId: string;
  /** Called when the account has nothing at all (the deleted-account rule: user-route.ts). */
  confirmAccount(): Promise<void>;
  now?: Date;
}

export async function exportResponse(options: ExportOptions): Promise<Response> {
  const { db, userId, requestId } = options;
  const now = options.now ?? new Date();
  const writer = options.type === "csv" ? csv : json;
  // Read before answering, so a database error is still a proper error answer, not a cut body.
  const [projectRows, firstPage] = await Promise.all([
    exportProjects(db, userId),
    exportTaskPage(db, userId, null, EXPORT_PAGE_SIZE),
  ]);
  if (projectRows.length === 0 && firstPage.length === 0) await options.confirmAccount();

  const encoder = new TextEncoder();
  let pending: typeof firstPage | null = firstPage;
  let cursor: ExportCursor | null = null;
  let first = true;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(
          encoder.encode(writer.head(projectRows.map(toExportProject), now.toISOString())),
        );
      },
      async pull(controller) {
        try {
          const page = pending ?? (await exportTaskPage(db, userId, cursor, EXPORT_PAGE_SIZE));
          pending = null;
          if (page.length > 0) {
            controller.enqueue(encoder.encode(writer.page(page.map(toExportTask), first)));
            first = false;
            const last = page[page.length - 1] as (typeof page)[number];
            cursor = { createdAt: last.cursorAt, id: last.id };
          }
          if (page.length < EXPORT_PAGE_SIZE) {
            controller.enqueue(encoder.encode(writer.tail));
            controller.close();
          }
        } catch (error) {
          // The status line has gone out: all that is left is to end the body short and log why.
          logger.error(
            { requestId, route: "GET /api/{userId}/export", err: describeError(error) },
            "export stopped",
          );
          controller.error(error);
        }
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": writer.contentType,
      "Content-Disposition": `attachment; filename="${fileName(options.type, now, options.timeZone)}"`,
      "Cache-Control": "no-store",
    },
  });
}
