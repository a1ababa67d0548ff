/** A key on the keyboard, as shortcuts are shown. */
export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="inline-flex min-w-6 items-center justify-center rounded-md border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-xs text-zinc-800 shadow-[0_1px_0] shadow-zinc-300 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 dark:shadow-zinc-700">
      {children}
    </kbd>
  );
}
