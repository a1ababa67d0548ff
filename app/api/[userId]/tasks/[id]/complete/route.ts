import { getDb } from "@/db";
import { setCompleted } from "@/db/queries/tasks";
import { requireUser } from "@/lib/server/auth/require-user";
import { readJson } from "@/lib/server/http/body";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { route } from "@/lib/server/http/route";
import { parseTaskId, taskNotFound, taskResponse } from "@/lib/server/tasks/responses";
import { completeBodySchema } from "@/lib/validation/tasks";

export const dynamic = "force-dynamic";

type Params = { userId: string; id: string };

/** Sets `completed`, or toggles it when the body is empty, in one atomic statement. */
export const PATCH = route<Params>(
  "PATCH /api/{userId}/tasks/{id}/complete",
  async (request, ctx) => {
    const userId = await requireUser(request, ctx.params.userId);
    ctx.setUserId(userId);
    const id = parseTaskId(ctx.params.id);
    const body = await readJson(request, completeBodySchema.optional(), { emptyAs: undefined });
    const task = await setCompleted(await getDb(), userId, id, body?.completed);
    if (!task) throw await taskNotFound(userId);
    return taskResponse(task);
  },
);

const notAllowed = methodNotAllowed("/api/{userId}/tasks/{id}/complete", ["PATCH"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
