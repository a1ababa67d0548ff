/** Shared looks for the dashboard's dialogs. */
export const dialogOverlayClass = "fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[2px]";

export const dialogContentClass =
  "fixed top-1/2 left-1/2 z-50 max-h-[85dvh] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-2xl focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
