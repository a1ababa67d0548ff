import "server-only";

/** The export and import operations of the OpenAPI document (README.md: "Export and import"). */

import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import {
  EXPORT_PAGE_SIZE,
  IMPORT_MAX_BYTES,
  IMPORT_PROBLEMS_MAX,
  IMPORT_ROWS_MAX,
} from "@/lib/transfer/model";
import {
  DOABLE_CSV_HEADER_TEXT,
  exportDocumentSchema,
  exportQuerySchema,
  importDocumentSchema,
  importQuerySchema,
  importResultSchema,
} from "@/lib/validation/transfer";
import { jsonContent, requestIdHeader } from "./content";
import { errors } from "./errors";
import { ownerPath, secured } from "./tasks";

export const TRANSFER = "Export and import";
const onTransfer = { ...secured, tags: [TRANSFER] };

const csvText = (description: string) => ({
  "text/csv": { schema: z.string().meta({ description }) },
});

const exportData: ZodOpenApiOperationObject = {
  ...onTransfer,
  operationId: "exportData",
  summary: "Export everything you own",
  description: [
    "A download (`Content-Disposition: attachment`, named `doable-export-YYYY-MM-DD.json` or `.csv` after the day in your time zone) of every project and task with all their fields: completion times, subtasks (`parentId`), manual order (`position`), repeats, reminders and the link from a completed occurrence to the next (`nextOccurrenceId`).",
    "",
    `Streamed: tasks are read ${EXPORT_PAGE_SIZE} at a time, oldest first, and written as they are read, so the size of an account does not matter. A download cut short is not valid JSON, and an import refuses it.`,
    "",
    `\`format=csv\`: one row per project (\`type\` project, its name in \`title\`), then one per task, under the header \`${DOABLE_CSV_HEADER_TEXT}\`; tags and reminders are JSON lists, empty cells are null, and free text starting with = + - @ carries a leading apostrophe against spreadsheet formulas. Both files import back into any account.`,
  ].join("\n"),
  requestParams: { path: ownerPath, query: exportQuerySchema },
  responses: {
    "200": {
      description: "The export.",
      headers: z.object({
        "Content-Disposition": z
          .string()
          .meta({ example: 'attachment; filename="doable-export-2030-01-31.json"' }),
        "X-Request-Id": requestIdHeader,
      }),
      content: {
        ...jsonContent(exportDocumentSchema),
        ...csvText(`With format=csv: the header ${DOABLE_CSV_HEADER_TEXT}, then the rows.`),
      },
    },
    ...errors("validation_failed", "unauthorized", "forbidden"),
  },
};

const importData: ZodOpenApiOperationObject = {
  ...onTransfer,
  operationId: "importData",
  summary: "Import a Doable export or a Todoist CSV",
  description: [
    "The body is the file itself: a Doable export (JSON or CSV, as `GET /export` writes them) or a Todoist project exported as CSV (`TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,...`). The format is read from the content; a Content-Type that contradicts it (application/json for a CSV, text/csv for JSON) is refused, as is a form upload.",
    "",
    "`dryRun=1` answers what would be created and every row that cannot be read, and writes nothing. Otherwise the import is all or nothing: any row with a problem answers 400 naming the rows in `details` (`row N`, or `tasks[i].field` for JSON), and nothing is written; a write that fails midway leaves nothing either.",
    "",
    "Import only adds: every row gets a new id, even where the file names ids of another account. A second import of the same file adds nothing: each entry of a Doable export is known by its id, each row of a Todoist file by the file and row; a Doable export brought back into its own account finds its own rows. Projects of the same name (ignoring case) are reused.",
    "",
    `Limits: ${IMPORT_MAX_BYTES} bytes (413 above), ${IMPORT_ROWS_MAX} tasks, at most ${IMPORT_PROBLEMS_MAX} problems listed (\`problemCount\` has them all), every field as the tasks API limits it, the subtask rules (one level, 100 per task, in the parent's project) and 300 projects per account. README.md documents the Todoist mapping.`,
  ].join("\n"),
  requestParams: { path: ownerPath, query: importQuerySchema },
  requestBody: {
    required: true,
    content: {
      ...jsonContent(importDocumentSchema),
      ...csvText(`A Doable CSV (${DOABLE_CSV_HEADER_TEXT}) or a Todoist CSV export.`),
    },
  },
  responses: {
    "200": {
      description: "What was created (a dry run: would be), skipped, and could not be read.",
      headers: z.object({ "X-Request-Id": requestIdHeader }),
      content: jsonContent(importResultSchema),
    },
    ...errors("validation_failed", "unauthorized", "forbidden", "conflict", "payload_too_large"),
  },
};

export const transferPaths = {
  "/api/{userId}/export": { get: exportData },
  "/api/{userId}/import": { post: importData },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
