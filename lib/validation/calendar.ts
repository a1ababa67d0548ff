/**
 * The private calendar feed's answer as a zod schema, for the OpenAPI document and the tests;
 * checked against the model's type at compile time. Browser-safe.
 */
import { z } from "zod";
import type { CalendarFeedStatus } from "@/lib/calendar/model";
import type { Agree, Same } from "./type-checks";

export const calendarFeedSchema = z
  .strictObject({
    enabled: z.boolean(),
    url: z.url().nullable().meta({
      description:
        "The feed's secret address, only in the answer of the POST that made it (only its hash is stored): copy it then. Always null from GET.",
      example:
        "https://doable.example/api/calendar/q3J9x0bW8aV4rY1mZk2sT7uC6dE5fG0hI9jK8lM7nOp.ics",
    }),
    createdAt: z.iso.datetime().nullable().meta({
      description: "When the current address was made; null while the feed is off.",
    }),
  })
  .meta({ id: "CalendarFeed", description: "Whether the private calendar feed is on." });

export type CalendarFeedChecks = Agree<
  Same<z.output<typeof calendarFeedSchema>, CalendarFeedStatus>
>;
