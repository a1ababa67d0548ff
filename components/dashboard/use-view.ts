"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { LIST_COOKIE, type ListView, type View, viewFromParams, viewToSearch } from "./view";

/** Remembers the view for the next visit to /dashboard (the page reads the cookie). */
function rememberList(list: ListView): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server page.
  document.cookie = `${LIST_COOKIE}=${list}; path=/dashboard; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}

/**
 * The view the address bar holds, and a setter that rewrites the address in place (no
 * navigation, no history entry); Next.js passes the new search params back down. `defaultList`
 * is the view remembered from last time, which an address without `view=` shows.
 */
export function useView(defaultList: ListView): [View, (patch: Partial<View>) => void] {
  const searchParams = useSearchParams();
  const view = useMemo(
    () => viewFromParams(searchParams, defaultList),
    [searchParams, defaultList],
  );
  // Reads the address bar itself, not `view`: the setter never changes, and two changes made
  // before a render both stick.
  const setView = useCallback(
    (patch: Partial<View>) => {
      const current = viewFromParams(new URLSearchParams(window.location.search), defaultList);
      const search = viewToSearch({ ...current, ...patch }, defaultList);
      window.history.replaceState(null, "", `${window.location.pathname}${search}`);
      if (patch.list && patch.list !== current.list) rememberList(patch.list);
    },
    [defaultList],
  );
  return [view, setView];
}
