"use client";

import { DropdownMenu } from "radix-ui";
import type { ReactNode } from "react";
import { menuContentClass, menuItemClass, menuLabelClass } from "./menu-styles";

/**
 * A dropdown menu. Not modal: a modal menu hides the page from assistive tech while it stays
 * focusable.
 */
export function Menu({ children }: { children: ReactNode }) {
  return <DropdownMenu.Root modal={false}>{children}</DropdownMenu.Root>;
}

/** The menu's panel: below its trigger, right-aligned, kept inside the screen. */
export function MenuPanel({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
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
