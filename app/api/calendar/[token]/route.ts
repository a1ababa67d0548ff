import { getDb } from "@/db";
import { feedResponse } from "@/lib/server/calendar/feed-response";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { route } from "@/lib/server/http/route";

type Params = { token: string };

/**
 * The private calendar feed, /api/calendar/<token>.ics: for calendar apps, which send no
 * cookie and no JWT, so the secret token in the path is the only credential (README.md,
 * "Private calendar feed"). Unknown, regenerated or turned-off tokens answer 404.
 */
export const GET = route<Params>("GET /api/calendar/{token}.ics", async (_request, { params }) =>
  feedResponse(await getDb(), params.token, new Date()),
);

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("/api/calendar/{token}.ics", [
  "GET",
]);
