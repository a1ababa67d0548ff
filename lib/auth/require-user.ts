import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { user } from "@/db/schema";
import { InvalidTokenError } from "@/lib/auth/jwt";
import { verifyToken } from "@/lib/auth/verify-token";
import { ApiError } from "@/lib/http/errors";

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/;
const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="doable"' };

/**
 * The verified user id for a task route, or a thrown ApiError that route() answers with:
 * 401 for a missing, malformed, expired, forged or unknown-key token and for a user that no
 * longer exists; 403 for a valid token aimed at another user's URL.
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
  if (!(await userExists(userId))) {
    // A still-unexpired token of a deleted account.
    throw new ApiError("unauthorized", "This account no longer exists.", undefined, CHALLENGE);
  }
  return userId;
}

async function userExists(userId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db.select({ id: user.id }).from(user).where(eq(user.id, userId)).limit(1);
  return rows.length > 0;
}
