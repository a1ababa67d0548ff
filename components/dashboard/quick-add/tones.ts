import type { ProjectColor } from "@/lib/tasks/model";
import type { QuickAddToken } from "@/lib/tasks/quick-add";

/*
 * The colours of what quick add understood: a tint behind the words in the title (the text on
 * top is the input's own, so it keeps the input's contrast) and the matching chip. Tailwind
 * needs every class name written out.
 */

type Kind = QuickAddToken["kind"];

/** Behind the words: a ring of the same colour widens the tint without moving the text. */
export const markTone: Record<Kind, string> = {
  due: "bg-blue-100 ring-blue-100 dark:bg-blue-400/25 dark:ring-blue-400/25",
  repeat: "bg-violet-100 ring-violet-100 dark:bg-violet-400/25 dark:ring-violet-400/25",
  priority: "bg-red-100 ring-red-100 dark:bg-red-400/25 dark:ring-red-400/25",
  tag: "bg-emerald-100 ring-emerald-100 dark:bg-emerald-400/25 dark:ring-emerald-400/25",
  project: "bg-zinc-200 ring-zinc-200 dark:bg-zinc-400/25 dark:ring-zinc-400/25",
};

/** A project chip is neutral: its colour is its dot, so every palette colour reads the same. */
export const chipTone: Record<Kind, string> = {
  due: "border-blue-200 bg-blue-50 text-blue-800 dark:border-blue-400/30 dark:bg-blue-400/10 dark:text-blue-200",
  repeat:
    "border-violet-200 bg-violet-50 text-violet-800 dark:border-violet-400/30 dark:bg-violet-400/10 dark:text-violet-200",
  priority:
    "border-red-200 bg-red-50 text-red-800 dark:border-red-400/30 dark:bg-red-400/10 dark:text-red-200",
  tag: "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-400/30 dark:bg-emerald-400/10 dark:text-emerald-200",
  project:
    "border-zinc-300 bg-zinc-50 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100",
};

export const projectMarkTone: Record<ProjectColor, string> = {
  gray: markTone.project,
  red: "bg-red-100 ring-red-100 dark:bg-red-400/25 dark:ring-red-400/25",
  orange: "bg-orange-100 ring-orange-100 dark:bg-orange-400/25 dark:ring-orange-400/25",
  amber: "bg-amber-100 ring-amber-100 dark:bg-amber-300/25 dark:ring-amber-300/25",
  green: "bg-green-100 ring-green-100 dark:bg-green-400/25 dark:ring-green-400/25",
  teal: "bg-teal-100 ring-teal-100 dark:bg-teal-400/25 dark:ring-teal-400/25",
  blue: "bg-blue-100 ring-blue-100 dark:bg-blue-400/25 dark:ring-blue-400/25",
  indigo: "bg-indigo-100 ring-indigo-100 dark:bg-indigo-400/25 dark:ring-indigo-400/25",
  purple: "bg-purple-100 ring-purple-100 dark:bg-purple-400/25 dark:ring-purple-400/25",
  pink: "bg-pink-100 ring-pink-100 dark:bg-pink-400/25 dark:ring-pink-400/25",
};
