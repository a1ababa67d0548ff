import { deleteForever, listTrash } from "@/db/queries/trash";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { readQuery } from "@/lib/server/http/query";
import { userRoute } from "@/lib/server/http/user-route";
import { parseTrashCursor, toTrashEntry, trashCursor } from "@/lib/server/trash/serialize";
import type { TrashList } from "@/lib/tasks/model";
import { trashQuerySchema } from "@/lib/validation/trash";

type Params = { userId: string };

const noStore = { "Cache-Control": "no-store" };

/** What the caller deleted in the last TRASH_DAYS days, newest first, a page at a time. */
export const GET = userRoute<Params>(
  "GET /api/{userId}/trash",
  async ({ request, userId, db, confirmAccount }) => {
    const { limit, cursor } = readQuery(request, trashQuerySchema);
    const after = cursor === undefined ? undefined : parseTrashCursor(cursor);
    const rows = await listTrash(db, userId, limit + 1, after);
    if (rows.length === 0 && !after) await confirmAccount();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: TrashList = {
      entries: page.map(toTrashEntry),
      nextCursor: rows.length > limit && last ? trashCursor(last) : null,
    };
    return Response.json(body, { headers: noStore });
  },
);

/** Empties the trash: everything in it is deleted for good. Answers how many tasks went. */
export const DELETE = userRoute<Params>(
  "DELETE /api/{userId}/trash",
  async ({ userId, db, confirmAccount }) => {
    const deleted = await deleteForever(db, userId);
    if (deleted === 0) await confirmAccount();
    return Response.json({ deleted }, { headers: noStore });
  },
);

export const { POST, PUT, PATCH } = unsupportedMethods("/api/{userId}/trash", ["GET", "DELETE"]);
