import { deleteFeed, feedCreatedAt, saveFeedToken } from "@/db/queries/calendar-feeds";
import { feedStatus } from "@/lib/server/calendar/feed-status";
import { feedUrl, hashFeedToken, newFeedToken } from "@/lib/server/calendar/token";
import { getEnv } from "@/lib/server/env";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";

type Params = { userId: string };

/**
 * The caller's private calendar feed (README.md, "Private calendar feed"). Only the token's
 * hash is stored, so its address is shown once, by the POST that makes it, like an API key.
 */

/** Whether the feed is on, and since when (`url` is always null here). */
export const GET = userRoute<Params>(
  "GET /api/{userId}/calendar",
  async ({ userId, db, confirmAccount }) => {
    const createdAt = await feedCreatedAt(db, userId);
    if (createdAt === null) await confirmAccount();
    return feedStatus(createdAt);
  },
);

/** Turns the feed on, or gives it a new address (the old one answers 404 from now on): 201. */
export const POST = userRoute<Params>("POST /api/{userId}/calendar", async ({ userId, db }) => {
  const token = newFeedToken();
  const { createdAt } = await saveFeedToken(db, userId, hashFeedToken(token));
  return feedStatus(createdAt, feedUrl(getEnv().baseURL, token));
});

/** Turns the feed off: its address answers 404. 204, also when it was already off. */
export const DELETE = userRoute<Params>(
  "DELETE /api/{userId}/calendar",
  async ({ userId, db, confirmAccount }) => {
    if (!(await deleteFeed(db, userId))) await confirmAccount();
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  },
);

export const { PUT, PATCH } = unsupportedMethods("/api/{userId}/calendar", [
  "GET",
  "POST",
  "DELETE",
]);
