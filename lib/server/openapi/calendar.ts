import "server-only";

/** The private calendar feed's operations (README.md, "Private calendar feed"). */

import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { FEED_COMPLETED_DAYS, FEED_EVENTS_MAX, FEED_MAX_AGE_SECONDS } from "@/lib/calendar/model";
import { calendarFeedSchema } from "@/lib/validation/calendar";
import { jsonContent, requestIdHeader } from "./content";
import { errorResponse, errors } from "./errors";
import { ownerPath, secured } from "./tasks";

export const CALENDAR = "Calendar feed";
const onCalendar = { ...secured, tags: [CALENDAR] };

const feedAnswer = (description: string) => ({
  description,
  headers: z.object({ "X-Request-Id": requestIdHeader }),
  content: jsonContent(calendarFeedSchema),
});

const getCalendarFeed: ZodOpenApiOperationObject = {
  ...onCalendar,
  operationId: "getCalendarFeed",
  summary: "Whether your private calendar feed is on",
  description:
    "`url` is always null here: only a hash of the address's token is stored, so the address is shown once, when it is made. Lost it? Regenerate (POST).",
  requestParams: { path: ownerPath },
  responses: {
    "200": feedAnswer("On (`enabled`, since `createdAt`) or off."),
    ...errors("unauthorized", "forbidden"),
  },
};

const createCalendarFeed: ZodOpenApiOperationObject = {
  ...onCalendar,
  operationId: "createCalendarFeed",
  summary: "Turn the calendar feed on, or give it a new address",
  description:
    "Makes a new secret address and answers it in `url`, this once: keep it like a password, anyone with it can read your dated tasks. An address made earlier stops working at once (404). No body.",
  requestParams: { path: ownerPath },
  responses: {
    "201": feedAnswer("The feed is on at `url`."),
    ...errors("unauthorized", "forbidden"),
  },
};

const deleteCalendarFeed: ZodOpenApiOperationObject = {
  ...onCalendar,
  operationId: "deleteCalendarFeed",
  summary: "Turn the calendar feed off",
  description: "Its address answers 404 from now on. 204 also when it was already off.",
  requestParams: { path: ownerPath },
  responses: {
    "204": {
      description: "Off.",
      headers: z.object({ "X-Request-Id": requestIdHeader }),
    },
    ...errors("unauthorized", "forbidden"),
  },
};

const readCalendarFeed: ZodOpenApiOperationObject = {
  tags: [CALENDAR],
  security: [],
  operationId: "readCalendarFeed",
  summary: "The private calendar feed (iCalendar), for calendar apps",
  description: [
    "No cookie or bearer token: the secret token in the path is the credential. Subscribe to it in a calendar app (Google Calendar: From URL; Apple Calendar: New Calendar Subscription; Outlook: Subscribe from web).",
    "",
    `One VEVENT per task with a due date, open or completed in the last ${FEED_COMPLETED_DAYS} days, outside archived projects: UID \`<task id>@doable\`, SUMMARY the title (\`✓ \` before it once completed), DESCRIPTION the description; nothing else of the task or the account. A due without a time is an all-day event on that date in your time zone; a timed one has TZID your zone. A task that repeats from its due date carries its rule as RRULE; one that repeats from completion shows only its current due. At most ${FEED_EVENTS_MAX} events: open tasks first, then those due nearest to now.`,
  ].join("\n"),
  requestParams: {
    path: z.object({
      token: z.string().meta({
        description: "The secret token from `url`, followed by `.ics`.",
        example: "q3J9x0bW8aV4rY1mZk2sT7uC6dE5fG0hI9jK8lM7nOp.ics",
      }),
    }),
  },
  responses: {
    "200": {
      description: "The calendar (RFC 5545).",
      headers: z.object({
        "Cache-Control": z.string().meta({ example: `private, max-age=${FEED_MAX_AGE_SECONDS}` }),
        "X-Request-Id": requestIdHeader,
      }),
      content: {
        "text/calendar": { schema: z.string().meta({ example: "BEGIN:VCALENDAR\r\n..." }) },
      },
    },
    "404": {
      ...errorResponse("not_found"),
      description:
        "`not_found`: no feed has this token: mistyped, regenerated since, or turned off.",
    },
    "500": errorResponse("internal"),
    "503": errorResponse("unavailable"),
  },
};

export const calendarPaths = {
  "/api/{userId}/calendar": {
    get: getCalendarFeed,
    post: createCalendarFeed,
    delete: deleteCalendarFeed,
  },
  "/api/calendar/{token}": { get: readCalendarFeed },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
