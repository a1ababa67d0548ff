"use client";

import { type Ref, useEffect, useRef, useState } from "react";
import { CloseIcon, SearchIcon } from "@/components/ui/icons";

const DEBOUNCE_MS = 250;

/** Search as you type; the view (and the URL) follows after a short pause. */
export function SearchBox({
  value,
  onSearch,
  ref,
}: {
  value: string;
  onSearch: (q: string) => void;
  ref?: Ref<HTMLInputElement>;
}) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  // The URL can change under us (Clear filters, back button): show what it says.
  useEffect(() => {
    setText((current) => (current.trim() === value.trim() ? current : value));
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const update = (next: string, now = false) => {
    setText(next);
    clearTimeout(timer.current);
    if (now) onSearchRef.current(next);
    else timer.current = setTimeout(() => onSearchRef.current(next), DEBOUNCE_MS);
  };

  return (
    <div className="relative min-w-0 flex-1 sm:max-w-64">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-zinc-500 dark:text-zinc-400" />
      <input
        ref={ref}
        type="search"
        value={text}
        onChange={(e) => update(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            if (text) update("", true);
            else e.currentTarget.blur();
          } else if (e.key === "Enter") {
            update(text, true);
          }
        }}
        placeholder="Search"
        aria-label="Search tasks"
        maxLength={200}
        className="h-9 w-full rounded-lg border border-zinc-300 bg-white pr-8 pl-8 text-sm text-zinc-900 placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:focus-visible:border-blue-400 [&::-webkit-search-cancel-button]:hidden"
      />
      {text && (
        <button
          type="button"
          onClick={() => update("", true)}
          aria-label="Clear search"
          className="absolute top-1/2 right-1 flex size-7 -translate-y-1/2 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <CloseIcon width={14} height={14} />
        </button>
      )}
    </div>
  );
}
