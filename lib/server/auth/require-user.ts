import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { user } from "@/db/schema";
import { InvalidTokenError } from "@/lib/server/auth/jwt";
import { verifyToken } from "@/lib/server/auth/verify-token";
import { ApiError } from "@/lib/server/http/errors";

/** The scheme name is case-insensitive (RFC 9110, 11.1); the token is a compact JWS. */
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/i;
const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="doable"' };

/**
 * The verified user id for a task route, or a thrown ApiError that route() answers with:
 * 401 for a missing, malformed, expired, forged or unknown-key token; 403 for a valid token
 * aimed at another user's URL.
 *
 * A token outlives its account by up to 15 minutes, and this costs no query: the route's own
 * statement settles whether the account still exists. Tasks are deleted with their account
 * (ON DELETE CASCADE), so a row found under the user id proves the account; an insert for a
 * deleted account fails its foreign key; only an answer with no rows asks, through
 * `assertAccountExists`, and becomes 401 if the account is gone.
 */
export async function requireUser(request: Request, urlUserId: string): Promise<string> {
  const match = BEARER.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1]) {
    throw new ApiError(
      "unauthorized",
      "Sign in to continue: send an Authorization: Bearer <token> header.",
      undefined,
      CHALLENGE,
    );
  }
  let userId: string;
  try {
    ({ userId } = await verifyToken(match[1]));
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw new ApiError(
        "unauthorized",
        "Your session token is invalid or has expired.",
        undefined,
        CHALLENGE,
      );
    }
    throw error;
  }
  if (userId !== urlUserId) {
    throw new ApiError("forbidden", "You can only access your own tasks.");
  }
  return userId;
}

/** 401 for a deleted account's still-unexpired token. */
export function accountGone(): ApiError {
  return new ApiError("unauthorized", "This account no longer exists.", undefined, CHALLENGE);
}

/** Throws accountGone() unless the account exists; for answers that found none of its rows. */
export async function assertAccountExists(userId: string): Promise<void> {
  const db = await getDb();
  const rows = await db.select({ id: user.id }).from(user).where(eq(user.id, userId)).limit(1);
  if (rows.length === 0) throw accountGone();
}
