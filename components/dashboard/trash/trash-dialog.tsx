"use client";

import { Dialog } from "radix-ui";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";
import { type Project, TRASH_DAYS, type TrashEntry } from "@/lib/tasks/model";
import { emptyTrash, listTrash } from "@/lib/trash-client";
import { dialogContentClass, dialogOverlayClass } from "../dialog-styles";
import { hintClass } from "../form-parts";
import { errorMessage, reportError } from "../report-error";
import { useRefreshAll } from "../use-refresh-all";
import { TrashRow } from "./trash-row";

/**
 * The trash: what the person deleted in the last TRASH_DAYS days, newest first, with Restore
 * and Delete forever on each, and Empty trash. Restoring puts the task back in its lists, so
 * every list and count is read again.
 */
export function TrashDialog({
  userId,
  projects,
  open,
  onOpenChange,
}: {
  userId: string;
  /** For the entries' project names. */
  projects: Project[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string>();
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [status, setStatus] = useState("");
  const refreshAll = useRefreshAll(userId);

  const load = useCallback(async () => {
    setError(undefined);
    try {
      const page = await listTrash(userId);
      setEntries(page.entries);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [userId]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await listTrash(userId, cursor);
      setEntries((shown) => [...(shown ?? []), ...page.entries]);
      setCursor(page.nextCursor);
    } catch (e) {
      reportError(e, "Couldn't load more of the trash");
    } finally {
      setLoadingMore(false);
    }
  };

  const drop = (entry: TrashEntry, message: string) => {
    setEntries((shown) => shown?.filter((e) => e.task.id !== entry.task.id) ?? null);
    setStatus(message);
  };

  const empty = async () => {
    setConfirmEmpty(false);
    try {
      const deleted = await emptyTrash(userId);
      setEntries([]);
      setCursor(null);
      const message = `Deleted ${deleted === 1 ? "1 task" : `${deleted} tasks`} for good`;
      setStatus(message);
      toast(message);
    } catch (e) {
      reportError(e, "Couldn't empty the trash");
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlayClass} />
        <Dialog.Content className={`${dialogContentClass} sm:max-w-lg`}>
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="text-lg font-semibold">Trash</Dialog.Title>
            <Dialog.Close
              aria-label="Close"
              className="-mt-1 -mr-1 flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <CloseIcon width={18} height={18} />
            </Dialog.Close>
          </div>
          <Dialog.Description className={`${hintClass} mt-1`}>
            Deleted tasks stay here for {TRASH_DAYS} days, then they are deleted for good.
          </Dialog.Description>

          <div className="mt-4">
            {error ? (
              <div role="alert" className="space-y-3">
                <p className="text-sm text-red-700 dark:text-red-400">{error}</p>
                <Button size="sm" onClick={() => void load()}>
                  Try again
                </Button>
              </div>
            ) : entries === null ? (
              <p role="status" className={hintClass}>
                Loading the trash…
              </p>
            ) : entries.length === 0 ? (
              <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                The trash is empty.
              </p>
            ) : (
              <ul
                aria-label="Deleted tasks"
                className="divide-y divide-zinc-200 dark:divide-zinc-800"
              >
                {entries.map((entry) => (
                  <TrashRow
                    key={entry.task.id}
                    userId={userId}
                    entry={entry}
                    projects={projects}
                    onRestored={() => {
                      drop(entry, `Restored “${entry.task.title}”`);
                      toast.success(`Restored “${entry.task.title}”`);
                      void refreshAll();
                    }}
                    onDeleted={() => drop(entry, `Deleted “${entry.task.title}” for good`)}
                  />
                ))}
              </ul>
            )}
            {cursor && entries && entries.length > 0 && (
              <Button
                size="sm"
                variant="ghost"
                className="mt-2 w-full"
                disabled={loadingMore}
                onClick={() => void loadMore()}
              >
                {loadingMore ? "Loading…" : "Show more"}
              </Button>
            )}
          </div>

          {entries && entries.length > 0 && (
            <div className="mt-5 flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              {confirmEmpty ? (
                <>
                  <p className="mr-auto text-sm">Delete everything in the trash for good?</p>
                  <Button size="sm" onClick={() => setConfirmEmpty(false)}>
                    Cancel
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => void empty()}>
                    Empty trash
                  </Button>
                </>
              ) : (
                <Button size="sm" variant="danger-secondary" onClick={() => setConfirmEmpty(true)}>
                  Empty trash…
                </Button>
              )}
            </div>
          )}
          <p aria-live="polite" className="sr-only">
            {status}
          </p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
