"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import type { RemindersEditor } from "./reminders-editor";
import type { RepeatPicker } from "./repeat-picker";

/*
 * The repeat picker and the reminders editor load after the page: they show only in quick add's
 * Details and in the editor. preloadPlanner() fetches them while the page is idle, so they are
 * there by the time someone opens either; until then a box of the same height holds the place.
 */
const loadRepeat = () => import("./repeat-picker");
const loadReminders = () => import("./reminders-editor");

export function preloadPlanner(): void {
  void loadRepeat();
  void loadReminders();
}

const Repeat = lazy(async () => ({ default: (await loadRepeat()).RepeatPicker }));
const Reminders = lazy(async () => ({ default: (await loadReminders()).RemindersEditor }));

function Placeholder({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">{label}</p>
      <div className="h-9 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
    </div>
  );
}

export function LazyRepeatPicker(props: ComponentProps<typeof RepeatPicker>) {
  return (
    <Suspense fallback={<Placeholder label="Repeat" />}>
      <Repeat {...props} />
    </Suspense>
  );
}

export function LazyRemindersEditor(props: ComponentProps<typeof RemindersEditor>) {
  return (
    <Suspense fallback={<Placeholder label="Reminders" />}>
      <Reminders {...props} />
    </Suspense>
  );
}
