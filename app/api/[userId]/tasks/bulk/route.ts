import { readJson } from "@/lib/server/http/body";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { bulkChange } from "@/lib/server/tasks/occurrences";
import { BULK_BODY_MAX_BYTES } from "@/lib/tasks/model";
import { bulkBodySchema } from "@/lib/validation/tasks";

type Params = { userId: string };

/**
 * One action on up to BULK_IDS_MAX of the caller's tasks: plain tasks in one statement, each
 * repeating one in one statement of its own (completing it creates its next occurrence).
 */
export const POST = userRoute<Params>(
  "POST /api/{userId}/tasks/bulk",
  async ({ request, userId, db, confirmAccount, timeZone }) => {
    const { action, ids } = await readJson(request, bulkBodySchema, {
      maxBytes: BULK_BODY_MAX_BYTES,
    });
    const affected = await bulkChange(db, userId, action, ids, timeZone);
    if (affected.length === 0) await confirmAccount();
    return Response.json(
      { action, affected: affected.length, ids: affected },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/tasks/bulk", ["POST"]);
