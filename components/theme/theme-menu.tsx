"use client";

import { DropdownMenu } from "radix-ui";
import { useEffect, useState } from "react";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { Menu, MenuChoices, MenuPanel } from "@/components/ui/menu";
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

  return (
    <Menu>
      <DropdownMenu.Trigger
        className="inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50"
        aria-label={`Theme: ${current?.label ?? "System"}`}
      >
        <CurrentIcon width={18} height={18} />
      </DropdownMenu.Trigger>
      <MenuPanel>
        <MenuChoices
          label="Theme"
          value={theme}
          choices={choices.map(({ value, label, Icon }) => [
            value,
            <>
              <Icon />
              {label}
            </>,
          ])}
          onChange={(next) => {
            setTheme(next);
            applyTheme(next);
          }}
        />
      </MenuPanel>
    </Menu>
  );
}
