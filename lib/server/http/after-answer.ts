import "server-only";
import { after } from "next/server";
import { describeError, logger } from "@/lib/server/logger";

/** Work started by runAfterAnswer() and not finished yet. */
const running = new Set<Promise<void>>();

/**
 * Runs work after the answer has gone out (mail, for one). Inside a Next request it is handed
 * to `after()`, which keeps a serverless function alive until the work is done; outside one
 * (in-process tests, scripts) it simply runs on. A failure is logged, never thrown at anyone.
 */
export function runAfterAnswer(work: Promise<unknown>): void {
  const settled: Promise<void> = work.then(
    () => {},
    (error: unknown) => {
      logger.error({ err: describeError(error) }, "work after the answer failed");
    },
  );
  running.add(settled);
  void settled.finally(() => running.delete(settled));
  try {
    after(settled);
  } catch {
    // Not inside a request: `settled` runs to its end by itself.
  }
}

/** Resolves once all work handed to runAfterAnswer() so far has finished (tests, shutdown). */
export async function workAfterAnswer(): Promise<void> {
  while (running.size > 0) await Promise.all(running);
}
