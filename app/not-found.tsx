import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Page not found" };

/*
 * Plain links, not next/link: this page is part of every page's first load (the root layout's
 * not-found boundary), and next/link's client code would be too.
 */
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-14 w-full max-w-5xl items-center px-4 sm:px-6">
        <a href="/" className="rounded-md">
          <Logo className="text-lg" />
        </a>
      </header>
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-4 pb-16 text-center">
        <p className="text-sm font-semibold text-blue-700 dark:text-blue-400">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">This page doesn't exist</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-300">
          The link may be old, or the address mistyped.
        </p>
        <div className="mt-6 flex gap-2">
          <a href="/dashboard" className={buttonClass("primary")}>
            Go to your tasks
          </a>
          <a href="/" className={buttonClass("secondary")}>
            Home
          </a>
        </div>
      </main>
    </div>
  );
}
