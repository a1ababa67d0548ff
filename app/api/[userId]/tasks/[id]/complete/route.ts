import { setCompleted } from "@/db/queries/tasks";
import { readJson } from "@/lib/server/http/body";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { parseTaskId, taskNotFound, taskResponse } from "@/lib/server/tasks/responses";
import { completeBodySchema } from "@/lib/validation/tasks";

type Params = { userId: string; id: string };

/** Sets `completed`, or toggles it when the body is empty, in one atomic statement. */
export const PATCH = userRoute<Params>(
  "PATCH /api/{userId}/tasks/{id}/complete",
  async ({ request, userId, db, params }) => {
    const id = parseTaskId(params.id);
    const body = await readJson(request, completeBodySchema.optional(), { emptyAs: undefined });
    const task = await setCompleted(db, userId, id, body?.completed);
    if (!task) throw taskNotFound();
    return taskResponse(task);
  },
);

export const { GET, POST, PUT, DELETE } = unsupportedMethods("/api/{userId}/tasks/{id}/complete", [
  "PATCH",
]);
