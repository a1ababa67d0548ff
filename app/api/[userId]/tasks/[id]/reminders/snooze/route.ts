import { snoozeReminder } from "@/db/queries/reminders";
import { readJson } from "@/lib/server/http/body";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { parseTaskId, taskNotFound } from "@/lib/server/tasks/responses";
import { snoozeBodySchema } from "@/lib/validation/task-planning";

type Params = { userId: string; id: string };

/** Reminds again in `minutes` (default 10): what a reminder's Snooze does. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/tasks/{id}/reminders/snooze",
  async ({ request, userId, db, params }) => {
    const id = parseTaskId(params.id);
    const { minutes } = await readJson(request, snoozeBodySchema, { emptyAs: {} });
    const snoozed = await snoozeReminder(db, userId, id, new Date(Date.now() + minutes * 60_000));
    if (!snoozed) throw taskNotFound();
    return Response.json(
      { id: snoozed.id, nextReminderAt: snoozed.nextReminderAt?.toISOString() ?? null },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods(
  "/api/{userId}/tasks/{id}/reminders/snooze",
  ["POST"],
);
