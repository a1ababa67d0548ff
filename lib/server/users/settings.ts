import "server-only";
import type { Database } from "@/db";
import { type UserSettings, userSettings } from "@/db/queries/users";
import { authClock } from "@/lib/server/auth/clock";

/**
 * The user's settings (time zone, e-mail reminders), remembered per process for up to
 * SETTINGS_MAX_AGE_MS: writes that need the zone (repeats, reminders, Today) would otherwise
 * cost a round trip each. This process forgets a user's entry when it handles their update.
 */
export const SETTINGS_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;

const DEFAULTS: UserSettings = { timeZone: "UTC", emailReminders: false };

const holder = globalThis as typeof globalThis & {
  __doableSettings?: Map<string, { settings: UserSettings; at: number }>;
};
holder.__doableSettings ??= new Map();
const cache = holder.__doableSettings;

/** The user's settings; a deleted account reads as the defaults (its writes fail anyway). */
export async function getUserSettings(db: Database, userId: string): Promise<UserSettings> {
  const known = cache.get(userId);
  if (known && authClock.now() - known.at < SETTINGS_MAX_AGE_MS) return known.settings;
  const settings = (await userSettings(db, userId)) ?? DEFAULTS;
  cache.delete(userId);
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(userId, { settings, at: authClock.now() });
  return settings;
}

/** After this process changed the user (settings update, deletion): read again next time. */
export function forgetUserSettings(userId?: string): void {
  if (userId === undefined) cache.clear();
  else cache.delete(userId);
}

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
