import { useCallback, useState } from "react";

/** The parser, chrono-node and the chips: loaded on demand (see on-demand.ts). */
export type OnDemand = typeof import("./on-demand");

const load = () => import("./on-demand");

/** Fetches the module while the page is idle, so the first keystroke finds it ready. */
export function preloadQuickAdd(): void {
  void load().catch(() => undefined);
}

/**
 * The on-demand module once it has loaded (null before), and `ensure()` to start loading it.
 * A failed load (offline) leaves quick add taking titles as typed, as it did before it parsed.
 */
export function useOnDemand(): { module: OnDemand | null; ensure: () => Promise<OnDemand | null> } {
  const [module, setModule] = useState<OnDemand | null>(null);
  const ensure = useCallback(
    () =>
      load().then(
        (loaded) => {
          setModule(loaded);
          return loaded;
        },
        () => null,
      ),
    [],
  );
  return { module, ensure };
}
