"use client";

import { Dialog } from "radix-ui";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { GlobeIcon } from "@/components/ui/icons";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";
import { FieldError, fieldClass, hintClass, labelClass } from "../form-parts";
import { browserZone } from "../zone";
import { saveSettings } from "./user-settings";

/** Every zone this browser knows, the current ones first if it does not list them. */
function zoneList(...known: string[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    // Older browsers: just the zones at hand.
  }
  return [...new Set([...zones, ...known])].sort();
}

/** The account's time zone: a list of every zone, and "Use this browser's zone". */
export function TimeZoneDialog({
  zone,
  open,
  onOpenChange,
  onSaved,
}: {
  zone: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (zone: string) => void;
}) {
  const id = useId();
  const local = useMemo(browserZone, []);
  const zones = useMemo(() => zoneList(zone, local, "UTC"), [zone, local]);
  const [chosen, setChosen] = useState(zone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (next: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await saveSettings({ timeZone: next });
      onSaved(next);
      onOpenChange(false);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not save the time zone.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={dialogContentClass}>
          <Dialog.Title className="flex items-center gap-2 text-lg font-semibold">
            <GlobeIcon width={18} height={18} />
            Time zone
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
            Today, Upcoming, repeats and reminders follow this zone. Now: {zone}.
          </Dialog.Description>
          <form
            className="mt-4"
            onSubmit={(e) => {
              e.preventDefault();
              void save(chosen);
            }}
          >
            <label htmlFor={`${id}-zone`} className={labelClass}>
              Time zone
            </label>
            <select
              id={`${id}-zone`}
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
              aria-describedby={error ? `${id}-error` : undefined}
              className={`${fieldClass} h-10 py-0`}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-error`} message={error} />
            {local === zone ? (
              <p className={hintClass}>This browser is in {local} too.</p>
            ) : (
              <p className={hintClass}>
                This browser is in {local}.{" "}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    setChosen(local);
                    void save(local);
                  }}
                  className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
                >
                  Use this browser’s zone
                </button>
              </p>
            )}
            <div className="mt-5 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button
                type="submit"
                variant="primary"
                disabled={busy || chosen === zone}
                aria-busy={busy}
              >
                {busy ? "Saving…" : "Save"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
