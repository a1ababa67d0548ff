/**
 * Export and import as zod schemas: the query strings, the export document as the server writes
 * it (for the OpenAPI document and the tests), the entries an import reads, and the import's
 * answer. The entries reuse the task and project schemas, so an imported task meets the same
 * limits as one created through the API. Browser-safe.
 */
import { z } from "zod";
import { PROJECTS_MAX } from "@/lib/tasks/model";
import {
  DOABLE_CSV_COLUMNS,
  EXPORT_FILE_TYPES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  IMPORT_FORMATS,
  IMPORT_ROWS_MAX,
  type ImportResult,
} from "@/lib/transfer/model";
import { projectIdSchema, projectInputSchema, projectSchema } from "./projects";
import { instantSchema } from "./task-planning";
import { taskSchema } from "./task-responses";
import { taskIdSchema, taskInputSchema } from "./tasks";
import { listOf, unknownFields } from "./text";
import type { Agree, Same } from "./type-checks";

/* --------------------------------------------------------- query strings */

export const exportQuerySchema = z
  .strictObject(
    {
      format: z
        .enum(EXPORT_FILE_TYPES, { error: `format must be one of ${listOf(EXPORT_FILE_TYPES)}` })
        .optional()
        .default("json")
        .meta({ description: "json (the default): the versioned document; csv: the flat CSV." }),
    },
    { error: unknownFields("parameter") },
  )
  .meta({ id: "ExportQuery" });

const flag = z
  .enum(["1", "0", "true", "false"], { error: "dryRun must be 1, 0, true or false" })
  .transform((v) => v === "1" || v === "true");

export const importQuerySchema = z
  .strictObject(
    {
      dryRun: flag.optional().default(false).meta({
        description:
          "1: answer what would be created and every row that cannot be read, and write nothing.",
      }),
      project: projectInputSchema.shape.name.optional().meta({
        description:
          "For a Todoist CSV (one Todoist project per file): the project its tasks go into, yours of that name (ignoring case) or a new one. Without it they go to the Inbox. Ignored for Doable exports, which name their projects.",
      }),
    },
    { error: unknownFields("parameter") },
  )
  .meta({ id: "ImportQuery" });

/* ------------------------------------------- the export, as it is written */

export const exportProjectSchema = projectSchema
  .omit({ openTasks: true })
  .meta({ id: "ExportProject", description: "A project as exported." });

export const exportTaskSchema = taskSchema.omit({ subtasks: true, nextReminderAt: true }).meta({
  id: "ExportTask",
  description:
    "A task as exported: every stored field. projectId, parentId and nextOccurrenceId name entries of the same export.",
});

export const exportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    projects: z.array(exportProjectSchema),
    tasks: z.array(exportTaskSchema).meta({ description: "Oldest first." }),
  })
  .meta({ id: "ExportDocument", description: "Everything the account holds, version 1." });

/* ----------------------------------------------- what an import reads */

/** A manual-order position: a plain decimal, as positions are stored (see tasks/cursor.ts). */
const positionSchema = z
  .string({ error: "position must be a decimal number as text" })
  .regex(
    /^-?\d{1,20}(\.\d{1,1000})?$/,
    "position must be a decimal number as text, e.g. 1767225600.5",
  );

const instant = (what: string) => instantSchema(what);

/** A project entry of a Doable export; omitted fields take what a new project would have. */
export const importProjectSchema = z.strictObject(
  {
    id: projectIdSchema,
    name: projectInputSchema.shape.name,
    color: projectInputSchema.shape.color,
    position: positionSchema.optional(),
    archived: z.boolean({ error: "archived must be true or false" }).default(false),
    createdAt: instant("createdAt").optional(),
    updatedAt: instant("updatedAt").optional(),
  },
  { error: unknownFields("field") },
);

/** A task entry of a Doable export: the task API's fields and limits, and what it stores beside. */
export const importTaskSchema = taskInputSchema.extend({
  id: taskIdSchema,
  projectId: projectIdSchema.nullable().default(null),
  parentId: taskIdSchema.nullable().default(null),
  completed: z.boolean({ error: "completed must be true or false" }).default(false),
  completedAt: instant("completedAt").nullable().default(null),
  position: positionSchema.optional(),
  nextOccurrenceId: taskIdSchema.nullable().default(null),
  createdAt: instant("createdAt").optional(),
  updatedAt: instant("updatedAt").optional(),
});

export type ImportProjectEntry = z.output<typeof importProjectSchema>;
export type ImportTaskEntry = z.output<typeof importTaskSchema>;

/** A Doable JSON export's envelope; its entries are read one by one, so each bad one is named. */
export const importEnvelopeSchema = z.strictObject(
  {
    format: z.literal(EXPORT_FORMAT, { error: `format must be "${EXPORT_FORMAT}"` }),
    version: z.literal(EXPORT_VERSION, {
      error: `version must be ${EXPORT_VERSION}: this file was not written by this version of Doable`,
    }),
    exportedAt: z.string().optional(),
    projects: z
      .array(z.unknown(), { error: "projects must be a list" })
      .max(PROJECTS_MAX, `At most ${PROJECTS_MAX} projects`)
      .default([]),
    tasks: z
      .array(z.unknown(), { error: "tasks must be a list" })
      .max(IMPORT_ROWS_MAX, `At most ${IMPORT_ROWS_MAX} tasks in one import`),
  },
  { error: unknownFields("field") },
);

/** The import body as the OpenAPI document shows it (entries are read with the schemas above). */
export const importDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string().optional(),
    projects: z.array(importProjectSchema).optional(),
    tasks: z.array(importTaskSchema),
  })
  .meta({
    id: "ImportDocument",
    description:
      "A Doable export. Fields omitted from an entry take their defaults; unknown ones are refused.",
  });

/* ------------------------------------------------------------- the answer */

const countsSchema = z.object({
  projects: z.number().int(),
  tasks: z.number().int().meta({ description: "Top-level tasks." }),
  subtasks: z.number().int(),
});

export const importResultSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    dryRun: z.boolean(),
    created: countsSchema.meta({ description: "Created; for a dry run, what would be." }),
    skipped: z
      .object({ projects: z.number().int(), tasks: z.number().int() })
      .meta({ description: "Already in the account (an earlier import, or its own export)." }),
    problems: z
      .array(
        z.object({
          row: z.number().int().meta({
            description:
              "CSV: the spreadsheet row (the header is 1). JSON: the entry's place (from 1) in its list.",
          }),
          path: z.string().optional().meta({ example: "tasks[3].dueAt" }),
          reason: z.string(),
        }),
      )
      .meta({ description: "Rows that cannot be read, in file order (at most 1000)." }),
    problemCount: z.number().int(),
  })
  .meta({ id: "ImportResult" });

/** The Doable CSV's header, for the OpenAPI text. */
export const DOABLE_CSV_HEADER_TEXT = DOABLE_CSV_COLUMNS.join(",");

/** Compiles only while the schemas describe exactly the transfer model's types. */
export type TransferSchemasMatchModel = [
  Agree<Same<z.output<typeof exportDocumentSchema>, ExportDocument>>,
  Agree<Same<z.output<typeof importResultSchema>, ImportResult>>,
];
