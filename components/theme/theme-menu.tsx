"use client";

import { useEffect, useState } from "react";
import { deferred } from "@/components/ui/deferred";
import { DeferredMenu, type DeferredPanel } from "@/components/ui/deferred-menu";
import { THEME_COOKIE, type Theme } from "@/lib/theme";
import { readTheme } from "./resolved-theme";
import { themeChoices } from "./theme-choices";
import type { ThemeMenuPanelProps } from "./theme-menu-panel";

const themePanel: DeferredPanel<ThemeMenuPanelProps> = deferred(
  async () => (await import("./theme-menu-panel")).ThemeMenuPanel,
);

/** Applies a theme at once and remembers it for the server's next render. */
function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
  const maxAge = theme === "system" ? 0 : 60 * 60 * 24 * 365;
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout.
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${maxAge}; samesite=lax`;
  window.dispatchEvent(new Event("doable-theme"));
}

/** System, light or dark: the trigger shows the current one (the panel loads after the page). */
export function ThemeMenu() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => setTheme(readTheme()), []);
  const current = themeChoices.find((c) => c.value === theme) ?? themeChoices[0];
  const CurrentIcon = current.Icon;

  return (
    <DeferredMenu
      trigger={
        <button
          type="button"
          className="inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50"
          aria-label={`Theme: ${current.label}`}
        >
          <CurrentIcon width={18} height={18} />
        </button>
      }
      panel={themePanel}
      panelProps={{
        theme,
        onChange: (next: Theme) => {
          setTheme(next);
          applyTheme(next);
        },
      }}
    />
  );
}
