import "server-only";
import type { ProjectRecord } from "@/db/queries/projects";
import { ApiError } from "@/lib/server/http/errors";
import { taskEtag } from "@/lib/tasks/etag";
import type { Project } from "@/lib/tasks/model";
import { projectIdSchema } from "@/lib/validation/projects";

/** A stored project as the API returns it. */
export function toProject(row: ProjectRecord): Project {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    position: row.position,
    archived: row.archived,
    openTasks: Number(row.openTasks),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The same answer for a project that does not exist and one that is not the caller's. */
export function projectNotFound(): ApiError {
  return new ApiError("not_found", "Project not found.");
}

/** A path's project id; one that is not a UUID cannot name a project: 404 at once. */
export function parseProjectId(id: string): string {
  const parsed = projectIdSchema.safeParse(id);
  if (!parsed.success) throw projectNotFound();
  return parsed.data;
}

/** A project as JSON with its version in ETag (the same versions as tasks: lib/tasks/etag.ts). */
export function projectResponse(
  row: ProjectRecord,
  init: { status?: number; headers?: HeadersInit } = {},
) {
  const headers = new Headers(init.headers);
  headers.set("ETag", taskEtag(row.updatedAt));
  headers.set("Cache-Control", "no-store");
  return Response.json(toProject(row), { status: init.status ?? 200, headers });
}

/** 412 for an If-Match that names an old version; the current one is in ETag. */
export function projectChanged(current: ProjectRecord): ApiError {
  return new ApiError(
    "precondition_failed",
    "This project was changed since you loaded it. Reload it and try again.",
    undefined,
    { ETag: taskEtag(current.updatedAt) },
  );
}
