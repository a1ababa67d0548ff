"use client";

import { DropdownMenu } from "radix-ui";
import { useEffect, useState } from "react";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { menuContentClass, menuItemClass, menuLabelClass } from "@/components/ui/menu-styles";
import { THEME_COOKIE, type Theme } from "@/lib/theme";
import { readTheme } from "./resolved-theme";

const choices: { value: Theme; label: string; Icon: typeof SunIcon }[] = [
  { value: "system", label: "System", Icon: MonitorIcon },
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
];

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

export function ThemeMenu() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => setTheme(readTheme()), []);
  const current = choices.find((c) => c.value === theme) ?? choices[0];
  const CurrentIcon = current?.Icon ?? MonitorIcon;

  // Not modal: a modal menu hides the page from assistive tech while it stays focusable.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50"
        aria-label={`Theme: ${current?.label ?? "System"}`}
      >
        <CurrentIcon width={18} height={18} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className={menuContentClass}>
          <DropdownMenu.Label className={menuLabelClass}>Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={theme}
            onValueChange={(value) => {
              const next = value as Theme;
              setTheme(next);
              applyTheme(next);
            }}
          >
            {choices.map(({ value, label, Icon }) => (
              <DropdownMenu.RadioItem key={value} value={value} className={menuItemClass}>
                <Icon />
                {label}
                <DropdownMenu.ItemIndicator className="ml-auto text-blue-600 dark:text-blue-400">
                  ●
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
