import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import type { Theme } from "@/lib/theme";

/** The themes on offer, in the menu's order, with the icon the trigger shows for each. */
export const themeChoices = [
  { value: "system", label: "System", Icon: MonitorIcon },
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
] as const satisfies readonly { value: Theme; label: string; Icon: typeof SunIcon }[];
