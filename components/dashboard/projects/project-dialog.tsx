"use client";

import { Dialog, RadioGroup } from "radix-ui";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  PROJECT_COLORS,
  PROJECT_NAME_MAX,
  type Project,
  type ProjectColor,
} from "@/lib/tasks/model";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";
import { FieldError, fieldClass, labelClass } from "../form-parts";
import { errorMessage } from "../report-error";
import { colorLabel, swatchClass } from "./colors";

/**
 * Creates a project (no `project`) or renames and recolours one: a name and a colour from the
 * palette. A name in use is said under the field; nothing typed is lost on a refusal.
 */
export function ProjectDialog({
  project,
  open,
  onOpenChange,
  onSave,
}: {
  project?: Project;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSave: (input: { name: string; color: ProjectColor }) => Promise<unknown>;
}) {
  const id = useId();
  const [name, setName] = useState(project?.name ?? "");
  const [color, setColor] = useState<ProjectColor>(project?.color ?? "blue");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError("Give the project a name");
    setBusy(true);
    try {
      await onSave({ name: trimmed, color });
      onOpenChange(false);
    } catch (e) {
      // The server's own words: a name in use, the project limit, or why it failed.
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={dialogContentClass} aria-describedby={undefined}>
          <Dialog.Title className="text-lg font-semibold">
            {project ? "Edit project" : "New project"}
          </Dialog.Title>
          <form
            className="mt-4 space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div>
              <label htmlFor={`${id}-name`} className={labelClass}>
                Name
              </label>
              <input
                id={`${id}-name`}
                dir="auto"
                value={name}
                maxLength={PROJECT_NAME_MAX}
                autoComplete="off"
                onChange={(e) => {
                  setName(e.target.value);
                  setError(undefined);
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={fieldClass}
              />
              <FieldError id={`${id}-error`} message={error} />
            </div>
            <fieldset>
              <legend className={labelClass}>Colour</legend>
              <RadioGroup.Root
                value={color}
                onValueChange={(v) => setColor(v as ProjectColor)}
                aria-label="Colour"
                className="flex flex-wrap gap-2"
              >
                {PROJECT_COLORS.map((c) => (
                  <RadioGroup.Item
                    key={c}
                    value={c}
                    aria-label={colorLabel[c]}
                    title={colorLabel[c]}
                    className="flex size-8 items-center justify-center rounded-full border-2 border-transparent data-[state=checked]:border-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:data-[state=checked]:border-zinc-100 dark:focus-visible:outline-blue-400"
                  >
                    <span className={`size-5 rounded-full ${swatchClass[c]}`} />
                  </RadioGroup.Item>
                ))}
              </RadioGroup.Root>
            </fieldset>
            <div className="flex justify-end gap-2 pt-1">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary" disabled={busy} aria-busy={busy}>
                {project ? "Save" : "Add project"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
