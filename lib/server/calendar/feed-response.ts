import "server-only";
import type { Database } from "@/db";
import { feedOwner, feedTasks } from "@/db/queries/calendar-feeds";
import { FEED_MAX_AGE_SECONDS } from "@/lib/calendar/model";
import { ApiError } from "@/lib/server/http/errors";
import { feedCalendar } from "./feed";
import { FEED_TOKEN_PATTERN, hashFeedToken } from "./token";

/** What the feed answers for a token that is malformed, unknown, regenerated or turned off. */
export function noSuchFeed(): ApiError {
  return new ApiError("not_found", "There is no calendar feed at this address.");
}

/**
 * The answer to GET /api/calendar/{token}.ics: the token is the credential (no cookie, no JWT).
 * It is looked up by its SHA-256 through a unique index, so how long a lookup takes does not
 * depend on how much of a guess is right; every token of the right form costs that one lookup,
 * and a 404 says nothing about why. The calendar is the owner's alone (the hash finds one user,
 * and the task query names that user).
 */
export async function feedResponse(db: Database, file: string, now: Date): Promise<Response> {
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : "";
  if (!FEED_TOKEN_PATTERN.test(token)) throw noSuchFeed();
  const owner = await feedOwner(db, hashFeedToken(token));
  if (!owner) throw noSuchFeed();
  const tasks = await feedTasks(db, owner.userId, now);
  return new Response(feedCalendar(tasks, owner.timeZone, now), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="doable.ics"',
      // Personal data behind a secret URL: kept by the client, never by a shared cache.
      "Cache-Control": `private, max-age=${FEED_MAX_AGE_SECONDS}`,
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
    },
  });
}
