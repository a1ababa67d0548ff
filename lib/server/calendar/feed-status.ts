import "server-only";
import type { CalendarFeedStatus } from "@/lib/calendar/model";

/** The answer of /api/{userId}/calendar; `url` only right after it was made. */
export function feedStatus(createdAt: Date | null, url: string | null = null): Response {
  const body: CalendarFeedStatus = {
    enabled: createdAt !== null,
    url,
    createdAt: createdAt?.toISOString() ?? null,
  };
  // The address is a secret: no cache keeps the answer.
  return Response.json(body, {
    status: url ? 201 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
