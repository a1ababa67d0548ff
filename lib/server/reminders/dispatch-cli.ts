/* `npm run reminders`: dispatches due reminders once, for a system cron (e.g. every minute). */
import "server-only";
import { getDbHandle } from "@/db";
import { dispatchReminders } from "./dispatch";

const handle = await getDbHandle();
try {
  const report = await dispatchReminders(handle.db);
  console.info(JSON.stringify({ reminders: report }));
} finally {
  await handle.close();
}
