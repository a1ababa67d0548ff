import "server-only";
import type { z } from "zod";
import type { ProjectColor } from "@/lib/tasks/model";
import type { ImportFormat, ImportProblem } from "@/lib/transfer/model";
import type { TaskInputParsed } from "@/lib/validation/tasks";

/**
 * What every import format is read into before anything is looked up or written: projects and
 * tasks with their fields checked, references between them as indexes into these lists, and the
 * problems found so far. lib/server/transfer/plan.ts turns a draft into rows for one account.
 */

export interface DraftProject {
  row: number;
  path?: string;
  /** The import key (db/task-schema.ts: importKey), or null where the source has no ids. */
  key: string | null;
  /** The id the file gave it: when it is the caller's own project, that is this one. */
  sameAs?: string;
  name: string;
  color: ProjectColor;
  archived: boolean;
  position?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface DraftTask {
  row: number;
  path?: string;
  key: string | null;
  sameAs?: string;
  /** The task API's fields, checked by its schema (projectId and parentId are not used). */
  input: TaskInputParsed;
  completed: boolean;
  completedAt: Date | null;
  position?: string;
  createdAt?: Date;
  updatedAt?: Date;
  /** Indexes into the draft's projects and tasks; null: the Inbox, top level, none. */
  project: number | null;
  parent: number | null;
  nextOccurrence: number | null;
}

export interface ImportDraft {
  format: ImportFormat;
  projects: DraftProject[];
  tasks: DraftTask[];
  problems: ImportProblem[];
}

/** Where an entry sits in its file, for the problems it has. */
export interface Place {
  row: number;
  /** JSON only: "tasks[3]"; a field's name is added to it. */
  path?: string;
}

/** Collects problems in file order. */
export class Problems {
  readonly list: ImportProblem[] = [];

  add(place: Place, reason: string, field?: string): void {
    const path = place.path && field ? `${place.path}.${field}` : place.path;
    this.list.push(path ? { row: place.row, path, reason } : { row: place.row, reason });
  }

  /**
   * Validates one entry: its data, or undefined with each field's first issue added as a problem. In a CSV
   * the field is named in the reason ("dueAt: ..."); in JSON the path names it.
   */
  check<S extends z.ZodType>(schema: S, value: unknown, place: Place): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const named = new Set<string>();
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join(".");
      // One reason per field: a value that is not a date need not also be out of range.
      if (named.has(field)) continue;
      named.add(field);
      const reason = !field || place.path ? issue.message : `${field}: ${issue.message}`;
      this.add(place, reason, field || undefined);
    }
    return undefined;
  }
}
