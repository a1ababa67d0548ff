"use client";

import { lazy, Suspense, useEffect } from "react";
import { useCompleteQuestion } from "./complete-prompt";

/*
 * The "Complete the open subtasks too?" dialog loads after the page (Radix's dialog is not in
 * the first load), fetched while the browser is idle so it opens without a wait.
 */
const load = () => import("./complete-dialog");
const Dialog = lazy(async () => ({ default: (await load()).CompleteSubtasksDialog }));

/** Shows the question while one is asked (see complete-prompt.ts). */
export function CompletePrompt() {
  const question = useCompleteQuestion();
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 300));
    idle(() => void load());
  }, []);
  if (!question) return null;
  return (
    <Suspense fallback={null}>
      <Dialog question={question} />
    </Suspense>
  );
}
