"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import type { TrashDialog } from "./trash-dialog";

/** The trash, loaded when first opened and mounted only while open (like the calendar feed's). */
const loadTrash = () => import("./trash-dialog");

export const preloadTrashDialog = (): void => void loadTrash();

const Trash = lazy(async () => ({ default: (await loadTrash()).TrashDialog }));

export function LazyTrashDialog(props: ComponentProps<typeof TrashDialog>) {
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <Trash {...props} />
    </Suspense>
  );
}
