"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import type { PlannerEffects } from "./planner-effects";

const Effects = lazy(async () => ({ default: (await import("./planner-effects")).PlannerEffects }));

/** PlannerEffects, loaded right after the page. */
export function LazyPlannerEffects(props: ComponentProps<typeof PlannerEffects>) {
  return (
    <Suspense fallback={null}>
      <Effects {...props} />
    </Suspense>
  );
}
