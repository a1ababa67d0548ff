import { getTask } from "@/db/queries/tasks";
import { entryReminders, type RestoredSchedule, restoreEntry } from "@/db/queries/trash";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { reminderSchedule } from "@/lib/server/tasks/planning";
import { parseTaskId, taskResponse } from "@/lib/server/tasks/responses";
import { notInTrash } from "@/lib/server/trash/serialize";

type Params = { userId: string; id: string };

/** Puts an entry back where it was (db/queries/trash.ts) and answers the task. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/trash/{id}/restore",
  async ({ userId, params, batch, db, timeZone }) => {
    const id = parseTaskId(params.id);
    // Reminders start over from now, as after an edit: what fell due in the trash is not sent.
    const now = new Date();
    const schedules = new Map<string, RestoredSchedule>();
    for (const row of await entryReminders(db, userId, id)) {
      schedules.set(row.id, await reminderSchedule(row.reminders, row.dueAt, timeZone, now));
    }
    if (!(await restoreEntry({ batch }, userId, id, schedules))) throw notInTrash();
    const task = await getTask(db, userId, id);
    if (!task) throw notInTrash();
    return taskResponse(task);
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/trash/{id}/restore", [
  "POST",
]);
