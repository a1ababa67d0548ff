/**
 * Better Auth's tables, and the auth limits' counters. Part of db/schema.ts, which drizzle-kit
 * reads: imports stay relative (drizzle-kit loads this without the project's path aliases).
 */
import { relations } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { timestamps } from "./schema-columns";

/*
 * Better Auth's tables, kept by hand (its CLI needs Node 22). Column lists follow
 * @better-auth/core's getAuthTables plus the jwt plugin; property names are what
 * Better Auth's Drizzle adapter looks up, column names are snake_case.
 */

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  // Doable's own fields on Better Auth's user (additionalFields in better-auth.ts).
  /** The IANA zone "today" and repeats are reckoned in; taken from the browser at sign-up. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** Reminders also go out by e-mail. */
  emailReminders: boolean("email_reminders").notNull().default(false),
  ...timestamps,
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [index("session_user_id_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("account_user_id_idx").on(t.userId)],
);

/*
 * Relations (no tables or columns of their own) let Better Auth read a session with its user,
 * and an account with its user, in one joined statement (`advanced.database.joins` in
 * lib/server/auth/better-auth.ts): one round trip fewer on each sign-in and token.
 */
export const userRelations = relations(user, ({ many }) => ({
  sessions: many(session),
  accounts: many(account),
}));

export const sessionRelations = relations(session, ({ one }) => ({
  user: one(user, { fields: [session.userId], references: [user.id] }),
}));

export const accountRelations = relations(account, ({ one }) => ({
  user: one(user, { fields: [account.userId], references: [user.id] }),
}));

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

export const jwks = pgTable("jwks", {
  id: text("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  alg: text("alg"),
  crv: text("crv"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
});

/*
 * Doable's limits on the auth endpoints (lib/server/auth/limits.ts): one row per counter, keyed
 * by what it protects (an account, an address, or everything), never by the raw e-mail or
 * address (the key holds an HMAC of it). Better Auth's own per-address limiter is off.
 */
export const authLimits = pgTable(
  "auth_limits",
  {
    key: text("key").primaryKey(),
    /** Events in the window that started at windowStartedAt. */
    count: integer("count").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    /** How many times this counter has blocked: lock-outs grow with it. */
    blocks: integer("blocks").notNull().default(0),
  },
  (t) => [index("auth_limits_window_idx").on(t.windowStartedAt)],
);
