"use client";

import { type ComponentProps, lazy } from "react";
import { WhileOpen } from "../lazy-dialogs";
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
  return (
    <WhileOpen open={props.open}>
      <Import {...props} />
    </WhileOpen>
  );
}
