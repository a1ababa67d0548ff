/**
 * The private calendar feed's values and API types, with no runtime dependency: the server, the
 * zod schemas and the dashboard's dialog import them (README.md, "Private calendar feed").
 */

/** At most this many events in one feed: open tasks first, then those nearest to now. */
export const FEED_EVENTS_MAX = 5000;

/** Completed tasks stay in the feed for this many days after their completion. */
export const FEED_COMPLETED_DAYS = 30;

/** Seconds a calendar client (or a cache on its way) may keep a feed before asking again. */
export const FEED_MAX_AGE_SECONDS = 300;

/** What GET, POST and DELETE /api/{userId}/calendar answer. */
export interface CalendarFeedStatus {
  enabled: boolean;
  /**
   * The feed's secret address: only in the answer that created it (POST). Only its hash is
   * stored, so later answers say `null`: regenerate to get a new one.
   */
  url: string | null;
  /** When the current address was made (ISO-8601 UTC); null while the feed is off. */
  createdAt: string | null;
}
