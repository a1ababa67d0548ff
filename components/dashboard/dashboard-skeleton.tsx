import { Logo } from "@/components/ui/logo";
import { TaskListSkeleton } from "./list-states";
import { type ListView, listTitle } from "./view";

/** The dashboard's frame before it can render: same boxes in the same places, no shift later. */
export function DashboardSkeleton({ list = "all" }: { list?: ListView }) {
  const block = "animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900";
  return (
    <div className="flex min-h-dvh flex-col" aria-busy="true">
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-1 px-4">
          <Logo className="mr-auto text-lg" />
          <span className={`size-9 rounded-full ${block}`} />
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 pt-4 pb-24 sm:pt-6">
        <div className={`mb-5 h-11 rounded-xl sm:w-80 ${block}`} />
        <div className="mb-4 flex items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{listTitle[list]}</h1>
          <p className="h-5" />
        </div>
        <div className={`h-14 rounded-xl ${block}`} />
        <div className="mt-6 flex flex-wrap items-center gap-2">
          <div className={`h-9 w-64 ${block}`} />
          <div className={`h-9 w-full sm:ml-auto sm:w-96 ${block}`} />
        </div>
        <div className="mt-3">
          <TaskListSkeleton />
        </div>
        <p className="sr-only" role="status">
          Loading your tasks…
        </p>
      </main>
    </div>
  );
}
