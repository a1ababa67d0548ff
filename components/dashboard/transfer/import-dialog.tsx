"use client";

import { Dialog } from "radix-ui";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PROJECT_NAME_MAX } from "@/lib/tasks/model";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";
import { fieldClass, hintClass, labelClass } from "../form-parts";
import { useRefreshAll } from "../use-refresh-all";
import { dropHandlers, FileDrop } from "./file-drop";
import {
  createdSentence,
  formatName,
  ImportCounts,
  ProblemList,
  skippedCount,
} from "./import-preview";
import { ProgressBar } from "./progress-bar";
import { type ImportStep, useImport } from "./use-import";

/**
 * "Import…": a Doable export (JSON or CSV) or a Todoist CSV, chosen or dropped on the dialog;
 * its dry run's preview (counts, the rows it cannot read); then the import itself, with the
 * upload's progress and an indeterminate bar while the server works; the summary; the lists
 * read again. Errors are said in the dialog. It cannot be closed while the import runs.
 */

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function statusText(step: ImportStep): string {
  switch (step.kind) {
    case "choose":
      return "";
    case "checking":
      return step.progress === null
        ? `Reading ${step.file.name}…`
        : `Checking ${step.file.name}… ${Math.round(step.progress * 100)}% sent`;
    case "preview":
      if (step.rechecking) return "Checking again…";
      // Said visibly by the list's heading; here for screen readers.
      if (step.result.problemCount > 0)
        return `${step.result.problemCount.toLocaleString("en-US")} ${step.result.problemCount === 1 ? "row" : "rows"} cannot be imported, so nothing can be until they are fixed.`;
      return `Ready to import ${createdSentence(step.result)}.`;
    case "importing":
      return step.progress === null || step.progress >= 1
        ? "Importing… keep this window open."
        : `Sending the file… ${Math.round(step.progress * 100)}%`;
    case "done": {
      const skipped = skippedCount(step.result);
      return `Imported ${createdSentence(step.result)}.${
        skipped ? ` ${skipped.toLocaleString("en-US")} already here, skipped.` : ""
      }`;
    }
    case "failed":
      return "";
  }
}

export function ImportDialog({
  userId,
  open,
  onOpenChange,
}: {
  userId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const refreshAll = useRefreshAll(userId);
  const refresh = useCallback(() => refreshAll(true), [refreshAll]);
  const { step, project, setProject, choose, confirm, reset } = useImport(userId, refresh);
  const [dragging, setDragging] = useState(false);
  const busy = step.kind === "importing";
  const focusRef = useRef<HTMLElement | null>(null);
  const setFocus = (el: HTMLElement | null) => {
    focusRef.current = el;
  };

  // Each step puts focus where its next action is, so it is never lost to the page.
  useEffect(() => {
    if (step.kind === "choose") document.getElementById(`${id}-file`)?.focus();
    else focusRef.current?.focus();
  }, [step.kind, id]);

  const close = (next: boolean) => {
    if (busy) return;
    onOpenChange(next);
  };
  const file = step.kind === "choose" ? null : step.file;
  const status = statusText(step);
  const preview = step.kind === "preview" ? step : null;
  const canImport =
    preview !== null &&
    !preview.rechecking &&
    preview.result.problemCount === 0 &&
    preview.result.created.projects +
      preview.result.created.tasks +
      preview.result.created.subtasks >
      0;

  return (
    <Dialog.Root open={open} onOpenChange={close}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content
          className={`${dialogContentClass} sm:max-w-lg ${dragging ? "ring-2 ring-blue-600 dark:ring-blue-400" : ""}`}
          onEscapeKeyDown={(e) => busy && e.preventDefault()}
          onInteractOutside={(e) => busy && e.preventDefault()}
          {...dropHandlers(!busy && step.kind !== "done", setDragging, choose)}
        >
          <Dialog.Title className="text-lg font-semibold">Import tasks</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
            From a Doable export (JSON or CSV) or a Todoist CSV. You see what the file holds before
            anything is imported.
          </Dialog.Description>

          <div className="mt-4 space-y-4">
            {step.kind === "choose" && (
              <FileDrop id={`${id}-file`} dragging={dragging} onChoose={choose} />
            )}
            {step.kind === "choose" && step.error && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {step.error}
              </p>
            )}

            {file && (
              <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <span className="min-w-0 truncate font-medium" dir="auto">
                  {file.name}
                </span>
                <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">
                  {size(file.size)}
                  {(step.kind === "preview" || step.kind === "done") &&
                    ` · ${formatName[step.result.format]}`}
                </span>
                {(step.kind === "preview" || step.kind === "failed") && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className="ml-auto"
                    ref={step.kind === "failed" || !canImport ? setFocus : undefined}
                    onClick={reset}
                  >
                    Choose another file
                  </Button>
                )}
              </div>
            )}

            {(step.kind === "checking" || step.kind === "importing") && (
              <ProgressBar value={step.progress} labelledBy={`${id}-status`} />
            )}

            <p
              id={`${id}-status`}
              role="status"
              aria-live="polite"
              tabIndex={-1}
              ref={step.kind === "checking" || busy ? setFocus : undefined}
              className={
                status && !(preview && preview.result.problemCount > 0)
                  ? `text-sm outline-none ${step.kind === "done" ? "font-medium text-green-800 dark:text-green-300" : "text-zinc-700 dark:text-zinc-200"}`
                  : "sr-only"
              }
            >
              {status}
            </p>

            {step.kind === "failed" && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {step.message}
              </p>
            )}

            {preview?.result.format === "todoist-csv" && (
              <div>
                <label htmlFor={`${id}-project`} className={labelClass}>
                  Project for these tasks (optional)
                </label>
                <input
                  id={`${id}-project`}
                  dir="auto"
                  value={project}
                  maxLength={PROJECT_NAME_MAX}
                  autoComplete="off"
                  placeholder="Inbox"
                  onChange={(e) => setProject(e.target.value)}
                  aria-describedby={`${id}-project-hint`}
                  className={fieldClass}
                />
                <p id={`${id}-project-hint`} className={hintClass}>
                  Yours of that name, or a new one. Empty: the Inbox.
                </p>
              </div>
            )}

            {(step.kind === "preview" || step.kind === "done") && (
              <ImportCounts result={step.result} />
            )}
            {preview && preview.result.problemCount === 0 && !canImport && !preview.rechecking && (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                Everything in this file is already in your account: nothing to import.
              </p>
            )}
            {(step.kind === "preview" || step.kind === "failed") && (
              <ProblemList
                problems={step.kind === "preview" ? step.result.problems : step.problems}
                problemCount={
                  step.kind === "preview" ? step.result.problemCount : step.problemCount
                }
                headingId={`${id}-problems`}
              />
            )}
          </div>

          <div className="mt-5 flex flex-wrap justify-end gap-2">
            {step.kind === "done" ? (
              <Dialog.Close asChild>
                <Button variant="primary" ref={setFocus}>
                  Done
                </Button>
              </Dialog.Close>
            ) : (
              <>
                <Dialog.Close asChild>
                  <Button variant="secondary" disabled={busy}>
                    Cancel
                  </Button>
                </Dialog.Close>
                {(step.kind === "preview" || step.kind === "importing") && (
                  <Button
                    variant="primary"
                    disabled={!canImport}
                    aria-busy={busy}
                    ref={canImport ? setFocus : undefined}
                    onClick={() => void confirm()}
                  >
                    {busy ? "Importing…" : "Import"}
                  </Button>
                )}
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
