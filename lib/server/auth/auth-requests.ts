import "server-only";
import { INVALID_EMAIL } from "@/lib/auth/messages";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { clientAddress } from "@/lib/server/auth/client-address";
import { authLimits, type Caller } from "@/lib/server/auth/limits";
import { forgetSessionChecks } from "@/lib/server/auth/verify-token";
import { getEnv } from "@/lib/server/env";
import { AUTH_BODY_MAX_BYTES, readBodyText } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import { forgetUserSettings, isTimeZone } from "@/lib/server/users/settings";
import { emailSchema, NAME_MAX } from "@/lib/validation/auth";

/** Paths after which the sessions they end must stop every token at once in this process. */
const ENDS_SESSIONS = new Set([
  "/sign-out",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/reset-password",
  "/change-password",
  "/delete-user",
]);

export interface PreparedAuthRequest {
  /** The request to hand to Better Auth: the same, with the body already read. */
  request: Request;
  /** Called with Better Auth's answer: counts what the answer says (a failed sign-in, ...). */
  settle(response: Response): Promise<void>;
  /**
   * Set for a reset request: the answer to give at once, the same for every address, while
   * Better Auth handles the request after it (looking the address up and mailing take longer
   * for an address that has an account, and would tell who has one).
   */
  answerFirst?: Response;
}

/** Better Auth's own answer to a reset request, whether or not the address has an account. */
const RESET_REQUESTED = {
  status: true,
  message: "If this email exists in our system, check your email for the reset link",
};

/**
 * What Doable checks of an /api/auth/* request before Better Auth reads it: the body's size
 * (413 above AUTH_BODY_MAX_BYTES, whatever Content-Length says), the user's name on sign-up
 * and update, the password on account deletion, and the limits of limits.ts (429).
 */
export async function prepareAuthRequest(request: Request): Promise<PreparedAuthRequest> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  const text =
    request.method === "GET" || request.method === "HEAD"
      ? ""
      : await readBodyText(request, AUTH_BODY_MAX_BYTES);
  const body = jsonObject(text);
  const env = getEnv();
  const caller: Caller = {
    email: typeof body.email === "string" ? body.email : undefined,
    address: clientAddress(request.headers, {
      onVercel: Boolean(env.VERCEL),
      trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    }),
  };

  if (path === "/sign-up/email" || path === "/update-user") checkUserFields(body);
  if (path === "/request-password-reset") checkResetRequest(body);
  if (path === "/delete-user" && (typeof body.password !== "string" || body.password === "")) {
    throw new ApiError("validation_failed", "Enter your password to delete your account.", [
      { path: "password", message: "Required" },
    ]);
  }
  const limited = env.authRateLimit;
  if (limited && path === "/sign-in/email") await authLimits.beforeSignIn(caller);
  if (limited && path === "/sign-up/email") await authLimits.beforeSignUp(caller);
  if (limited && path === "/request-password-reset") await authLimits.beforeResetMail(caller);

  const headers = new Headers(request.headers);
  // The body is now a string: its length is known again, whatever the client declared.
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return {
    request: new Request(request.url, {
      method: request.method,
      headers,
      body: text === "" ? undefined : text,
    }),
    answerFirst:
      path === "/request-password-reset"
        ? Response.json(RESET_REQUESTED, { headers: { "Cache-Control": "no-store" } })
        : undefined,
    async settle(response) {
      if (limited && path === "/sign-in/email") {
        // 401 is Better Auth's answer to a wrong e-mail or password; other refusals (a
        // malformed body, an origin check) say nothing about the password.
        if (response.ok || response.status === 401) {
          await authLimits.afterSignIn(caller, response.ok);
        }
      }
      if (response.ok && ENDS_SESSIONS.has(path)) forgetSessionChecks();
      if (response.ok && (path === "/update-user" || path === "/delete-user")) forgetUserSettings();
    },
  };
}

/** The body as an object, for the fields Doable reads; anything else is Better Auth's to refuse. */
function jsonObject(text: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * What Better Auth would refuse in a reset request, checked here because its answer comes too
 * late to give: a valid e-mail, and a `redirectTo` (where the link leads) on this site.
 */
function checkResetRequest(body: Record<string, unknown>): void {
  if (!emailSchema.safeParse(body.email).success) {
    throw new ApiError("validation_failed", INVALID_EMAIL, [
      { path: "email", message: INVALID_EMAIL },
    ]);
  }
  if (
    body.redirectTo !== undefined &&
    (typeof body.redirectTo !== "string" || !safeNextPath(body.redirectTo))
  ) {
    const message = "redirectTo must be a path on this site, e.g. /reset-password";
    throw new ApiError("validation_failed", message, [{ path: "redirectTo", message }]);
  }
}

/** The user's fields Doable adds to, or limits in, Better Auth's sign-up and update. */
function checkUserFields(body: Record<string, unknown>): void {
  const refuse = (path: string, message: string) => {
    throw new ApiError("validation_failed", message, [{ path, message }]);
  };
  const { name, timeZone, emailReminders } = body;
  if (name !== undefined && (typeof name !== "string" || name.length > NAME_MAX)) {
    refuse("name", `Name must be text of at most ${NAME_MAX} characters`);
  }
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    refuse("timeZone", "timeZone must be an IANA time zone, e.g. Europe/Berlin");
  }
  if (emailReminders !== undefined && typeof emailReminders !== "boolean") {
    refuse("emailReminders", "emailReminders must be true or false");
  }
}
