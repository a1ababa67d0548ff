"use client";

import { DropdownMenu } from "radix-ui";
import {
  createContext,
  type ReactElement,
  type ReactNode,
  type RefObject,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { menuContentClass, menuItemClass, menuLabelClass } from "./menu-styles";

/*
 * The menus' Radix half, loaded after the page by deferred-menu.tsx (with floating-ui it is
 * some 20 kB of the first load otherwise). Until it is there, each menu's trigger is a plain
 * button that remembers being pressed.
 */

/** How a menu was asked to open before this module had loaded; null: it was not. */
export type OpenedBy = "pointer" | "keyboard" | null;

/** Set while the next open must put focus on the first item (see LoadedMenu). */
const FocusFirstItem = createContext<RefObject<boolean>>({ current: false });

/**
 * A dropdown menu around `trigger`, open at once if it was asked to open before this module
 * loaded. Not modal: a modal menu hides the page from assistive tech while it stays focusable.
 * The panel (`children`) is rendered only while open.
 */
export function LoadedMenu({
  trigger,
  openedBy,
  focusTrigger,
  children,
}: {
  trigger: ReactElement;
  openedBy: OpenedBy;
  /** The plain trigger had focus: give it to the real one, which replaced it. */
  focusTrigger: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(openedBy !== null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  // Radix moves focus to the first item when it saw the key that opened the menu; this key
  // came before Radix was there, so MenuPanel does it.
  const focusFirst = useRef(openedBy === "keyboard");
  const focusTriggerOnMount = useRef(focusTrigger && openedBy === null);
  useEffect(() => {
    if (focusTriggerOnMount.current) triggerRef.current?.focus();
  }, []);

  return (
    <FocusFirstItem.Provider value={focusFirst}>
      <DropdownMenu.Root
        modal={false}
        open={open}
        onOpenChange={(next) => {
          if (!next) focusFirst.current = false;
          setOpen(next);
        }}
      >
        <DropdownMenu.Trigger asChild ref={triggerRef}>
          {trigger}
        </DropdownMenu.Trigger>
        {open && children}
      </DropdownMenu.Root>
    </FocusFirstItem.Provider>
  );
}

/** The menu's panel: below its trigger, right-aligned, kept inside the screen. */
export function MenuPanel({ className, children }: { className?: string; children: ReactNode }) {
  const focusFirst = useContext(FocusFirstItem);
  // Attached before Radix's focus scope looks: it leaves focus where it finds it in the panel.
  const focusFirstItem = (content: HTMLDivElement | null) => {
    if (!content || !focusFirst.current) return;
    focusFirst.current = false;
    content
      .querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')
      ?.focus({ preventScroll: true });
  };
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        ref={focusFirstItem}
        align="end"
        sideOffset={6}
        collisionPadding={8}
        className={className ? `${menuContentClass} ${className}` : menuContentClass}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

/** A group of choices of which one is picked, marked with a dot; `label` heads the group. */
export function MenuChoices<T extends string>({
  label,
  value,
  choices,
  onChange,
}: {
  label?: string;
  value: T;
  /** [value, content] pairs, in the order shown. */
  choices: readonly (readonly [T, ReactNode])[];
  onChange: (value: T) => void;
}) {
  return (
    <>
      {label && <DropdownMenu.Label className={menuLabelClass}>{label}</DropdownMenu.Label>}
      <DropdownMenu.RadioGroup value={value} onValueChange={(v) => onChange(v as T)}>
        {choices.map(([choice, text]) => (
          <DropdownMenu.RadioItem key={choice} value={choice} className={menuItemClass}>
            {text}
            <DropdownMenu.ItemIndicator className="ml-auto text-blue-600 dark:text-blue-400">
              ●
            </DropdownMenu.ItemIndicator>
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
    </>
  );
}
