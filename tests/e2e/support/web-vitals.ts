import type { Page } from "@playwright/test";

/**
 * A mid-range phone on a poor mobile network, as Lighthouse's mobile profile has it, and the
 * two Core Web Vitals a test can read from the page: Largest Contentful Paint and the latency
 * of an interaction (what Interaction to Next Paint takes the worst of).
 */

/** Lighthouse's "slow 4G" (its former "fast 3G"): 1.6 Mbit/s down, 750 kbit/s up, ×0.9. */
export const PHONE_NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180_000,
  uploadThroughput: 84_375,
} as const;

/** The phone's CPU against this machine's (Lighthouse's mobile default). */
export const PHONE_CPU_SLOWDOWN = 4;

/** Slows `page` down to the phone and turns its cache off (Chromium only: CDP). */
export async function throttleLikeAPhone(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE_CPU_SLOWDOWN });
}

export interface LargestPaint {
  /** Milliseconds from the navigation's start. */
  startTime: number;
  /** What was painted: the element's tag and the start of its text. */
  element: string;
}

/**
 * Before the page loads: records each Largest Contentful Paint candidate as it comes (with what
 * was painted, which may be gone by the time it is read), and when the first task row appeared.
 */
export async function recordLoad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const load: { lcp: LargestPaint | null; rowsAt: number | null } = { lcp: null, rowsAt: null };
    window.__load = load;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
        const text = (entry.element?.textContent ?? "").trim().slice(0, 40);
        // Null when the element left the page before this ran (the skeleton, replaced).
        const tag = entry.element?.tagName.toLowerCase() ?? "an element since replaced";
        load.lcp = { startTime: entry.startTime, element: text ? `${tag} “${text}”` : tag };
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new MutationObserver((_, observer) => {
      if (!document.querySelector("[data-task-list] li[data-task-id]")) return;
      load.rowsAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The page's Largest Contentful Paint so far (read it before any input: input ends it). */
export async function largestContentfulPaint(page: Page): Promise<LargestPaint | null> {
  return page.evaluate(() => window.__load?.lcp ?? null);
}

/** When the first task row was in the page, in ms from the navigation's start. */
export async function rowsShownAt(page: Page): Promise<number | null> {
  return page.evaluate(() => window.__load?.rowsAt ?? null);
}

interface RecordedEvent {
  type: string;
  name: string;
  duration: number;
  interactionId: number;
}

declare global {
  interface Window {
    __load?: { lcp: LargestPaint | null; rowsAt: number | null };
    __interactions?: RecordedEvent[];
  }
}

/**
 * Starts recording the page's interactions: Event Timing entries of 16 ms or more (the least
 * the API reports), and the first input whatever its length.
 */
export async function recordInteractions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: RecordedEvent[] = [];
    window.__interactions = seen;
    const record = (list: PerformanceObserverEntryList) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        seen.push({
          type: entry.entryType,
          name: entry.name,
          duration: entry.duration,
          interactionId:
            (entry as PerformanceEventTiming & { interactionId?: number }).interactionId ?? 0,
        });
      }
    };
    new PerformanceObserver(record).observe({
      type: "event",
      buffered: true,
      durationThreshold: 16,
    } as PerformanceObserverInit);
    new PerformanceObserver(record).observe({ type: "first-input", buffered: true });
  });
}

export interface InteractionLatency {
  /** The longest event of an interaction, in ms (INP takes the worst interaction). */
  worst: number;
  /** The event it was, e.g. "pointerup", "click", "keydown". */
  event: string;
  /** How many entries were recorded. */
  entries: number;
}

/** The slowest interaction recorded since recordInteractions(); null if none was seen. */
export async function slowestInteraction(page: Page): Promise<InteractionLatency | null> {
  // Entries are delivered after the frame that follows the input is painted.
  await page
    .waitForFunction(() => (window.__interactions ?? []).length > 0, null, { timeout: 10_000 })
    .catch(() => {});
  // The first input's entry can come before the rest of its interaction's.
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const seen = window.__interactions ?? [];
    const interactions = seen.filter((e) => e.interactionId > 0 || e.type === "first-input");
    if (interactions.length === 0) return null;
    const worst = interactions.reduce((a, b) => (b.duration > a.duration ? b : a));
    return { worst: worst.duration, event: worst.name, entries: interactions.length };
  });
}
