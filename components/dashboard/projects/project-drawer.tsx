"use client";

import { Dialog } from "radix-ui";
import type { ReactNode } from "react";
import { CloseIcon } from "@/components/ui/icons";

/**
 * The sidebar as a drawer from the left on narrow screens (opened from the header): a modal
 * dialog around the same navigation the wide screens show beside the list.
 */
export function ProjectDrawer({
  open,
  onOpenChange,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[2px] lg:hidden" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 w-[min(20rem,85vw)] overflow-y-auto border-r border-zinc-200 bg-white px-3 pt-3 pb-[max(1.25rem,env(safe-area-inset-bottom))] text-zinc-900 shadow-2xl focus-visible:outline-none lg:hidden dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        >
          <div className="mb-3 flex items-center justify-between pl-2.5">
            <Dialog.Title className="text-base font-semibold">Lists and projects</Dialog.Title>
            <Dialog.Close
              aria-label="Close"
              className="flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <CloseIcon width={18} height={18} />
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
