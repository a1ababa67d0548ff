import { deleteProject, getProject, updateProject } from "@/db/queries/projects";
import { readJson } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { readQuery } from "@/lib/server/http/query";
import { userRoute } from "@/lib/server/http/user-route";
import {
  parseProjectId,
  projectChanged,
  projectNotFound,
  projectResponse,
} from "@/lib/server/projects/responses";
import { parseIfMatch } from "@/lib/tasks/etag";
import { projectDeleteQuerySchema, projectPatchSchema } from "@/lib/validation/projects";

type Params = { userId: string; id: string };

/** One project, with its version in ETag. */
export const GET = userRoute<Params>(
  "GET /api/{userId}/projects/{id}",
  async ({ userId, db, params }) => {
    const project = await getProject(db, userId, parseProjectId(params.id));
    if (!project) throw projectNotFound();
    return projectResponse(project);
  },
);

/** Renames, recolours, archives, restores or moves it; with If-Match, only at that version. */
export const PATCH = userRoute<Params>(
  "PATCH /api/{userId}/projects/{id}",
  async ({ request, userId, db, params }) => {
    const id = parseProjectId(params.id);
    const { after, before, ...fields } = await readJson(request, projectPatchSchema);
    const place = after
      ? { side: "after" as const, id: after }
      : before
        ? { side: "before" as const, id: before }
        : undefined;
    const versions = parseIfMatch(request.headers.get("if-match"));
    const result = await updateProject(db, userId, id, { ...fields, place }, versions);
    if (result.status === "not_found") throw projectNotFound();
    if (result.status === "precondition_failed") throw projectChanged(result.project);
    if (result.status === "bad_place") {
      const path = after ? "after" : "before";
      const message = "Must be another of your projects";
      throw new ApiError("validation_failed", `${path}: ${message}`, [{ path, message }]);
    }
    return projectResponse(result.project);
  },
);

/** Deletes it: 204. Its tasks go to the Inbox (tasks=move, the default) or with it (tasks=delete). */
export const DELETE = userRoute<Params>(
  "DELETE /api/{userId}/projects/{id}",
  async ({ request, userId, db, params }) => {
    const id = parseProjectId(params.id);
    const { tasks } = readQuery(request, projectDeleteQuerySchema);
    const versions = parseIfMatch(request.headers.get("if-match"));
    const result = await deleteProject(db, userId, id, tasks, versions);
    if (result.status === "not_found") throw projectNotFound();
    if (result.status === "precondition_failed") throw projectChanged(result.project);
    return new Response(null, { status: 204 });
  },
);

export const { POST, PUT } = unsupportedMethods("/api/{userId}/projects/{id}", [
  "GET",
  "PATCH",
  "DELETE",
]);
