/**
 * Code the page does not need for its first paint (the menus' Radix module, sonner): loaded
 * once, on first use or when the browser is idle, and then read synchronously, so that what
 * renders it can switch to the loaded version without a Suspense boundary (which would mount a
 * fallback and lose the focus of a trigger the person is on).
 */
export interface Deferred<T> {
  /** The loaded value, once there. */
  readonly current: T | undefined;
  /** Starts the load (once; again after a failure, e.g. offline) and resolves with the value. */
  load(): Promise<T>;
  /** load() for a preload: a failure is left to the next use. */
  preload(): void;
  /** Resolves when the value is there, without starting the load. */
  readonly loaded: Promise<T>;
}

export function deferred<T>(load: () => Promise<T>): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  const loaded = new Promise<T>((r) => {
    resolve = r;
  });
  let current: T | undefined;
  let loading: Promise<T> | null = null;
  return {
    get current() {
      return current;
    },
    loaded,
    load() {
      loading ??= load().then(
        (value) => {
          current = value;
          resolve(value);
          return value;
        },
        (error: unknown) => {
          // A failed chunk load is retried by the next use, not remembered.
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    preload() {
      this.load().catch(() => {});
    },
  };
}

/** Runs `task` when the browser is idle (after a short delay where there is no idle callback). */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(task, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
