/**
 * Web Push in the browser: the service worker (public/sw.js), the permission, the subscription,
 * and the messages the worker posts to open tabs. Browser-safe, no dependencies; the dashboard
 * imports it lazily. Every function is harmless where push is unsupported (server rendering,
 * old browsers, insecure origins).
 */

/** What a reminder push carries (lib/server/push/send.ts sends it, public/sw.js receives it). */
export interface ReminderPush {
  type: "reminder";
  taskId: string;
  userId: string;
  title: string;
  body: string;
  /** ISO 8601, or null for a task without a due date. */
  dueAt: string | null;
  /** Where a click on the notification leads, on this origin. */
  url: string;
}

export type PushSupport = "unsupported" | NotificationPermission;

const SW_URL = "/sw.js";
const SW_SCOPE = "/";

function supported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

/** Whether this browser can receive pushes, and if so the notification permission. */
export function pushSupport(): PushSupport {
  return supported() ? Notification.permission : "unsupported";
}

/** Registers the service worker (scope "/"); null where push is unsupported. Rejects if registration fails. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!supported()) return null;
  // updateViaCache "none": the browser always asks the server for a new sw.js.
  return navigator.serviceWorker.register(SW_URL, { scope: SW_SCOPE, updateViaCache: "none" });
}

/**
 * Subscribes this browser to pushes signed with `vapidPublicKey` (base64url), asking for the
 * notification permission first if it was never asked. An existing subscription with the same
 * key is reused; one with another key (the server's keys changed) is replaced. Rejects when push
 * is unsupported or the permission is refused.
 */
export async function subscribeToPush(vapidPublicKey: string): Promise<PushSubscriptionJSON> {
  if (!supported()) throw new Error("This browser cannot receive push notifications.");
  const permission =
    Notification.permission === "default"
      ? await Notification.requestPermission()
      : Notification.permission;
  if (permission !== "granted") {
    throw new Error("Notifications are blocked for this site in the browser's settings.");
  }
  await registerServiceWorker();
  // pushManager.subscribe() needs an active worker.
  const registration = await navigator.serviceWorker.ready;
  const key = base64UrlToBytes(vapidPublicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing) {
    const existingKey = existing.options.applicationServerKey;
    if (existingKey && sameBytes(new Uint8Array(existingKey), key)) return existing.toJSON();
    await existing.unsubscribe();
  }
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: key,
  });
  return subscription.toJSON();
}

/** Ends this browser's subscription; the endpoint it removed (for the server to forget), or null. */
export async function unsubscribeFromPush(): Promise<string | null> {
  if (!supported()) return null;
  const registration = await navigator.serviceWorker.getRegistration(SW_SCOPE);
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return null;
  const { endpoint } = subscription;
  await subscription.unsubscribe();
  return endpoint;
}

/** Reminders the worker hands to a visible tab instead of a system notification. */
export function onReminderMessage(handler: (reminder: ReminderPush) => void): () => void {
  return onWorkerMessage((data) => {
    if (data.type === "doable-reminder" && isReminder(data.reminder)) handler(data.reminder);
  });
}

/** A click on a notification, sent to the dashboard tab the worker focused. */
export function onOpenTaskMessage(handler: (taskId: string) => void): () => void {
  return onWorkerMessage((data) => {
    if (data.type === "doable-open-task" && typeof data.taskId === "string") handler(data.taskId);
  });
}

function onWorkerMessage(handler: (data: Record<string, unknown>) => void): () => void {
  if (!supported()) return () => {};
  const container = navigator.serviceWorker;
  const listener = (event: MessageEvent) => {
    if (typeof event.data === "object" && event.data !== null) handler(event.data);
  };
  container.addEventListener("message", listener);
  // Messages wait in a queue until the page says it listens (automatic after parsing, but a
  // listener added earlier would otherwise miss them).
  container.startMessages();
  return () => container.removeEventListener("message", listener);
}

function isReminder(value: unknown): value is ReminderPush {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.type === "reminder" &&
    typeof r.taskId === "string" &&
    typeof r.userId === "string" &&
    typeof r.title === "string" &&
    typeof r.body === "string" &&
    (r.dueAt === null || typeof r.dueAt === "string") &&
    typeof r.url === "string"
  );
}

/** base64url (with or without padding) to bytes, as `applicationServerKey` takes them. */
function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "="));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
