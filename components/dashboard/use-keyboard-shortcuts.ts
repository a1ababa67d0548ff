"use client";

import { useEffect, useRef } from "react";

type ShortcutHandlers = Partial<
  Record<
    "new" | "search" | "help" | "next" | "previous" | "toggle" | "edit" | "delete" | "escape",
    () => void
  >
>;

const textInputTypes = new Set([
  "text",
  "search",
  "email",
  "password",
  "url",
  "tel",
  "number",
  "date",
  "time",
  "datetime-local",
  "month",
  "week",
]);

/** True where a key press is typing, not a command. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && textInputTypes.has(target.type);
}

/**
 * The dashboard's single-key shortcuts (n, /, j, k, x, e, Delete, ?). They stay quiet while
 * the user types in a field or while a dialog or menu is open.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.isComposing || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const inList =
        event.target instanceof Element && event.target.closest("[data-task-id]") !== null;
      const name = (
        {
          n: "new",
          "/": "search",
          "?": "help",
          j: "next",
          k: "previous",
          x: "toggle",
          e: "edit",
          Delete: "delete",
          Backspace: "delete",
          Escape: "escape",
          ...(inList ? { ArrowDown: "next", ArrowUp: "previous" } : {}),
        } as Record<string, keyof ShortcutHandlers>
      )[event.key];
      const handler = name ? ref.current[name] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
