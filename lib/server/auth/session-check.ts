import "server-only";

/**
 * Whether a token's session (its `sid`) is still live, asked of the session table at most once
 * per SESSION_RECHECK_MS per session, so that signing out, "sign out everywhere", a password
 * reset and account deletion end every token of those sessions within that bound, at the cost of
 * one small query per session per bound. A session found ended stays ended (sessions never come
 * back), and this process forgets every answer at once when it handles a sign-out itself.
 */
export const SESSION_RECHECK_MS = 30_000;
/** How many sessions' answers are kept (oldest go first). */
const MAX_ENTRIES = 20_000;

export interface SessionCheckOptions {
  isLive: (sessionId: string, userId: string) => Promise<boolean>;
  recheckMs?: number;
  /** For tests: the clock, in ms. */
  now?: () => number;
}

export interface SessionCheck {
  (sessionId: string, userId: string): Promise<boolean>;
  /**
   * The answer the check would give without asking, while it is fresh; undefined when it would
   * ask. Synchronous, so that a request of a known session costs no promise.
   */
  remembered(sessionId: string, userId: string): boolean | undefined;
  /** Drops every answer: the next request of each session asks again. */
  forgetAll(): void;
}

export function createSessionCheck(options: SessionCheckOptions): SessionCheck {
  const now = options.now ?? Date.now;
  const recheckMs = options.recheckMs ?? SESSION_RECHECK_MS;
  const answers = new Map<string, { live: boolean; userId: string; checkedAt: number }>();
  const asking = new Map<string, Promise<boolean>>();
  /** Bumped by forgetAll(), so an answer that raced it is not kept. */
  let generation = 0;

  const remembered = (sessionId: string, userId: string): boolean | undefined => {
    const known = answers.get(sessionId);
    if (known && known.userId === userId) {
      if (!known.live || now() - known.checkedAt < recheckMs) return known.live;
    }
    return undefined;
  };

  const check = async (sessionId: string, userId: string): Promise<boolean> => {
    const known = remembered(sessionId, userId);
    if (known !== undefined) return known;
    const key = `${sessionId}\u0000${userId}`;
    let pending = asking.get(key);
    if (!pending) {
      const startedAt = generation;
      pending = options
        .isLive(sessionId, userId)
        .then((live) => {
          if (generation === startedAt) {
            answers.delete(sessionId); // re-inserted last: the map stays in age order
            if (answers.size >= MAX_ENTRIES) {
              const oldest = answers.keys().next().value;
              if (oldest !== undefined) answers.delete(oldest);
            }
            answers.set(sessionId, { live, userId, checkedAt: now() });
          }
          return live;
        })
        .finally(() => asking.delete(key));
      asking.set(key, pending);
    }
    return pending;
  };
  return Object.assign(check, {
    remembered,
    forgetAll: () => {
      generation += 1;
      answers.clear();
    },
  });
}
