import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * The feed's secret: 32 random bytes (256 bits) from the operating system's CSPRNG, written in
 * base64url (43 characters). Only its SHA-256 is stored (db/calendar-schema.ts): a token of this
 * strength needs no salt or slow hash, and the lookup stays one indexed equality.
 */
export const FEED_TOKEN_BYTES = 32;

/** What a token looks like in a URL; anything else is not one of ours. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(FEED_TOKEN_BYTES).toString("base64url");
}

/** Hex SHA-256 of the token, as calendar_feeds.token_hash holds it. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The address calendar apps subscribe to. */
export function feedUrl(baseURL: string, token: string): string {
  return new URL(`/api/calendar/${token}.ics`, baseURL).toString();
}
