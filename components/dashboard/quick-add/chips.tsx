"use client";

import { type ReactNode, useLayoutEffect, useRef } from "react";
import { CalendarIcon, CloseIcon, FlagIcon, RepeatIcon, TagIcon } from "@/components/ui/icons";
import type { Chip, Understanding } from "./understand";

const icons: Record<Exclude<Chip["kind"], "project">, ReactNode> = {
  due: <CalendarIcon width={14} height={14} />,
  repeat: <RepeatIcon width={14} height={14} />,
  priority: <FlagIcon width={14} height={14} />,
  tag: <TagIcon width={14} height={14} />,
};

/**
 * What quick add understood, under the box: one button per chip, in the tab order after the
 * box's buttons. Removing one (click, Enter, Space, Delete or Backspace) keeps its words in the
 * title. From the keyboard, focus moves to the next chip (back to the title after the last);
 * after a click or a tap it goes back to the title, to go on typing.
 */
export function UnderstoodChips({
  understood,
  hintId,
  onRemove,
  focusTitle,
}: {
  understood: Understanding;
  /** The id of the unknown-project hint, which the title field names as its description. */
  hintId: string;
  onRemove: (chip: Chip) => void;
  focusTitle: () => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const focusAt = useRef<number | null>(null);
  const { chips, unknownProject } = understood;

  useLayoutEffect(() => {
    const at = focusAt.current;
    if (at === null) return;
    focusAt.current = null;
    const buttons = listRef.current?.querySelectorAll("button");
    const next = at >= 0 ? buttons?.[Math.min(at, buttons.length - 1)] : undefined;
    if (next) next.focus();
    else focusTitle();
  });

  if (chips.length === 0 && !unknownProject) return null;
  const remove = (chip: Chip, index: number, fromKeyboard: boolean) => {
    focusAt.current = fromKeyboard ? index : -1;
    onRemove(chip);
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-3 pb-2.5">
      {chips.length > 0 && (
        <ul ref={listRef} aria-label="Understood from the title" className="flex flex-wrap gap-1.5">
          {chips.map((chip, index) => (
            <li key={chip.key}>
              <button
                type="button"
                data-chip={chip.kind}
                aria-label={chip.removeLabel}
                title={
                  chip.overridden ? "Details sets this: the typed value is not used" : undefined
                }
                onClick={(e) => remove(chip, index, e.detail === 0)}
                onKeyDown={(e) => {
                  if (e.key === "Delete" || e.key === "Backspace") {
                    e.preventDefault();
                    remove(chip, index, true);
                  }
                }}
                className={`group inline-flex h-7 max-w-full items-center gap-1 rounded-full border ps-2 pe-1 text-xs font-medium ${chip.className}`}
              >
                {chip.dotClassName ? (
                  <span
                    aria-hidden="true"
                    className={`size-2 shrink-0 rounded-full ${chip.dotClassName}`}
                  />
                ) : (
                  <span aria-hidden="true" className="shrink-0 opacity-80">
                    {icons[chip.kind as keyof typeof icons]}
                  </span>
                )}
                <span
                  dir="auto"
                  className={`truncate ${chip.overridden ? "line-through opacity-70" : ""}`}
                >
                  {chip.label}
                </span>
                <span
                  aria-hidden="true"
                  className="grid size-5 shrink-0 place-items-center rounded-full opacity-70 group-hover:bg-black/5 group-hover:opacity-100 dark:group-hover:bg-white/10"
                >
                  <CloseIcon width={12} height={12} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unknownProject && (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          No project named <span dir="auto">“{unknownProject}”</span>: the words stay in the title.
        </p>
      )}
    </div>
  );
}
