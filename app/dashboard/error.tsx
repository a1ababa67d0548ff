"use client";

import { buttonClass } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

/*
 * This boundary is in the dashboard's first load whether or not anything fails, so it draws
 * its one icon itself rather than bringing in the icon set (components/ui/icons.tsx's AlertIcon).
 */
function AlertIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 3 2 21h20z" />
      <path d="M12 10v4M12 17.5h.01" />
    </svg>
  );
}

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
          <AlertIcon />
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
          <button type="button" className={buttonClass("primary")} onClick={reset}>
            Try again
          </button>
          {/* A full page load, not a client navigation: it starts the app afresh. */}
          <a href="/" className={buttonClass("secondary")}>
            Home
          </a>
        </div>
      </main>
    </div>
  );
}
