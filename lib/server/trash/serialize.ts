import "server-only";
import type { TaskRecord } from "@/db/queries/task-columns";
import type { TrashPosition } from "@/db/queries/trash";
import type { TaskEventRow } from "@/db/schema";
import { ApiError } from "@/lib/server/http/errors";
import { toTask } from "@/lib/server/tasks/serialize";
import { type TaskEvent, TRASH_DAYS, type TrashEntry } from "@/lib/tasks/model";
import { taskIdSchema } from "@/lib/validation/tasks";

const DAY_MS = 24 * 60 * 60 * 1000;

export function notInTrash(): ApiError {
  return new ApiError("not_found", "This task is not in your trash.");
}

export function toTrashEntry(row: TaskRecord & { deletedAt: Date }): TrashEntry {
  return {
    task: toTask(row),
    subtasks: Number(row.subtasksTotal),
    deletedAt: row.deletedAt.toISOString(),
    purgeAt: new Date(row.deletedAt.getTime() + TRASH_DAYS * DAY_MS).toISOString(),
  };
}

/* Values the triggers wrote as PostgreSQL renders them, in the API's own forms. */
const TIMESTAMP_FIELDS = new Set(["dueAt"]);

function apiValue(field: string, value: unknown): unknown {
  if (TIMESTAMP_FIELDS.has(field) && typeof value === "string") {
    return new Date(value).toISOString();
  }
  return value;
}

export function toTaskEvent(row: TaskEventRow): TaskEvent {
  const changes: TaskEvent["changes"] = {};
  for (const [field, [from, to]] of Object.entries(row.changes)) {
    changes[field] = { from: apiValue(field, from), to: apiValue(field, to) };
  }
  return { id: String(row.id), kind: row.kind, at: row.at.toISOString(), changes };
}

/* The trash's page cursor: where the last page ended, as opaque base64url JSON. */

export function trashCursor(row: { deletedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.deletedAt.toISOString(), row.id])).toString("base64url");
}

export function parseTrashCursor(cursor: string): TrashPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const deletedAt = new Date(String(at));
    const parsedId = taskIdSchema.safeParse(id);
    if (typeof at === "string" && !Number.isNaN(deletedAt.getTime()) && parsedId.success) {
      return { deletedAt, id: parsedId.data };
    }
  } catch {
    // Falls through to the one answer for a cursor this server did not make.
  }
  throw new ApiError("validation_failed", "cursor: Not a cursor from this list", [
    { path: "cursor", message: "Not a cursor from this list" },
  ]);
}
