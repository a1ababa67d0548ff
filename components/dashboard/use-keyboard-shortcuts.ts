"use client";

import { useEffect, useRef } from "react";

type ShortcutHandlers = Partial<
  Record<
    | "new"
    | "search"
    | "help"
    | "next"
    | "previous"
    | "toggle"
    | "edit"
    | "delete"
    | "escape"
    | "today"
    | "upcoming"
    | "all",
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

/** How long after "g" its second key may come. */
const SEQUENCE_MS = 1500;
const goTo: Record<string, keyof ShortcutHandlers> = { t: "today", u: "upcoming", a: "all" };

/**
 * The dashboard's shortcuts: single keys (n, /, j, k, x, e, Delete, ?) and "g" then t, u or a
 * for the views. They stay quiet while the user types in a field or while a dialog or menu is
 * open.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    let gAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.isComposing || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const view = Date.now() - gAt < SEQUENCE_MS ? goTo[event.key] : undefined;
      gAt = 0;
      if (view) {
        event.preventDefault();
        ref.current[view]?.();
        return;
      }
      if (event.key === "g") {
        gAt = Date.now();
        return;
      }
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
