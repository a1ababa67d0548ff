"use client";

import { type ComponentProps, lazy } from "react";
import { WhileOpen } from "../lazy-dialogs";
import type { TrashDialog } from "./trash-dialog";

/** The trash, loaded when first opened and mounted only while open (like the calendar feed's). */
const loadTrash = () => import("./trash-dialog");

export const preloadTrashDialog = (): void => void loadTrash();

const Trash = lazy(async () => ({ default: (await loadTrash()).TrashDialog }));

export function LazyTrashDialog(props: ComponentProps<typeof TrashDialog>) {
  return (
    <WhileOpen open={props.open}>
      <Trash {...props} />
    </WhileOpen>
  );
}
