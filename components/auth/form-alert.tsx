import type { ReactNode } from "react";
import { CircleAlertIcon, CircleCheckIcon, CircleInfoIcon } from "./icons";

export type AlertTone = "error" | "success" | "info";

const STYLES: Record<AlertTone, string> = {
  error:
    "border-red-200 bg-red-50 text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200",
  success:
    "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200",
  info: "border-blue-200 bg-blue-50 text-blue-900 dark:border-blue-900/60 dark:bg-blue-950/40 dark:text-blue-100",
};
const ICONS = { error: CircleAlertIcon, success: CircleCheckIcon, info: CircleInfoIcon };

/**
 * A message about the whole form: the server's refusal, a success, or a notice (why the person
 * is here). Errors use role="alert" so they are announced the moment they appear.
 */
export function FormAlert({ tone = "error", children }: { tone?: AlertTone; children: ReactNode }) {
  const Icon = ICONS[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`flex items-start gap-2.5 rounded-lg border px-3 py-2.5 text-sm ${STYLES[tone]}`}
    >
      <Icon className="mt-0.5 shrink-0" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
