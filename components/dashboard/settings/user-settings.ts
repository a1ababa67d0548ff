import { loadAuthClient } from "../leave";

/** The account's planner settings, Better Auth user fields declared by the server. */
export interface UserSettings {
  /** IANA zone Today, Upcoming and repeats are reckoned in. */
  timeZone: string;
  emailReminders: boolean;
}

type SettingsResult = { error: { message?: string; status: number } | null };
/** authClient.updateUser, typed for the additional fields its own types do not declare. */
type UpdateSettings = (patch: Partial<UserSettings>) => Promise<SettingsResult>;

/** Saves settings on the account; throws with the server's message when refused. */
export async function saveSettings(patch: Partial<UserSettings>): Promise<void> {
  const authClient = await loadAuthClient();
  const update = authClient.updateUser as unknown as UpdateSettings;
  const { error } = await update(patch);
  if (error) throw new Error(error.message || "Could not save the setting. Try again.");
}
