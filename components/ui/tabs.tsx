"use client";

import { createContext, type KeyboardEvent, type ReactNode, useContext, useId } from "react";

/*
 * Tabs after the WAI-ARIA pattern (tablist, tab, tabpanel), in place of Radix's, which brought
 * its roving focus group, collection and presence into the dashboard's first load (the menus and
 * dialogs that share them now load later). As Radix's with activationMode "automatic": the
 * arrow keys, Home and End move between the tabs and select the one they reach; only the
 * selected tab is in the Tab order; a press selects on mouse down. The attributes are Radix's
 * too (data-state active/inactive, data-orientation), so the styling stays as it was.
 */

interface TabsState {
  baseId: string;
  value: string;
  onValueChange: (value: string) => void;
}

const TabsContext = createContext<TabsState | null>(null);

function useTabs(part: string): TabsState {
  const state = useContext(TabsContext);
  if (!state) throw new Error(`${part} must be inside TabsRoot`);
  return state;
}

const triggerId = (baseId: string, value: string) => `${baseId}-trigger-${value}`;
const panelId = (baseId: string, value: string) => `${baseId}-content-${value}`;

export function TabsRoot({
  value,
  onValueChange,
  className,
  children,
}: {
  value: string;
  onValueChange: (value: string) => void;
  className?: string;
  children: ReactNode;
}) {
  const baseId = useId();
  return (
    <TabsContext.Provider value={{ baseId, value, onValueChange }}>
      <div data-orientation="horizontal" className={className}>
        {children}
      </div>
    </TabsContext.Provider>
  );
}

/** Which tab a key moves to, from the one at `at` of `count`; null: the key is not ours. */
function tabFor(key: string, at: number, count: number): number | null {
  if (key === "ArrowRight") return (at + 1) % count;
  if (key === "ArrowLeft") return (at - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}

export function TabsList({
  "aria-label": label,
  className,
  children,
}: {
  "aria-label": string;
  className?: string;
  children: ReactNode;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
    const at = tabs.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const next = tabFor(event.key, at, tabs.length);
    if (next === null) return;
    event.preventDefault();
    // Focus selects it (TabsTrigger's onFocus).
    tabs[next]?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      aria-orientation="horizontal"
      data-orientation="horizontal"
      className={className}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}

export function TabsTrigger({
  value,
  className,
  children,
}: {
  value: string;
  className?: string;
  children: ReactNode;
}) {
  const { baseId, value: selected, onValueChange } = useTabs("TabsTrigger");
  const isSelected = value === selected;
  return (
    <button
      type="button"
      role="tab"
      id={triggerId(baseId, value)}
      aria-selected={isSelected}
      aria-controls={panelId(baseId, value)}
      data-state={isSelected ? "active" : "inactive"}
      data-orientation="horizontal"
      tabIndex={isSelected ? 0 : -1}
      className={className}
      onMouseDown={(event) => {
        if (event.button === 0 && !event.ctrlKey) onValueChange(value);
        // A ctrl-click (the context menu on macOS) neither selects nor takes focus.
        else event.preventDefault();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") onValueChange(value);
      }}
      onFocus={() => {
        if (!isSelected) onValueChange(value);
      }}
    >
      {children}
    </button>
  );
}

/** A tab's panel. Always rendered, as Radix's with forceMount: its content decides what shows. */
export function TabsContent({
  value,
  className,
  tabIndex,
  children,
}: {
  value: string;
  className?: string;
  tabIndex?: number;
  children: ReactNode;
}) {
  const { baseId, value: selected } = useTabs("TabsContent");
  return (
    <div
      role="tabpanel"
      id={panelId(baseId, value)}
      aria-labelledby={triggerId(baseId, value)}
      data-state={value === selected ? "active" : "inactive"}
      data-orientation="horizontal"
      tabIndex={tabIndex ?? 0}
      className={className}
    >
      {children}
    </div>
  );
}
