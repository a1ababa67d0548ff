"use client";

import {
  type ButtonHTMLAttributes,
  type ComponentType,
  cloneElement,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type Ref,
  useEffect,
  useRef,
  useState,
} from "react";
import { type Deferred, deferred, whenIdle } from "./deferred";
import type { LoadedMenu, OpenedBy } from "./menu";

type TriggerProps = ButtonHTMLAttributes<HTMLButtonElement> & { ref?: Ref<HTMLButtonElement> };

const menuKit = deferred(() => import("./menu"));

/** A menu's panel, from deferred(): the component that renders its MenuPanel and items. */
export type DeferredPanel<P> = Deferred<ComponentType<P>>;

interface Loaded<P> {
  Menu: typeof LoadedMenu;
  Panel: ComponentType<P>;
  focusTrigger: boolean;
}

/**
 * A dropdown menu whose Radix half (menu.tsx) and panel load after the page: on the first
 * hover, focus or press of the trigger, or when the browser is idle. Until then `trigger` is
 * rendered as a plain button with the same looks and the same menu button semantics; a press
 * (pointer, Enter, Space, ArrowDown) is remembered, and the menu opens as soon as it has loaded,
 * with focus on its first item when a key opened it, as Radix does.
 */
export function DeferredMenu<P extends object>({
  trigger,
  panel,
  panelProps,
}: {
  trigger: ReactElement<TriggerProps>;
  panel: DeferredPanel<P>;
  panelProps: P;
}) {
  const [loaded, setLoaded] = useState<Loaded<P> | null>(() =>
    menuKit.current && panel.current
      ? { Menu: menuKit.current.LoadedMenu, Panel: panel.current, focusTrigger: false }
      : null,
  );
  const [openedBy, setOpenedBy] = useState<OpenedBy>(null);
  const plainTrigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (loaded) return;
    let live = true;
    void Promise.all([menuKit.loaded, panel.loaded]).then(([kit, Panel]) => {
      if (!live) return;
      const focusTrigger = plainTrigger.current === document.activeElement;
      setLoaded({ Menu: kit.LoadedMenu, Panel, focusTrigger });
    });
    const cancelIdle = whenIdle(() => load(panel));
    return () => {
      live = false;
      cancelIdle();
    };
  }, [loaded, panel]);

  if (loaded) {
    const { Menu, Panel, focusTrigger } = loaded;
    return (
      <Menu trigger={trigger} openedBy={openedBy} focusTrigger={focusTrigger}>
        <Panel {...panelProps} />
      </Menu>
    );
  }

  const ask = (by: Exclude<OpenedBy, null>) => {
    setOpenedBy(by);
    load(panel);
  };
  const plainProps: TriggerProps & { "data-state": string } = {
    ref: plainTrigger,
    "aria-haspopup": "menu",
    "aria-expanded": false,
    "data-state": "closed",
    onPointerEnter: () => load(panel),
    onFocus: () => load(panel),
    // As Radix's trigger: a press opens (and keeps focus off the trigger, for the panel).
    onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
      if (event.button !== 0 || event.ctrlKey) return;
      event.preventDefault();
      ask("pointer");
    },
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key !== "Enter" && event.key !== " " && event.key !== "ArrowDown") return;
      event.preventDefault();
      ask("keyboard");
    },
    // A click with no pointer press before it: assistive tech activating the button.
    onClick: (event: MouseEvent<HTMLButtonElement>) => {
      if (event.detail === 0) ask("keyboard");
    },
  };
  return cloneElement(trigger, plainProps);
}

function load(panel: { preload(): void }): void {
  menuKit.preload();
  panel.preload();
}
