import { bulkUpdate } from "@/db/queries/tasks";
import { readJson } from "@/lib/server/http/body";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { BULK_BODY_MAX_BYTES } from "@/lib/tasks/model";
import { bulkBodySchema } from "@/lib/validation/tasks";

type Params = { userId: string };

/** One action on up to BULK_IDS_MAX of the caller's tasks, in one statement. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/tasks/bulk",
  async ({ request, userId, db, confirmAccount }) => {
    const { action, ids } = await readJson(request, bulkBodySchema, {
      maxBytes: BULK_BODY_MAX_BYTES,
    });
    const affected = await bulkUpdate(db, userId, action, ids);
    if (affected.length === 0) await confirmAccount();
    return Response.json(
      { action, affected: affected.length, ids: affected },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/tasks/bulk", ["POST"]);
