"use client";

import { type ComponentProps, useEffect, useState } from "react";
import type { Toaster as SonnerToaster } from "sonner";
import { whenIdle } from "./deferred";
import { sonner, toasterMounted } from "./toast";

/** How long the empty live region is in the page before queued toasts are put in it. */
const LIVE_REGION_SETTLE_MS = 100;

/** sonner's Toaster, once sonner has loaded: on the first toast or when the page is idle. */
export function Toaster(props: ComponentProps<typeof SonnerToaster>) {
  const [loaded, setLoaded] = useState(() => sonner.current ?? null);

  useEffect(() => {
    if (loaded) {
      const settle = setTimeout(toasterMounted, LIVE_REGION_SETTLE_MS);
      return () => clearTimeout(settle);
    }
    let live = true;
    void sonner.loaded.then((module) => live && setLoaded(module));
    const cancelIdle = whenIdle(() => sonner.preload());
    return () => {
      live = false;
      cancelIdle();
    };
  }, [loaded]);

  return loaded ? <loaded.Toaster {...props} /> : null;
}
