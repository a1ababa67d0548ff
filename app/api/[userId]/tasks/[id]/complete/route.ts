import { readJson } from "@/lib/server/http/body";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { changeCompletion } from "@/lib/server/tasks/occurrences";
import { parseTaskId, taskNotFound, taskResponse } from "@/lib/server/tasks/responses";
import { toTask } from "@/lib/server/tasks/serialize";
import { completeBodySchema } from "@/lib/validation/tasks";

type Params = { userId: string; id: string };

/**
 * Sets `completed`, or toggles it when the body is empty, atomically. Completing an occurrence
 * of a repeating task creates the next one, answered as `nextOccurrence`.
 */
export const PATCH = userRoute<Params>(
  "PATCH /api/{userId}/tasks/{id}/complete",
  async ({ request, userId, db, params, timeZone }) => {
    const id = parseTaskId(params.id);
    const body = await readJson(request, completeBodySchema.optional(), { emptyAs: undefined });
    const outcome = await changeCompletion(db, userId, id, body?.completed, timeZone);
    if (!outcome) throw taskNotFound();
    return taskResponse(outcome.task, {
      extra: { nextOccurrence: outcome.next ? toTask(outcome.next) : null },
    });
  },
);

export const { GET, POST, PUT, DELETE } = unsupportedMethods("/api/{userId}/tasks/{id}/complete", [
  "PATCH",
]);
