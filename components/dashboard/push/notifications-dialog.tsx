"use client";

import { Dialog } from "radix-ui";
import { Button } from "@/components/ui/button";
import { BellIcon, CheckIcon, MonitorIcon, TrashIcon } from "@/components/ui/icons";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";
import { type BrowserPush, usePushState } from "./use-push-state";

const added = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
});

const sectionTitle = "text-sm font-semibold";
const note = "mt-1 text-sm text-zinc-600 dark:text-zinc-300";

/** What this browser can do, in words, and how to change it. */
function BrowserStatus({ state, noServerKey }: { state: BrowserPush; noServerKey: boolean }) {
  if (state === "checking") return <p className={note}>Checking this browser…</p>;
  if (state === "unsupported") {
    return (
      <p className={note}>
        This browser can’t receive push notifications. Recent Chrome, Edge, Firefox and Safari can
        (on iPhone and iPad: Safari 16.4 or later, after adding Doable to the Home Screen).
        Reminders still show here while Doable is open.
      </p>
    );
  }
  if (state === "denied") {
    return (
      <div className={note}>
        <p className="font-medium text-red-700 dark:text-red-400">
          Notifications are blocked for this site.
        </p>
        <p className="mt-1">
          To allow them, open the site settings: click the icon at the left of the address bar
          (Chrome, Edge, Firefox), or in Safari choose Settings › Websites › Notifications. Set
          Notifications to Allow, then reload this page.
        </p>
      </div>
    );
  }
  if (noServerKey) {
    return (
      <p className={note}>
        Push notifications are not set up on this server. Reminders still show here while Doable is
        open.
      </p>
    );
  }
  if (state === "on") {
    return (
      <p className={`${note} flex items-center gap-1.5`}>
        <CheckIcon className="text-emerald-700 dark:text-emerald-400" />
        On: reminders reach this browser, also when Doable is closed.
      </p>
    );
  }
  return (
    <p className={note}>
      {state === "default"
        ? "Not turned on yet. Your browser will ask whether Doable may show notifications."
        : "Allowed, but this browser does not receive your reminders yet."}
    </p>
  );
}

/**
 * Push notifications: this browser's state (allowed, blocked, not supported, not asked), turning
 * them on, a test, and every device subscribed, each removable.
 */
export function NotificationsDialog({
  userId,
  open,
  onOpenChange,
}: {
  userId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const push = usePushState(userId);
  const canTurnOn =
    (push.state === "default" || push.state === "off") && push.vapidPublicKey !== null;

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={dialogContentClass}>
          <Dialog.Title className="flex items-center gap-2 text-lg font-semibold">
            <BellIcon width={18} height={18} />
            Notifications
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
            Reminders as system notifications on your devices.
          </Dialog.Description>

          <section aria-labelledby="push-browser" className="mt-4">
            <h3 id="push-browser" className={sectionTitle}>
              This browser
            </h3>
            <div aria-live="polite">
              <BrowserStatus
                state={push.state}
                noServerKey={!push.loading && !push.loadError && push.vapidPublicKey === null}
              />
              {push.error && (
                <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
                  {push.error}
                </p>
              )}
              {push.notice && <p className={`${note} font-medium`}>{push.notice}</p>}
            </div>
            <div className="mt-3 flex flex-wrap gap-2">
              {canTurnOn && (
                <Button
                  variant="primary"
                  onClick={() => void push.turnOn()}
                  disabled={push.busy}
                  aria-busy={push.busy}
                >
                  <BellIcon />
                  {push.busy ? "Turning on…" : "Turn on notifications"}
                </Button>
              )}
              <Button
                variant="secondary"
                onClick={() => void push.sendTest()}
                disabled={push.busy || push.devices.length === 0}
              >
                Send a test notification
              </Button>
            </div>
          </section>

          <section aria-labelledby="push-devices" className="mt-5">
            <h3 id="push-devices" className={sectionTitle}>
              Your devices
            </h3>
            {push.loadError ? (
              <div className={note}>
                <p>Your devices didn’t load: {push.loadError}</p>
                <Button variant="secondary" size="sm" className="mt-2" onClick={push.retry}>
                  Try again
                </Button>
              </div>
            ) : push.loading ? (
              <p className={note}>Loading…</p>
            ) : push.devices.length === 0 ? (
              <p className={note}>No device receives your reminders yet.</p>
            ) : (
              <ul
                aria-label="Subscribed devices"
                className="mt-2 divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-700"
              >
                {push.devices.map((device) =>
                  push.removed(device.id) ? (
                    <li key={device.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                      <span className="min-w-0 flex-1 truncate text-zinc-600 dark:text-zinc-400">
                        Removed “{device.label}”
                      </span>
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`Undo removing “${device.label}”`}
                        onClick={() => push.undoRemove(device.id)}
                      >
                        Undo
                      </Button>
                    </li>
                  ) : (
                    <li key={device.id} className="flex items-center gap-3 px-3 py-2">
                      <MonitorIcon className="shrink-0 text-zinc-500 dark:text-zinc-400" />
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm font-medium">
                          {device.label}
                          {device.id === push.thisDevice && (
                            <span className="ml-1.5 rounded-full bg-blue-50 px-1.5 py-0.5 text-xs font-normal text-blue-800 dark:bg-blue-500/15 dark:text-blue-200">
                              This browser
                            </span>
                          )}
                        </p>
                        <p className="text-xs text-zinc-600 dark:text-zinc-400">
                          Added {added.format(new Date(device.createdAt))}
                        </p>
                      </div>
                      <Button
                        variant="danger-ghost"
                        size="sm"
                        aria-label={`Remove “${device.label}”`}
                        onClick={() => push.remove(device)}
                      >
                        <TrashIcon />
                        <span className="max-sm:sr-only">Remove</span>
                      </Button>
                    </li>
                  ),
                )}
              </ul>
            )}
          </section>

          <div className="mt-5 flex justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary">Close</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
