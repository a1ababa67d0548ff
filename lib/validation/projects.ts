/**
 * The projects API's schemas (bodies, query, answers), shared by the browser's forms, the route
 * handlers and the OpenAPI document. The checks at the end fail to compile if a schema and the
 * task model (lib/tasks/model.ts) disagree. Browser-safe.
 */
import { z } from "zod";
import {
  PROJECT_COLORS,
  PROJECT_DELETE_TASKS,
  PROJECT_NAME_MAX,
  type Project,
  type ProjectInput,
  type ProjectList,
  type ProjectPatch,
} from "@/lib/tasks/model";
import { CONTROL, isUnicode, listOf, unknownFields } from "./text";
import type { Agree, Same } from "./type-checks";

export const projectIdSchema = z.uuid({ error: "Must be a project id (a UUID)" }).meta({
  description: "The project's id (a UUID).",
  example: "8d1c2f47-0b3e-4a55-9e6d-2b7a4c1e9f30",
});

const nameSchema = z
  .string({
    error: (issue) => (issue.input === undefined ? "Name is required" : "Name must be text"),
  })
  .trim()
  .min(1, "Name is required")
  .max(PROJECT_NAME_MAX, `Name must be at most ${PROJECT_NAME_MAX} characters`)
  .refine((v) => !CONTROL.test(v), "Name must not contain control characters")
  .refine(isUnicode, "Name must be valid Unicode text")
  .meta({
    description: `Trimmed, 1–${PROJECT_NAME_MAX} characters; unique among the caller's projects, ignoring case.`,
    example: "Work",
  });

const colorSchema = z
  .enum(PROJECT_COLORS, { error: `Colour must be one of ${listOf(PROJECT_COLORS)}` })
  .meta({ id: "ProjectColor", description: "A colour from the palette." });

const siblingSchema = (side: string) =>
  projectIdSchema.meta({ description: `Put the project right ${side} this one in the order.` });

export const projectInputSchema = z
  .strictObject(
    { name: nameSchema, color: colorSchema.default("gray") },
    { error: unknownFields("field") },
  )
  .meta({ id: "ProjectInput", description: "A new project; it goes last in the order." });

export const projectPatchSchema = z
  .strictObject(
    {
      name: nameSchema.optional(),
      color: colorSchema.optional(),
      archived: z.boolean({ error: "archived must be true or false" }).optional(),
      after: siblingSchema("after").optional(),
      before: siblingSchema("before").optional(),
    },
    { error: unknownFields("field") },
  )
  .refine((p) => p.after === undefined || p.before === undefined, {
    error: "Send after or before, not both",
    path: ["before"],
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), "Send at least one field")
  .meta({
    id: "ProjectPatch",
    description:
      "Renames, recolours, archives or restores, or moves the project; omitted fields stay.",
  });

export const projectDeleteQuerySchema = z
  .strictObject(
    {
      tasks: z
        .enum(PROJECT_DELETE_TASKS, {
          error: `tasks must be one of ${listOf(PROJECT_DELETE_TASKS)}`,
        })
        .optional()
        .default("move")
        .meta({
          description:
            "move (the default): its tasks go to the Inbox; delete: they are deleted with it.",
        }),
    },
    { error: unknownFields("parameter") },
  )
  .meta({ id: "ProjectDeleteQuery" });

const isoTimestamp = z.iso.datetime().meta({ example: "2030-01-31T17:00:00.000Z" });

export const projectSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    color: colorSchema,
    position: z.string().meta({ description: "Its place in the order: compare as numbers." }),
    archived: z.boolean(),
    openTasks: z.number().int().meta({ description: "Its open tasks, subtasks included." }),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "Project", description: "A named, coloured list of tasks." });

export const projectListSchema = z
  .object({
    projects: z.array(projectSchema).meta({ description: "In order, archived ones included." }),
    inbox: z.object({ openTasks: z.number().int() }).meta({
      description: "The Inbox: the caller's tasks in no project.",
    }),
  })
  .meta({ id: "ProjectList" });

/** Compiles only while each schema describes exactly the model's type. */
export type ProjectSchemasMatchModel = [
  Agree<Same<z.input<typeof projectInputSchema>, ProjectInput>>,
  Agree<Same<z.input<typeof projectPatchSchema>, ProjectPatch>>,
  Agree<Same<z.output<typeof projectSchema>, Project>>,
  Agree<Same<z.output<typeof projectListSchema>, ProjectList>>,
];
