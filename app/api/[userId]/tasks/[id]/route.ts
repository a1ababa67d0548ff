import { deleteTask, getTask, replaceTask } from "@/db/queries/tasks";
import { readJson } from "@/lib/server/http/body";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { taskFields } from "@/lib/server/tasks/planning";
import {
  parseTaskId,
  preconditionFailed,
  taskNotFound,
  taskResponse,
} from "@/lib/server/tasks/responses";
import { parseIfMatch } from "@/lib/tasks/etag";
import { taskInputSchema } from "@/lib/validation/tasks";

type Params = { userId: string; id: string };

/** One task, with its version in ETag (send it back in If-Match when editing). */
export const GET = userRoute<Params>(
  "GET /api/{userId}/tasks/{id}",
  async ({ userId, db, params }) => {
    const task = await getTask(db, userId, parseTaskId(params.id));
    if (!task) throw taskNotFound();
    return taskResponse(task);
  },
);

/** Replaces the editable fields; with If-Match, only if the task is still at that version. */
export const PUT = userRoute<Params>(
  "PUT /api/{userId}/tasks/{id}",
  async ({ request, userId, db, params, timeZone }) => {
    const id = parseTaskId(params.id);
    const input = await readJson(request, taskInputSchema);
    const versions = parseIfMatch(request.headers.get("if-match"));
    const fields = await taskFields(input, timeZone);
    const result = await replaceTask(db, userId, id, fields, versions);
    if (result.status === "not_found") throw taskNotFound();
    if (result.status === "precondition_failed") throw preconditionFailed(result.task);
    return taskResponse(result.task);
  },
);

/** Deletes a task: 204. Honours If-Match like PUT. */
export const DELETE = userRoute<Params>(
  "DELETE /api/{userId}/tasks/{id}",
  async ({ request, userId, db, params }) => {
    const id = parseTaskId(params.id);
    const versions = parseIfMatch(request.headers.get("if-match"));
    const result = await deleteTask(db, userId, id, versions);
    if (result.status === "not_found") throw taskNotFound();
    if (result.status === "precondition_failed") throw preconditionFailed(result.task);
    return new Response(null, { status: 204 });
  },
);

export const { POST, PATCH } = unsupportedMethods("/api/{userId}/tasks/{id}", [
  "GET",
  "PUT",
  "DELETE",
]);
