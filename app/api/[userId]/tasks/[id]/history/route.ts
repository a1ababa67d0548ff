import { taskHistory } from "@/db/queries/task-history";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { parseTaskId, taskNotFound } from "@/lib/server/tasks/responses";
import { toTaskEvent } from "@/lib/server/trash/serialize";

type Params = { userId: string; id: string };

/** What happened to the task, newest first (HISTORY_MAX entries at most). */
export const GET = userRoute<Params>(
  "GET /api/{userId}/tasks/{id}/history",
  async ({ userId, db, params }) => {
    const events = await taskHistory(db, userId, parseTaskId(params.id));
    if (!events) throw taskNotFound();
    return Response.json(
      { events: events.map(toTaskEvent) },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/tasks/{id}/history", [
  "GET",
]);
