import "server-only";
import type { TaskRecord } from "@/db/queries/task-columns";
import { ApiError } from "@/lib/server/http/errors";
import { taskEtag } from "@/lib/tasks/etag";
import { taskIdSchema } from "@/lib/validation/tasks";
import { toTask } from "./serialize";

/**
 * The same answer for a task that does not exist and one that is not the caller's (userRoute
 * turns it into 401 if the caller's account was deleted).
 */
export function taskNotFound(): ApiError {
  return new ApiError("not_found", "Task not found.");
}

/** A path's task id; one that is not a UUID cannot name a task, so it is a 404 at once. */
export function parseTaskId(id: string): string {
  const parsed = taskIdSchema.safeParse(id);
  if (!parsed.success) throw taskNotFound();
  return parsed.data;
}

/** A task as JSON with its version in ETag; `extra` adds fields beside the task's own. */
export function taskResponse(
  row: TaskRecord,
  init: { status?: number; headers?: HeadersInit; extra?: Record<string, unknown> } = {},
) {
  const headers = new Headers(init.headers);
  headers.set("ETag", taskEtag(row.updatedAt));
  headers.set("Cache-Control", "no-store");
  return Response.json({ ...toTask(row), ...init.extra }, { status: init.status ?? 200, headers });
}

/** 412 for an If-Match that names an old version; the current one is in ETag. */
export function preconditionFailed(current: TaskRecord): ApiError {
  return new ApiError(
    "precondition_failed",
    "This task was changed since you loaded it. Reload it and try again.",
    undefined,
    { ETag: taskEtag(current.updatedAt) },
  );
}
