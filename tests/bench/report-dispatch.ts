/** The report's reminder-dispatch section. */
import type { BenchResults } from "./report";
import { markdownTable, n0 } from "./report-format";

export function dispatchSection(r: BenchResults): string {
  const d = r.dispatch;
  if (!d) return "";
  return `## Reminder dispatch

${d.reminders} reminders already due for one user with one device, sent by ${d.dispatchers} dispatchers at once (\`lib/server/reminders/dispatch.ts\`, node-postgres) through web-push to a local push service that checks and decrypts every push (\`tests/support/push-receiver.ts\`), in this process.

${markdownTable(
  ["reminders", "dispatchers", "wall time s", "reminders/s", "received", "duplicates"],
  [
    [
      n0(d.reminders),
      n0(d.dispatchers),
      (d.wallMs / 1000).toFixed(1),
      n0(d.perSecond),
      n0(d.received),
      n0(d.duplicates),
    ],
  ],
)}

`;
}
