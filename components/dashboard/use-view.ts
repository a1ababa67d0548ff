"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type View, viewFromParams, viewToSearch } from "./view";

/**
 * The view the address bar holds, and a setter that rewrites the address in place (no
 * navigation, no history entry); Next.js passes the new search params back down.
 */
export function useView(): [View, (patch: Partial<View>) => void] {
  const searchParams = useSearchParams();
  const view = useMemo(() => viewFromParams(searchParams), [searchParams]);
  // Reads the address bar itself, not `view`: the setter never changes, and two changes made
  // before a render both stick.
  const setView = useCallback((patch: Partial<View>) => {
    const current = viewFromParams(new URLSearchParams(window.location.search));
    const search = viewToSearch({ ...current, ...patch });
    window.history.replaceState(null, "", `${window.location.pathname}${search}`);
  }, []);
  return [view, setView];
}
