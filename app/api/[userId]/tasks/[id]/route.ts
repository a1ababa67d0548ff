import { getDb } from "@/db";
import { deleteTask, getTask, replaceTask } from "@/db/queries/tasks";
import { requireUser } from "@/lib/server/auth/require-user";
import { readJson } from "@/lib/server/http/body";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { route } from "@/lib/server/http/route";
import {
  parseTaskId,
  preconditionFailed,
  taskNotFound,
  taskResponse,
} from "@/lib/server/tasks/responses";
import { parseIfMatch } from "@/lib/tasks/etag";
import { taskInputSchema } from "@/lib/validation/tasks";

export const dynamic = "force-dynamic";

type Params = { userId: string; id: string };

/** One task, with its version in ETag (send it back in If-Match when editing). */
export const GET = route<Params>("GET /api/{userId}/tasks/{id}", async (request, ctx) => {
  const userId = await requireUser(request, ctx.params.userId);
  ctx.setUserId(userId);
  const task = await getTask(await getDb(), userId, parseTaskId(ctx.params.id));
  if (!task) throw await taskNotFound(userId);
  return taskResponse(task);
});

/** Replaces the editable fields; with If-Match, only if the task is still at that version. */
export const PUT = route<Params>("PUT /api/{userId}/tasks/{id}", async (request, ctx) => {
  const userId = await requireUser(request, ctx.params.userId);
  ctx.setUserId(userId);
  const id = parseTaskId(ctx.params.id);
  const input = await readJson(request, taskInputSchema);
  const versions = parseIfMatch(request.headers.get("if-match"));
  const result = await replaceTask(await getDb(), userId, id, input, versions);
  if (result.status === "not_found") throw await taskNotFound(userId);
  if (result.status === "precondition_failed") throw preconditionFailed(result.task);
  return taskResponse(result.task);
});

/** Deletes a task: 204. Honours If-Match like PUT. */
export const DELETE = route<Params>("DELETE /api/{userId}/tasks/{id}", async (request, ctx) => {
  const userId = await requireUser(request, ctx.params.userId);
  ctx.setUserId(userId);
  const id = parseTaskId(ctx.params.id);
  const versions = parseIfMatch(request.headers.get("if-match"));
  const result = await deleteTask(await getDb(), userId, id, versions);
  if (result.status === "not_found") throw await taskNotFound(userId);
  if (result.status === "precondition_failed") throw preconditionFailed(result.task);
  return new Response(null, { status: 204 });
});

const notAllowed = methodNotAllowed("/api/{userId}/tasks/{id}", ["GET", "PUT", "DELETE"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
