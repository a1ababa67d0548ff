"use client";

import type { DragEvent } from "react";
import { IMPORT_MAX_BYTES } from "@/lib/transfer/model";
import { FileIcon } from "./icons";

/** Where a file is chosen: the picker (a label around the input) that a file can be dropped on. */
export function FileDrop({
  id,
  dragging,
  onChoose,
}: {
  id: string;
  dragging: boolean;
  onChoose: (file: File) => void;
}) {
  return (
    <label
      htmlFor={id}
      className={`flex cursor-pointer flex-col items-center gap-1 rounded-xl border-2 border-dashed px-4 py-8 text-center focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-600 dark:focus-within:outline-blue-400 ${
        dragging
          ? "border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-500/10"
          : "border-zinc-300 hover:bg-zinc-50 dark:border-zinc-600 dark:hover:bg-zinc-800/60"
      }`}
    >
      <FileIcon width={24} height={24} className="text-zinc-500 dark:text-zinc-400" />
      <span className="text-sm font-medium text-blue-700 dark:text-blue-300">Choose a file</span>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        or drop it here · JSON or CSV, up to {IMPORT_MAX_BYTES / 1024 / 1024} MB
      </span>
      <input
        id={id}
        type="file"
        accept=".json,.csv,application/json,text/csv"
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Chosen again later, the same file is a new choice.
          e.target.value = "";
          if (file) onChoose(file);
        }}
      />
    </label>
  );
}

/** Drag-and-drop handlers for the dialog: `onFile` with the first file dropped. */
export function dropHandlers(
  enabled: boolean,
  setDragging: (on: boolean) => void,
  onFile: (file: File) => void,
) {
  const hasFiles = (e: DragEvent) => enabled && [...e.dataTransfer.types].includes("Files");
  return {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    },
    onDragLeave: (e: DragEvent) => {
      // Only when leaving the dialog, not when moving between its children.
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (file) onFile(file);
    },
  };
}
