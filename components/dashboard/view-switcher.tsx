"use client";

import { CalendarDayIcon, CalendarIcon, ListChecksIcon } from "@/components/ui/icons";
import { LISTS, type ListView, listLabel } from "./view";

const icons = { today: CalendarDayIcon, upcoming: CalendarIcon, all: ListChecksIcon };
const shortcut = { today: "g t", upcoming: "g u", all: "g a" };

/**
 * Today · Upcoming · All, each with how many open tasks it holds. Buttons that change the view
 * in place (the address follows); the current one is marked for assistive tech.
 */
export function ViewSwitcher({
  list,
  counts,
  onChange,
}: {
  /** The current view; null in a project (none is marked). */
  list: ListView | null;
  counts: Partial<Record<ListView, number>>;
  onChange: (list: ListView) => void;
}) {
  return (
    <nav aria-label="Views" className="mb-5">
      <ul className="flex w-full gap-1 rounded-xl bg-zinc-100 p-1 sm:inline-flex sm:w-auto dark:bg-zinc-900">
        {LISTS.map((name) => {
          const Icon = icons[name];
          const current = name === list;
          const count = counts[name];
          return (
            <li key={name} className="flex-1 sm:flex-none">
              <button
                type="button"
                aria-current={current ? "page" : undefined}
                aria-keyshortcuts={shortcut[name].replace(" ", "+")}
                title={`${listLabel[name]} (${shortcut[name]})`}
                onClick={() => onChange(name)}
                className="flex h-9 w-full items-center justify-center gap-1.5 rounded-lg px-2 text-sm font-medium text-zinc-700 hover:bg-white/60 hover:text-zinc-900 aria-[current=page]:bg-white aria-[current=page]:text-blue-800 aria-[current=page]:shadow-sm sm:px-4 dark:text-zinc-300 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-50 dark:aria-[current=page]:bg-zinc-700 dark:aria-[current=page]:text-blue-200"
              >
                {/* Icons only where the three fit with them (not on the narrowest phones). */}
                <Icon width={16} height={16} className="shrink-0 max-[24rem]:hidden" />
                {listLabel[name]}
                <span className="min-w-[2ch] text-xs tabular-nums text-zinc-600 dark:text-zinc-300">
                  {count ?? ""}
                  {count !== undefined && <span className="sr-only"> open</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
