import "server-only";
import { ConfigError, getEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

/**
 * Validates the environment when the server starts (instrumentation.ts). A configuration
 * problem prints its one-sentence message and stops the process, without a stack trace.
 * Settings that work but weaken something are said once, here, as warnings.
 */
export function checkConfigAtStart(): void {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (!env.isProduction) return;
  if (env.mail === "disabled") {
    logger.warn(
      "SMTP_URL is not set: password reset by e-mail is off (the forgot-password page says so)",
    );
  }
  if (!env.VERCEL && !env.TRUSTED_PROXY_HOPS) {
    logger.warn(
      "TRUSTED_PROXY_HOPS is not set: client addresses are unknown, so sign-in and sign-up limits apply per account and globally, not per address; behind a reverse proxy, set it to the number of proxies",
    );
  }
}
