import type { ReactNode } from "react";

/** The frame of every auth page: a heading, a short line under it, the form, and a footer. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div>
      <div className="sm:rounded-2xl sm:border sm:border-zinc-200 sm:bg-white sm:p-8 sm:shadow-sm dark:sm:border-zinc-800 dark:sm:bg-zinc-900/60">
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
          {title}
        </h1>
        {description && (
          <p className="mt-1.5 text-sm text-pretty text-zinc-600 dark:text-zinc-400">
            {description}
          </p>
        )}
        <div className="mt-6">{children}</div>
      </div>
      {footer && (
        <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</p>
      )}
    </div>
  );
}

/** A text link in the auth pages' style. */
export const authLinkClass =
  "font-medium text-blue-600 underline-offset-4 hover:underline dark:text-blue-400";
