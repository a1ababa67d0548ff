/**
 * The colour theme a visitor picked. Kept in a cookie so the server renders the right class on
 * <html> (no flash, and no inline script for the Content-Security-Policy to allow); "system"
 * leaves the class off and the stylesheet follows `prefers-color-scheme`.
 */
export type Theme = "system" | "light" | "dark";

export const THEME_COOKIE = "doable-theme";

export function parseTheme(value: string | undefined): Theme {
  return value === "light" || value === "dark" ? value : "system";
}
