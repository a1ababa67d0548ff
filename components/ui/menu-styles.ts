/** Shared looks for Radix menus and popovers, so every menu feels the same. */
export const menuContentClass =
  "z-50 min-w-48 overflow-hidden rounded-xl border border-zinc-200 bg-white p-1 text-sm text-zinc-800 shadow-lg shadow-zinc-900/10 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:shadow-black/40";

export const menuItemClass =
  "flex cursor-default items-center gap-2 rounded-lg px-2.5 py-2 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export const menuLabelClass =
  "px-2.5 pt-2 pb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400";

export const menuSeparatorClass = "my-1 h-px bg-zinc-200 dark:bg-zinc-700";
