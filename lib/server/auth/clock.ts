import "server-only";

/**
 * The clock of the auth layer's windows and bounds (limits, session re-checks, key-set age):
 * tests move it to see what happens after a window or a bound, instead of waiting it out.
 */
export const authClock = { now: (): number => Date.now() };
