"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import type { SelectionBar } from "./selection-bar";

/*
 * The selection bar shows only in select mode, so it loads after the page: on the first press
 * of Select, or earlier while the page is idle (preloadSelectionBar), so that it is there by then.
 */
const loadSelectionBar = () => import("./selection-bar");

export const preloadSelectionBar = (): void => void loadSelectionBar();

const Bar = lazy(async () => ({ default: (await loadSelectionBar()).SelectionBar }));

export function LazySelectionBar(props: ComponentProps<typeof SelectionBar>) {
  return (
    <Suspense fallback={null}>
      <Bar {...props} />
    </Suspense>
  );
}
