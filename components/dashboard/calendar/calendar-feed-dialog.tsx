"use client";

import { Dialog } from "radix-ui";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { request, requestJson, userPath } from "@/lib/api-client";
import type { CalendarFeedStatus } from "@/lib/calendar/model";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";
import { hintClass } from "../form-parts";
import { errorMessage } from "../report-error";
import { FeedAddress } from "./feed-address";

type Confirming = "regenerate" | "off" | null;

const CONFIRM_TEXT: Record<Exclude<Confirming, null>, { ask: string; yes: string }> = {
  regenerate: {
    ask: "Make a new address? The current one stops working at once in every calendar app that uses it.",
    yes: "Regenerate",
  },
  off: {
    ask: "Turn the feed off? Its address stops working, and subscribed calendars stop showing your tasks.",
    yes: "Turn off",
  },
};

/**
 * The private calendar feed (README.md, "Private calendar feed"): on or off, Turn on, Regenerate
 * and Turn off. The server keeps only a hash of the address's token, so the address is shown
 * once, right after Turn on or Regenerate, with Copy; closing the dialog forgets it.
 */
export function CalendarFeedDialog({
  userId,
  open,
  onOpenChange,
}: {
  userId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const path = userPath(userId, "calendar");
  const [feed, setFeed] = useState<CalendarFeedStatus | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string>();
  const copyButton = useRef<HTMLButtonElement>(null);
  const turnOnButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the button that had it is gone (after an action, in a confirmation).
  const [focusNext, setFocusNext] = useState<"copy" | "turnOn" | "cancel" | null>(null);

  useEffect(() => {
    if (!focusNext) return;
    const target = { copy: copyButton, turnOn: turnOnButton, cancel: cancelButton }[focusNext];
    target.current?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setFeed(await requestJson<CalendarFeedStatus>(path));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [path]);

  useEffect(() => {
    if (open) {
      void load();
      return;
    }
    // Closed: forget the address and every answer.
    setFeed(null);
    setUrl(null);
    setConfirming(null);
    setStatus("");
    setError(undefined);
  }, [open, load]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const turnOn = (regenerating: boolean) =>
    run(async () => {
      const created = await requestJson<CalendarFeedStatus>(path, { method: "POST" });
      setFeed({ ...created, url: null });
      setUrl(created.url);
      setFocusNext("copy");
      setStatus(
        regenerating
          ? "New address made. The old one no longer works."
          : "Calendar feed turned on. Copy its address now.",
      );
    });

  const turnOff = () =>
    run(async () => {
      await request(path, { method: "DELETE" });
      setFeed({ enabled: false, url: null, createdAt: null });
      setUrl(null);
      setFocusNext("turnOn");
      setStatus("Calendar feed turned off. Its address no longer works.");
    });

  const since = feed?.createdAt ? new Date(feed.createdAt).toLocaleDateString() : null;

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={dialogContentClass} aria-describedby={`${id}-about`}>
          <Dialog.Title className="text-lg font-semibold">Calendar feed</Dialog.Title>
          <p id={`${id}-about`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
            A private address that calendar apps (Google Calendar, Apple Calendar, Outlook) can
            subscribe to: your tasks with due dates, repeats included, updated as you change them.
          </p>

          <div className="mt-4 space-y-3">
            {feed === null && !error ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-300">Loading…</p>
            ) : null}

            {feed ? (
              <p className="text-sm font-medium">
                {feed.enabled ? (
                  <>
                    <span
                      aria-hidden
                      className="mr-1.5 inline-block size-2 rounded-full bg-green-600 dark:bg-green-400"
                    />
                    On{since ? ` since ${since}` : ""}
                  </>
                ) : (
                  <>
                    <span
                      aria-hidden
                      className="mr-1.5 inline-block size-2 rounded-full bg-zinc-400 dark:bg-zinc-500"
                    />
                    Off
                  </>
                )}
              </p>
            ) : null}

            {url ? (
              <FeedAddress url={url} copyButton={copyButton} onStatus={setStatus} />
            ) : feed?.enabled ? (
              <p className={hintClass}>
                The address was shown when it was made. To add the feed to another calendar,
                regenerate it (the old address then stops working).
              </p>
            ) : null}

            {confirming ? (
              <fieldset className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
                <legend className="sr-only">Confirm {CONFIRM_TEXT[confirming].yes}</legend>
                <p className="text-sm">{CONFIRM_TEXT[confirming].ask}</p>
                <div className="flex justify-end gap-2">
                  <Button
                    ref={cancelButton}
                    variant="secondary"
                    size="sm"
                    onClick={() => setConfirming(null)}
                  >
                    Cancel
                  </Button>
                  <Button
                    variant="danger"
                    size="sm"
                    disabled={busy}
                    aria-busy={busy}
                    onClick={() => void (confirming === "off" ? turnOff() : turnOn(true))}
                  >
                    {CONFIRM_TEXT[confirming].yes}
                  </Button>
                </div>
              </fieldset>
            ) : null}

            {error ? (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}{" "}
                {feed === null ? (
                  <button
                    type="button"
                    className="underline hover:no-underline"
                    onClick={() => void load()}
                  >
                    Try again
                  </button>
                ) : null}
              </p>
            ) : null}

            <p aria-live="polite" className="sr-only">
              {status}
            </p>
            {status ? (
              <p aria-hidden className="text-xs text-zinc-600 dark:text-zinc-400">
                {status}
              </p>
            ) : null}
          </div>

          <div className="mt-5 flex flex-wrap justify-end gap-2">
            {feed?.enabled ? (
              <>
                <Button
                  variant="danger-secondary"
                  disabled={busy || confirming !== null}
                  onClick={() => {
                    setConfirming("off");
                    setFocusNext("cancel");
                  }}
                >
                  Turn off
                </Button>
                <Button
                  variant="secondary"
                  disabled={busy || confirming !== null}
                  onClick={() => {
                    setConfirming("regenerate");
                    setFocusNext("cancel");
                  }}
                >
                  Regenerate
                </Button>
              </>
            ) : null}
            {feed && !feed.enabled ? (
              <Button
                ref={turnOnButton}
                variant="primary"
                disabled={busy}
                aria-busy={busy}
                onClick={() => void turnOn(false)}
              >
                Turn on
              </Button>
            ) : null}
            <Dialog.Close asChild>
              <Button variant="secondary">Close</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
