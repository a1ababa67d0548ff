/** The looks and small parts the dashboard's forms share (task fields, dialogs, pickers). */

export const fieldBase =
  "rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 aria-[invalid=true]:border-red-600 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:focus-visible:border-blue-400";

export const fieldClass = `w-full ${fieldBase}`;

/**
 * Date and time fields: as wide as their content needs in every locale's format ("05:00 PM",
 * "오후 05:00", "٠٥:٠٠ م"), never a fixed width that cuts the AM/PM off.
 */
export const dateTimeFieldClass = `${fieldBase} h-9 w-auto min-w-fit py-0`;

/**
 * A description box that grows with its text up to about ten lines (less on a short phone
 * screen), then scrolls. task-fields.tsx grows it by script where `field-sizing` is missing.
 */
export const growingTextareaClass = `${fieldClass} field-sizing-content min-h-15 max-h-[min(15rem,40dvh)] resize-none overflow-y-auto`;

export const labelClass = "mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-300";

/** Small help under a field. */
export const hintClass = "mt-1 text-xs text-zinc-600 dark:text-zinc-400";

/** A small toggle or choice button (Today/Tomorrow, weekdays), pressed when chosen. */
export const chipButtonClass =
  "rounded-md border border-zinc-300 px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-800 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-pressed:border-blue-400 dark:aria-pressed:bg-blue-500/15 dark:aria-pressed:text-blue-200";

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}
