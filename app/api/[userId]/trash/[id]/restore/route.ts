import { getTask } from "@/db/queries/tasks";
import { restoreEntry } from "@/db/queries/trash";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { parseTaskId, taskResponse } from "@/lib/server/tasks/responses";
import { notInTrash } from "@/lib/server/trash/serialize";

type Params = { userId: string; id: string };

/** Puts an entry back where it was (db/queries/trash.ts) and answers the task. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/trash/{id}/restore",
  async ({ userId, params, batch, db }) => {
    const id = parseTaskId(params.id);
    if (!(await restoreEntry({ batch }, userId, id))) throw notInTrash();
    const task = await getTask(db, userId, id);
    if (!task) throw notInTrash();
    return taskResponse(task);
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/trash/{id}/restore", [
  "POST",
]);
