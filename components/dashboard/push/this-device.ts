import { removeDevice } from "./devices-api";

/**
 * Which device in the list is this browser: its id, kept in localStorage when it subscribes
 * (the server lists devices by label, not by endpoint), and a label for it ("Chrome on Linux").
 */

const DEVICE_KEY = "doable-push-device";
const FORGET_WAIT_MS = 2_000;

export function thisDeviceId(userId: string): string | null {
  try {
    const saved = JSON.parse(localStorage.getItem(DEVICE_KEY) ?? "null") as {
      userId?: unknown;
      id?: unknown;
    } | null;
    return saved?.userId === userId && typeof saved.id === "string" ? saved.id : null;
  } catch {
    return null;
  }
}

export function rememberThisDevice(userId: string, id: string | null): void {
  try {
    if (id) localStorage.setItem(DEVICE_KEY, JSON.stringify({ userId, id }));
    else localStorage.removeItem(DEVICE_KEY);
  } catch {
    // Private mode: the list just won't mark this browser.
  }
}

interface UserAgentData {
  brands?: { brand: string }[];
  platform?: string;
}

/** "Chrome on Linux", "Safari on iPhone": kept simple, for people to tell their devices apart. */
export function deviceLabel(): string {
  const ua = navigator.userAgent;
  const data = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  const brands = data?.brands?.map((b) => b.brand) ?? [];
  const brand =
    brands.find((b) => /Edge|Opera|Brave|Vivaldi|Samsung|Google Chrome/.test(b)) ??
    brands.find((b) => b === "Chromium");
  const browser =
    brand?.replace("Google ", "").replace("Microsoft ", "") ??
    (/Edg\//.test(ua)
      ? "Edge"
      : /OPR\//.test(ua)
        ? "Opera"
        : /Firefox\//.test(ua)
          ? "Firefox"
          : /Chrome\//.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua)
              ? "Safari"
              : "Browser");
  const os =
    data?.platform ||
    (/iPhone/.test(ua)
      ? "iPhone"
      : /iPad/.test(ua)
        ? "iPad"
        : /Android/.test(ua)
          ? "Android"
          : /Mac OS X/.test(ua)
            ? "macOS"
            : /Windows/.test(ua)
              ? "Windows"
              : /CrOS/.test(ua)
                ? "ChromeOS"
                : /Linux/.test(ua)
                  ? "Linux"
                  : "");
  return os ? `${browser} on ${os}` : browser;
}

/**
 * Before signing out, or after deleting the account: this browser stops receiving this user's
 * reminders (best effort, never throws). The browser's subscription ends with the push service;
 * with `server`, the server also forgets the device (while the session still holds: a deleted
 * account's devices went with it, and asking would meet a session that has ended).
 */
export async function forgetThisBrowser(userId: string, { server = true } = {}): Promise<void> {
  try {
    const id = server ? thisDeviceId(userId) : null;
    rememberThisDevice(userId, null);
    const { unsubscribeFromPush } = await import("@/lib/push-client");
    const work = Promise.allSettled([
      id ? removeDevice(userId, id) : Promise.resolve(),
      unsubscribeFromPush(),
    ]);
    // Never hold the sign-out up for long.
    await Promise.race([work, new Promise((resolve) => setTimeout(resolve, FORGET_WAIT_MS))]);
  } catch {
    // Signing out must not wait on push.
  }
}
