/**
 * The private calendar feed (lib/server/calendar/): one secret per user, kept only as its
 * SHA-256. Part of db/schema.ts, which drizzle-kit reads: imports stay relative.
 */
import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth-schema";

export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    /** One active feed per user: turning it on again replaces the row's token. */
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    /** Hex SHA-256 of the token in the feed's URL; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("calendar_feeds_token_hash", sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`)],
);

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;
