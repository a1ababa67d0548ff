/**
 * Next.js calls register() once when a server starts. Configuration is checked here so that
 * a production server missing a required setting stops at once with one clear sentence,
 * instead of failing on its first request with a stack trace; then the reminder timer starts.
 */
export async function register(): Promise<void> {
  // The Node.js server only (the Edge runtime has no process.exit), and never during
  // `next build`, which must not need runtime secrets (DESIGN.md, "Pitfalls").
  if (
    process.env.NEXT_RUNTIME === "nodejs" &&
    process.env.NEXT_PHASE !== "phase-production-build"
  ) {
    const { checkConfigAtStart } = await import("./lib/server/config-check");
    checkConfigAtStart();
    // Reminders are dispatched by this server itself, except on Vercel (Vercel Cron does it).
    if (!process.env.VERCEL) {
      const [{ getEnv }, { startReminderTimer }] = await Promise.all([
        import("./lib/server/env"),
        import("./lib/server/reminders/timer"),
      ]);
      startReminderTimer(getEnv().REMINDER_TIMER_SECONDS);
    }
  }
}
