import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { skipToNext } from "@/lib/server/tasks/occurrences";
import { parseTaskId, taskNotFound, taskResponse } from "@/lib/server/tasks/responses";

type Params = { userId: string; id: string };

/**
 * Skips this occurrence of a repeating task: it moves to its next date without being
 * completed (409 for a task that does not repeat, or on its last date).
 */
export const POST = userRoute<Params>(
  "POST /api/{userId}/tasks/{id}/skip",
  async ({ userId, db, params, timeZone }) => {
    const task = await skipToNext(db, userId, parseTaskId(params.id), timeZone);
    if (!task) throw taskNotFound();
    return taskResponse(task);
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/tasks/{id}/skip", [
  "POST",
]);
