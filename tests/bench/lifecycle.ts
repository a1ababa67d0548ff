/**
 * What every bench script needs around its work: a log line stamped with the seconds since
 * start, and cleanup steps (servers, databases, folders) run once, last added first, whether the
 * script ends, fails or is interrupted (SIGINT, SIGTERM: exit 130 after the cleanup).
 */
export interface BenchLifecycle {
  /** Seconds since the script started, to one decimal. */
  elapsedSeconds(): number;
  log(message: string): void;
  /** Adds a cleanup step. */
  defer(step: () => Promise<void>): void;
  cleanup(): Promise<void>;
  /** True once a signal stopped the script: its work then fails on stopped servers. */
  interrupted(): boolean;
}

export function benchLifecycle(tag: string, onSignal: string): BenchLifecycle {
  const started = Date.now();
  const elapsedSeconds = () => (Date.now() - started) / 1000;
  const log = (message: string) =>
    console.info(`[${tag} ${elapsedSeconds().toFixed(0).padStart(3)} s] ${message}`);
  const steps: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  let stopped = false;
  const cleanup = () => {
    cleaning ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`[${tag}] cleanup:`, error);
        }
      }
    })();
    return cleaning;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopped = true;
      log(`${signal}: ${onSignal}`);
      cleanup().finally(() => process.exit(130));
    });
  }
  return {
    elapsedSeconds,
    log,
    defer: (step) => void steps.push(step),
    cleanup,
    interrupted: () => stopped,
  };
}
