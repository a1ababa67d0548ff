"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import type { ImportDialog } from "./import-dialog";

/**
 * The import dialog, loaded when first opened (or when the account menu opens: see
 * preloadImportDialog) and mounted only while open, like the dialogs in ../lazy-dialogs.tsx:
 * it stays out of the dashboard's first-load JavaScript.
 */
const loadImport = () => import("./import-dialog");

export const preloadImportDialog = (): void => void loadImport();

const Import = lazy(async () => ({ default: (await loadImport()).ImportDialog }));

export function LazyImportDialog(props: ComponentProps<typeof ImportDialog>) {
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <Import {...props} />
    </Suspense>
  );
}
