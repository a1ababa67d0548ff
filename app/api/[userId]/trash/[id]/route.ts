import { deleteForever } from "@/db/queries/trash";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { parseTaskId } from "@/lib/server/tasks/responses";
import { notInTrash } from "@/lib/server/trash/serialize";

type Params = { userId: string; id: string };

/** Deletes one entry (the task and the subtasks deleted with it) for good: 204. */
export const DELETE = userRoute<Params>(
  "DELETE /api/{userId}/trash/{id}",
  async ({ userId, db, params }) => {
    const deleted = await deleteForever(db, userId, parseTaskId(params.id));
    if (deleted === 0) throw notInTrash();
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  },
);

export const { GET, POST, PUT, PATCH } = unsupportedMethods("/api/{userId}/trash/{id}", ["DELETE"]);
