import "server-only";
import type { PushSubscriptionRow } from "@/db/schema";
import type { PushDevice } from "@/lib/tasks/model";

/** A stored subscription as the device list shows it: never its endpoint or keys. */
export function toDevice(row: PushSubscriptionRow): PushDevice {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  };
}
