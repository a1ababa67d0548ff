"use client";

import { type ComponentProps, lazy } from "react";
import { WhileOpen } from "../lazy-dialogs";
import type { DeleteProjectDialog } from "./delete-project-dialog";
import type { ProjectDialog } from "./project-dialog";
import type { ProjectDrawer } from "./project-drawer";

/*
 * The sidebar's drawer and the project dialogs load after the page, as the account's dialogs
 * do (lazy-dialogs.tsx): none is open at first, and Radix's dialog and radio group are some
 * 10 kB of the first load otherwise. preloadProjectDialogs() fetches them while the page is
 * idle, so they open at once.
 */
const loadDrawer = () => import("./project-drawer");
const loadEdit = () => import("./project-dialog");
const loadDelete = () => import("./delete-project-dialog");

export function preloadProjectDialogs(): void {
  void loadDrawer();
  void loadEdit();
  void loadDelete();
}

const Drawer = lazy(async () => ({ default: (await loadDrawer()).ProjectDrawer }));
const Edit = lazy(async () => ({ default: (await loadEdit()).ProjectDialog }));
const Delete = lazy(async () => ({ default: (await loadDelete()).DeleteProjectDialog }));

export function LazyProjectDrawer(props: ComponentProps<typeof ProjectDrawer>) {
  return (
    <WhileOpen open={props.open}>
      <Drawer {...props} />
    </WhileOpen>
  );
}

export function LazyProjectDialog(props: ComponentProps<typeof ProjectDialog>) {
  return (
    <WhileOpen open={props.open}>
      <Edit {...props} />
    </WhileOpen>
  );
}

export function LazyDeleteProjectDialog(props: ComponentProps<typeof DeleteProjectDialog>) {
  return (
    <WhileOpen open={props.project !== null}>
      <Delete {...props} />
    </WhileOpen>
  );
}
