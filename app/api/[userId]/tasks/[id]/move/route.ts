import { moveTask } from "@/db/queries/task-move";
import { readJson } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { parseTaskId, taskNotFound, taskResponse } from "@/lib/server/tasks/responses";
import { moveBodySchema } from "@/lib/validation/tasks";

type Params = { userId: string; id: string };

/**
 * Moves the task in the manual order (right after or before a task of its list, or to the end)
 * and, with projectId, to another project; its subtasks go with it. One small write.
 */
export const POST = userRoute<Params>(
  "POST /api/{userId}/tasks/{id}/move",
  async ({ request, userId, db, params }) => {
    const id = parseTaskId(params.id);
    const { after, before, projectId } = await readJson(request, moveBodySchema);
    const anchor = after
      ? { id: after, side: "after" as const }
      : before
        ? { id: before, side: "before" as const }
        : undefined;
    const result = await moveTask(db, userId, id, { anchor, projectId });
    switch (result.status) {
      case "ok":
        return taskResponse(result.task);
      case "not_found":
        throw taskNotFound();
      case "invalid":
        throw new ApiError("validation_failed", `${result.path}: ${result.message}`, [
          { path: result.path, message: result.message },
        ]);
      case "conflict":
        throw new ApiError("conflict", "This list changed while the task was moved. Try again.");
    }
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/tasks/{id}/move", [
  "POST",
]);
