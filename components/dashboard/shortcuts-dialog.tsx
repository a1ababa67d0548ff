"use client";

import { Dialog } from "radix-ui";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { dialogContentClass, dialogOverlayClass } from "./dialog-styles";

/** Between the keys of a sequence (g, then t), as opposed to keys held together. */
const THEN = "then";

const shortcuts: [keys: string[], what: string][] = [
  [["n"], "New task"],
  [["/"], "Search"],
  [["j"], "Next task"],
  [["k"], "Previous task"],
  [["x"], "Complete or reopen the task"],
  [["e"], "Edit the task"],
  [["Delete"], "Delete the task"],
  [["Alt", "↑"], "Move the task up (manual order)"],
  [["Alt", "↓"], "Move the task down (manual order)"],
  [["Esc"], "Cancel editing, leave selection"],
  [["Ctrl", "Enter"], "Save while editing"],
  [["g", THEN, "t"], "Go to Today"],
  [["g", THEN, "u"], "Go to Upcoming"],
  [["g", THEN, "a"], "Go to All"],
  [["?"], "Show these shortcuts"],
];

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={dialogContentClass}>
          <Dialog.Title className="text-lg font-semibold">Keyboard shortcuts</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
            They work whenever you are not typing in a field.
          </Dialog.Description>
          <table className="mt-4 w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {shortcuts.map(([keys, what]) => (
                <tr key={what}>
                  <td className="w-28 py-2 pr-3">
                    <span className="flex items-center gap-1">
                      {keys.map((k) =>
                        k === THEN ? (
                          <span key={k} className="text-xs text-zinc-600 dark:text-zinc-400">
                            then
                          </span>
                        ) : (
                          <Kbd key={k}>{k}</Kbd>
                        ),
                      )}
                    </span>
                  </td>
                  <td className="py-2 text-zinc-700 dark:text-zinc-200">{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
