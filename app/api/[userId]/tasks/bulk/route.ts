import { getDb } from "@/db";
import { bulkUpdate } from "@/db/queries/tasks";
import { assertAccountExists, requireUser } from "@/lib/server/auth/require-user";
import { readJson } from "@/lib/server/http/body";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { route } from "@/lib/server/http/route";
import { BULK_BODY_MAX_BYTES } from "@/lib/tasks/model";
import { bulkBodySchema } from "@/lib/validation/tasks";

export const dynamic = "force-dynamic";

type Params = { userId: string };

/** One action on up to 500 of the caller's tasks, in one statement. */
export const POST = route<Params>("POST /api/{userId}/tasks/bulk", async (request, ctx) => {
  const userId = await requireUser(request, ctx.params.userId);
  ctx.setUserId(userId);
  const { action, ids } = await readJson(request, bulkBodySchema, {
    maxBytes: BULK_BODY_MAX_BYTES,
  });
  const affected = await bulkUpdate(await getDb(), userId, action, ids);
  // No rows to prove the account (see requireUser).
  if (affected.length === 0) await assertAccountExists(userId);
  return Response.json(
    { action, affected: affected.length, ids: affected },
    { headers: { "Cache-Control": "no-store" } },
  );
});

const notAllowed = methodNotAllowed("/api/{userId}/tasks/bulk", ["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
