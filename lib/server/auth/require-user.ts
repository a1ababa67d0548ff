import "server-only";
import { InvalidTokenError } from "@/lib/server/auth/jwt";
import { rememberedToken, verifyToken } from "@/lib/server/auth/verify-token";
import { ApiError } from "@/lib/server/http/errors";

/** The scheme name is case-insensitive (RFC 9110, 11.1); the token is a compact JWS. */
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/i;
export const BEARER_CHALLENGE = { "WWW-Authenticate": 'Bearer realm="doable"' };

/**
 * The verified user id for a task route (synchronously for a remembered token, else as a
 * promise), or a thrown or rejected ApiError that route() answers with:
 * 401 for a missing, malformed, expired, forged or unknown-key token; 403 for a valid token
 * aimed at another user's URL. It costs no query: whether the account still exists is settled
 * by the route's own statements (the deleted-account rule in lib/server/http/user-route.ts).
 */
export function requireUser(request: Request, urlUserId: string): string | Promise<string> {
  const match = BEARER.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1]) {
    throw new ApiError(
      "unauthorized",
      "Sign in to continue: send an Authorization: Bearer <token> header.",
      undefined,
      BEARER_CHALLENGE,
    );
  }
  const token = match[1];
  // A token verified before, whose session's answer is fresh, is answered without a promise:
  // on Node 20 each promise on a request's path is work for AsyncLocalStorage (issue 15).
  const remembered = rememberedToken(token);
  if (remembered) return ownUser(remembered.userId, urlUserId);
  return verifyToken(token).then(
    (verified) => ownUser(verified.userId, urlUserId),
    (error: unknown) => {
      if (!(error instanceof InvalidTokenError)) throw error;
      throw new ApiError(
        "unauthorized",
        "Your session token is invalid or has expired.",
        undefined,
        BEARER_CHALLENGE,
      );
    },
  );
}

/** 403 for a genuine token aimed at another user's URL. */
function ownUser(userId: string, urlUserId: string): string {
  if (userId !== urlUserId) {
    throw new ApiError("forbidden", "You can only access your own tasks.");
  }
  return userId;
}
