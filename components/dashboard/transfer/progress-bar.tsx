import type { Progress } from "./use-import";

/**
 * A progress bar: determinate while the file goes up (`value` 0–1), indeterminate (null) while
 * the server reads and writes it, which it does in one request and cannot measure.
 */
export function ProgressBar({ value, labelledBy }: { value: Progress; labelledBy: string }) {
  const percent = value === null ? null : Math.round(value * 100);
  return (
    <div
      role="progressbar"
      aria-labelledby={labelledBy}
      aria-valuemin={percent === null ? undefined : 0}
      aria-valuemax={percent === null ? undefined : 100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? "Working…" : `${percent}% sent`}
      className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
    >
      <div
        className={`h-full rounded-full bg-blue-600 transition-[width] duration-200 dark:bg-blue-400 ${
          percent === null ? "w-full animate-pulse motion-reduce:animate-none" : ""
        }`}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
