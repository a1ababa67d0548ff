import { Button } from "@/components/ui/button";
import {
  AlertIcon,
  CalendarDayIcon,
  CalendarIcon,
  ListChecksIcon,
  SearchIcon,
} from "@/components/ui/icons";
import { Kbd } from "@/components/ui/kbd";

/** Placeholder rows shaped like real ones, so nothing moves when the list arrives. */
export function TaskListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <ul aria-hidden="true" className="space-y-px">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <li key={i} className="flex items-start gap-3 px-2 py-2.5 sm:px-3">
          <span className="mt-0.5 size-5 shrink-0 animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800" />
          <span className="flex-1 space-y-2 pt-0.5">
            <span
              className="block h-4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800"
              style={{ width: `${[62, 48, 75, 40, 56][i % 5]}%` }}
            />
            <span className="block h-3 w-24 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
          </span>
        </li>
      ))}
    </ul>
  );
}

function State({
  icon,
  title,
  children,
  action,
}: {
  icon: React.ReactNode;
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center px-4 py-14 text-center">
      <span className="flex size-12 items-center justify-center rounded-2xl bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
        {icon}
      </span>
      <h2 className="mt-4 font-semibold">{title}</h2>
      <div className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}

export type EmptyKind = "first" | "filtered" | "all-done" | "none-completed" | "today" | "upcoming";

export function EmptyState({
  kind,
  onAddTask,
  onClearFilters,
}: {
  kind: EmptyKind;
  onAddTask: () => void;
  onClearFilters: () => void;
}) {
  if (kind === "filtered") {
    return (
      <State
        icon={<SearchIcon width={22} height={22} />}
        title="No tasks match"
        action={
          <Button variant="secondary" onClick={onClearFilters}>
            Clear search and filters
          </Button>
        }
      >
        Try other words, or widen the filters.
      </State>
    );
  }
  if (kind === "all-done") {
    return (
      <State icon={<ListChecksIcon width={22} height={22} />} title="All done">
        Nothing left to do here. Enjoy the calm.
      </State>
    );
  }
  if (kind === "today") {
    return (
      <State
        icon={<CalendarDayIcon width={22} height={22} />}
        title="Nothing due today"
        action={
          <Button variant="secondary" onClick={onAddTask}>
            Add a task for today
          </Button>
        }
      >
        No overdue tasks either. Enjoy the day.
      </State>
    );
  }
  if (kind === "upcoming") {
    return (
      <State
        icon={<CalendarIcon width={22} height={22} />}
        title="Nothing planned for the next two weeks"
        action={
          <Button variant="secondary" onClick={onAddTask}>
            Plan a task
          </Button>
        }
      >
        Tasks due in the next 14 days show here, day by day.
      </State>
    );
  }
  if (kind === "none-completed") {
    return (
      <State icon={<ListChecksIcon width={22} height={22} />} title="Nothing completed yet">
        Tick a task off and it will show up here.
      </State>
    );
  }
  return (
    <State
      icon={<ListChecksIcon width={22} height={22} />}
      title="Your list is empty"
      action={
        <Button variant="primary" onClick={onAddTask}>
          Add your first task
        </Button>
      }
    >
      What's on your mind? Add a task above, or press <Kbd>n</Kbd> anytime.
    </State>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert">
      <State
        icon={<AlertIcon width={22} height={22} />}
        title="Your tasks didn't load"
        action={
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        }
      >
        {message}
      </State>
    </div>
  );
}
