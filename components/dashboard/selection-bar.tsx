"use client";

import { type RefObject, useLayoutEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { Task } from "@/lib/tasks/model";

/**
 * Shown in select mode: select all, how many are picked, and what to do with them. It stays at
 * the bottom of the viewport (above the home indicator on phones) however long the list, and
 * keeps the last row clear of it (see useRoomBelow). In the DOM it follows the Select button,
 * so the keyboard reaches it next.
 */
export function SelectionBar({
  total,
  selected,
  onSelectAll,
  onComplete,
  onDelete,
  onCancel,
}: {
  /** How many tasks the list shows. */
  total: number;
  selected: Task[];
  onSelectAll: (on: boolean) => void;
  onComplete: (tasks: Task[]) => void;
  onDelete: (tasks: Task[]) => void;
  onCancel: () => void;
}) {
  const none = selected.length === 0;
  const ref = useRef<HTMLElement>(null);
  useRoomBelow(ref);
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-20 px-4 pb-[max(0.75rem,env(safe-area-inset-bottom))]">
      <section
        ref={ref}
        aria-label="Selection"
        data-selection-bar
        className="pointer-events-auto mx-auto flex max-w-3xl flex-wrap items-center gap-2 rounded-xl border border-blue-200 bg-blue-50 px-3 py-2 shadow-lg dark:border-blue-500/40 dark:bg-zinc-900 dark:shadow-black/40"
      >
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-blue-600"
            checked={total > 0 && selected.length === total}
            onChange={(e) => onSelectAll(e.target.checked)}
          />
          Select all
        </label>
        <span className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
          {selected.length} selected
        </span>
        <div className="flex w-full gap-2 sm:ml-auto sm:w-auto">
          <Button
            size="sm"
            variant="secondary"
            disabled={none}
            onClick={() => onComplete(selected)}
          >
            Complete
          </Button>
          <Button
            size="sm"
            variant="danger-secondary"
            disabled={none}
            onClick={() => onDelete(selected)}
          >
            Delete
          </Button>
          <Button size="sm" variant="ghost" onClick={onCancel} className="ml-auto">
            Cancel
          </Button>
        </div>
      </section>
    </div>
  );
}

/**
 * While the bar is up, the page it floats over gets room for it at the end (so the last row can
 * scroll clear of it) and scrolls focused rows into view above it.
 */
function useRoomBelow(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const bar = ref.current;
    const page = bar?.closest("main");
    if (!bar || !page) return;
    const root = document.documentElement;
    const ownPadding = getComputedStyle(page).paddingBottom;
    const reserve = () => {
      // From the bar's top to the viewport's bottom, plus a little air.
      const room = Math.ceil(window.innerHeight - bar.getBoundingClientRect().top) + 12;
      page.style.paddingBottom = `max(${ownPadding}, ${room}px)`;
      root.style.scrollPaddingBottom = `${room}px`;
    };
    reserve();
    const observer = new ResizeObserver(reserve);
    observer.observe(bar);
    window.addEventListener("resize", reserve);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", reserve);
      page.style.paddingBottom = "";
      root.style.scrollPaddingBottom = "";
    };
  }, [ref]);
}
