/*
 * Doable's service worker: task reminders through Web Push, with the tab closed.
 * Plain JavaScript, no build step, no imports. The push payload is a ReminderPush
 * (lib/push-client.ts): { type: "reminder", taskId, userId, title, body, dueAt, url }, or a
 * test from the account menu: { type: "test", title, body }, always shown by the system.
 */

// A new version takes over at once: there is no cache here to keep consistent.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  event.waitUntil(handlePush(event));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  // A click must never throw: every failure ends here.
  event.waitUntil(handleClick(event).catch(() => {}));
});

/** A visible tab shows the reminder itself; otherwise the system shows a notification. */
async function handlePush(event) {
  let reminder;
  try {
    reminder = event.data ? event.data.json() : null;
  } catch {
    return;
  }
  if (reminder?.type === "test") {
    await self.registration.showNotification(reminder.title, {
      body: reminder.body,
      tag: "doable-test",
    });
    return;
  }
  if (reminder?.type !== "reminder") return;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const visible = windows.filter((client) => client.visibilityState === "visible");
  if (visible.length > 0) {
    for (const client of visible) client.postMessage({ type: "doable-reminder", reminder });
    return;
  }
  await self.registration.showNotification(reminder.title, {
    body: reminder.body,
    tag: `reminder-${reminder.taskId}`,
    data: reminder,
    actions: [
      { action: "complete", title: "Complete" },
      { action: "snooze", title: "Snooze 10 min" },
    ],
    requireInteraction: false,
  });
}

async function handleClick(event) {
  const reminder = event.notification.data;
  if (!reminder || typeof reminder.taskId !== "string") return;
  const task = `/api/${encodeURIComponent(reminder.userId)}/tasks/${encodeURIComponent(reminder.taskId)}`;
  if (event.action === "complete") {
    await authorized(`${task}/complete`, "PATCH", { completed: true });
  } else if (event.action === "snooze") {
    await authorized(`${task}/reminders/snooze`, "POST", { minutes: 10 });
  } else {
    await openTask(reminder);
  }
}

/** An API call with a fresh token from the session cookie (as lib/api-client.ts does). */
async function authorized(path, method, body) {
  const answer = await fetch("/api/auth/token", { credentials: "same-origin" });
  if (!answer.ok) return;
  const { token } = await answer.json();
  if (typeof token !== "string") return;
  await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Focuses an open dashboard and tells it which task, or opens the reminder's page. */
async function openTask(reminder) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const dashboard = windows.find((client) =>
    /^\/dashboard(\/|$)/.test(new URL(client.url).pathname),
  );
  if (dashboard) {
    const focused = await dashboard.focus();
    (focused || dashboard).postMessage({ type: "doable-open-task", taskId: reminder.taskId });
    return;
  }
  // Only pages of this origin: a payload must not send the click elsewhere.
  const url = new URL(
    typeof reminder.url === "string" ? reminder.url : "/dashboard",
    self.location.origin,
  );
  await self.clients.openWindow(url.origin === self.location.origin ? url.href : "/dashboard");
}
