"use client";

import { useEffect, useState } from "react";
import type { Theme } from "@/lib/theme";

/** The theme picked on this page (from the class the server set or the menu applied). */
export function readTheme(): Theme {
  const root = document.documentElement.classList;
  return root.contains("dark") ? "dark" : root.contains("light") ? "light" : "system";
}

function resolve(): "light" | "dark" {
  const theme = readTheme();
  if (theme !== "system") return theme;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Light or dark as shown right now, for widgets (toasts) that need to be told. */
export function useResolvedTheme(): "light" | "dark" {
  const [resolved, setResolved] = useState<"light" | "dark">("light");
  useEffect(() => {
    const update = () => setResolved(resolve());
    update();
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", update);
    window.addEventListener("doable-theme", update);
    return () => {
      media.removeEventListener("change", update);
      window.removeEventListener("doable-theme", update);
    };
  }, []);
  return resolved;
}
