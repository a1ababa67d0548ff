import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/auth";

/**
 * What the auth forms say when Better Auth refuses a request: its error codes (see
 * @better-auth/core's BASE_ERROR_CODES) mapped to sentences for people, in one place.
 */

/** Wrong password and unknown e-mail share this message, so it cannot reveal who has an account. */
export const INCORRECT_CREDENTIALS = "Incorrect email or password";
export const EMAIL_TAKEN = "An account with this email already exists";
const TOO_MANY_ATTEMPTS = "Too many attempts. Please wait a minute and try again.";
export const NETWORK_ERROR = "Can't reach Doable. Check your connection and try again.";
const SERVER_ERROR = "Something went wrong on our side. Please try again.";
export const INVALID_EMAIL = "Enter a valid email address";
export const INVALID_RESET_LINK = "This reset link is invalid or has expired.";

const BY_CODE: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: INCORRECT_CREDENTIALS,
  USER_ALREADY_EXISTS: EMAIL_TAKEN,
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: EMAIL_TAKEN,
  INVALID_EMAIL: INVALID_EMAIL,
  INVALID_PASSWORD: "Incorrect password",
  PASSWORD_TOO_SHORT: `Password must be at least ${PASSWORD_MIN} characters`,
  PASSWORD_TOO_LONG: `Password must be at most ${PASSWORD_MAX} bytes`,
  INVALID_TOKEN: INVALID_RESET_LINK,
  TOKEN_EXPIRED: INVALID_RESET_LINK,
  SESSION_EXPIRED: "Your session has expired. Log in again to continue.",
  INVALID_ORIGIN: "This request came from an unexpected page. Reload and try again.",
  MISSING_OR_NULL_ORIGIN: "This request came from an unexpected page. Reload and try again.",
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED:
    "This request came from an unexpected page. Reload and try again.",
  FAILED_TO_CREATE_USER: SERVER_ERROR,
  FAILED_TO_CREATE_SESSION: SERVER_ERROR,
};

/**
 * The shape of Better Auth client errors (`{ error }` of any authClient call). Refusals by
 * Doable's own checks before Better Auth (limits, body size, the name) come in the API's error
 * shape, which the client spreads in as `error.error`.
 */
interface AuthErrorLike {
  code?: string | undefined;
  status?: number | undefined;
  message?: string | undefined;
  error?: { code?: unknown; message?: unknown } | undefined;
}

/** A sentence for the person at the form. `status` 0 means the request never got an answer. */
export function authErrorMessage(error: AuthErrorLike | null | undefined): string {
  if (!error) return SERVER_ERROR;
  // Doable's own refusal says what to do, e.g. when to try again after too many attempts.
  if (typeof error.error?.message === "string" && error.error.message) return error.error.message;
  if (error.code === "VALIDATION_ERROR") {
    // Better Auth's request schema failed, e.g. "[body.email] Invalid email address".
    return error.message?.startsWith("[body.email]")
      ? INVALID_EMAIL
      : "Some details are not valid. Check the form and try again.";
  }
  if (error.code) {
    const known = BY_CODE[error.code];
    if (known) return known;
  }
  if (error.status === 429) return TOO_MANY_ATTEMPTS;
  if (error.status === 0 || error.status === undefined) return NETWORK_ERROR;
  if (error.status >= 500) return SERVER_ERROR;
  return error.message || SERVER_ERROR;
}
