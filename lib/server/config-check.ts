import "server-only";
import { ConfigError, getEnv } from "@/lib/server/env";

/**
 * Validates the environment when the server starts (instrumentation.ts). A configuration
 * problem prints its one-sentence message and stops the process, without a stack trace.
 */
export function checkConfigAtStart(): void {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
