/* `npm run reminders`: dispatches due reminders and purges the trash once, for a system cron (e.g. every minute). */
import "server-only";
import { getDbHandle } from "@/db";
import { runScheduledWork } from "@/lib/server/scheduled-work";

const handle = await getDbHandle();
try {
  const report = await runScheduledWork(handle.db);
  console.info(JSON.stringify({ reminders: report }));
} finally {
  await handle.close();
}
