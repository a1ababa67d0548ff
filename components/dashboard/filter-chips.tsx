"use client";

import { CloseIcon } from "@/components/ui/icons";
import { dueLabel, noFilters, priorityLabel, type View } from "./view";

/** The search and filters in force, each as a chip that removes it, and "Clear all". */
export function FilterChips({
  view,
  onChange,
}: {
  view: View;
  onChange: (patch: Partial<View>) => void;
}) {
  const chips: { key: keyof View; label: string }[] = [];
  if (view.q.trim()) chips.push({ key: "q", label: `“${view.q.trim()}”` });
  if (view.priority)
    chips.push({ key: "priority", label: `Priority: ${priorityLabel[view.priority]}` });
  if (view.due && view.list === "all") chips.push({ key: "due", label: dueLabel[view.due] });
  if (view.tag) chips.push({ key: "tag", label: `#${view.tag}` });
  if (chips.length === 0) return null;

  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          onClick={() => onChange({ [chip.key]: chip.key === "q" ? "" : null })}
          aria-label={`Remove filter ${chip.label}`}
          className="inline-flex h-7 items-center gap-1 rounded-full bg-blue-50 pr-1.5 pl-2.5 text-sm text-blue-800 hover:bg-blue-100 dark:bg-blue-500/15 dark:text-blue-200 dark:hover:bg-blue-500/25"
        >
          {chip.label}
          <CloseIcon width={14} height={14} />
        </button>
      ))}
      <button
        type="button"
        onClick={() => onChange(noFilters)}
        className="h-7 rounded-full px-2 text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
      >
        Clear all
      </button>
    </div>
  );
}
