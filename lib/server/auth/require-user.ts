import "server-only";
import { InvalidTokenError } from "@/lib/server/auth/jwt";
import { rememberedToken, verifyToken } from "@/lib/server/auth/verify-token";
import { ApiError } from "@/lib/server/http/errors";

/** The scheme name is case-insensitive (RFC 9110, 11.1); the token is a compact JWS. */
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/i;
export const BEARER_CHALLENGE = { "WWW-Authenticate": 'Bearer realm="doable"' };

/**
 * The verified user id for a task route, or a thrown ApiError that route() answers with:
 * 401 for a missing, malformed, expired, forged or unknown-key token; 403 for a valid token
 * aimed at another user's URL. It costs no query: whether the account still exists is settled
 * by the route's own statements (the deleted-account rule in lib/server/http/user-route.ts).
 */
export async function requireUser(request: Request, urlUserId: string): Promise<string> {
  const match = BEARER.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1]) {
    throw new ApiError(
      "unauthorized",
      "Sign in to continue: send an Authorization: Bearer <token> header.",
      undefined,
      BEARER_CHALLENGE,
    );
  }
  let userId: string;
  try {
    ({ userId } = rememberedToken(match[1]) ?? (await verifyToken(match[1])));
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      throw new ApiError(
        "unauthorized",
        "Your session token is invalid or has expired.",
        undefined,
        BEARER_CHALLENGE,
      );
    }
    throw error;
  }
  if (userId !== urlUserId) {
    throw new ApiError("forbidden", "You can only access your own tasks.");
  }
  return userId;
}
