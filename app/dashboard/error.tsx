"use client";

import { Button, buttonClass } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";

/** The dashboard failed to render (for example the database was unreachable). */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex h-14 max-w-3xl items-center px-4">
          <Logo className="text-lg" />
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-4 text-center">
        <span className="flex size-12 items-center justify-center rounded-2xl bg-red-50 text-red-700 dark:bg-red-500/15 dark:text-red-300">
          <AlertIcon width={22} height={22} />
        </span>
        <h1 className="mt-4 text-xl font-semibold">Doable hit a snag</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-300">
          Your tasks are safe, but this page could not load just now. Please try again in a moment.
        </p>
        {error.digest && (
          <p className="mt-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">
            Reference: {error.digest}
          </p>
        )}
        <div className="mt-6 flex gap-2">
          <Button variant="primary" onClick={reset}>
            Try again
          </Button>
          {/* A full page load, not a client navigation: it starts the app afresh. */}
          <a href="/" className={buttonClass("secondary")}>
            Home
          </a>
        </div>
      </main>
    </div>
  );
}
