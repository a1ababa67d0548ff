"use client";

import { MenuChoices, MenuPanel } from "@/components/ui/menu";
import type { Theme } from "@/lib/theme";
import { themeChoices } from "./theme-choices";

export interface ThemeMenuPanelProps {
  theme: Theme;
  onChange: (theme: Theme) => void;
}

/** The theme menu's panel (theme-menu.tsx). */
export function ThemeMenuPanel({ theme, onChange }: ThemeMenuPanelProps) {
  return (
    <MenuPanel>
      <MenuChoices
        label="Theme"
        value={theme}
        choices={themeChoices.map(({ value, label, Icon }) => [
          value,
          <>
            <Icon />
            {label}
          </>,
        ])}
        onChange={onChange}
      />
    </MenuPanel>
  );
}
