import { ChevronDownIcon, ChevronRightIcon, PlusIcon } from "@/components/ui/icons";
import type { Task } from "@/lib/tasks/model";

/** "2/5" with what it counts, for screen readers. */
function Count({ task }: { task: Task }) {
  return (
    <>
      <span className="tabular-nums">
        {task.subtasks.done}/{task.subtasks.total}
      </span>
      <span className="sr-only"> subtasks done</span>
    </>
  );
}

/**
 * A parent's progress, "2/5". Where subtasks nest under their parent it is the button that
 * folds them away and back (aria-expanded); elsewhere (Today, Upcoming) plain text.
 */
export function SubtaskProgress({
  task,
  folded,
  controls,
  onFold,
}: {
  task: Task;
  folded: boolean;
  /** The id of the subtask list it shows and hides, while that list is there. */
  controls?: string;
  onFold?: (task: Task, folded: boolean) => void;
}) {
  const tone = "text-zinc-600 dark:text-zinc-400";
  if (!onFold) {
    return (
      <span data-subtask-progress className={`inline-flex items-center ${tone}`}>
        <Count task={task} />
      </span>
    );
  }
  const Chevron = folded ? ChevronRightIcon : ChevronDownIcon;
  return (
    <button
      type="button"
      data-subtask-progress
      aria-expanded={!folded}
      aria-controls={folded ? undefined : controls}
      onClick={() => onFold(task, !folded)}
      title={folded ? "Show subtasks" : "Hide subtasks"}
      className={`relative z-10 -mx-1 inline-flex h-5 items-center gap-0.5 rounded px-1 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-700 dark:hover:text-zinc-50 dark:focus-visible:outline-blue-400 ${tone}`}
    >
      <Chevron width={13} height={13} />
      <Count task={task} />
    </button>
  );
}

/** The row's "Add subtask" button, beside delete: on hover and focus, always on touch screens. */
export function AddSubtaskButton({
  task,
  disabled,
  onAdd,
}: {
  task: Task;
  disabled: boolean;
  onAdd: (task: Task) => void;
}) {
  return (
    <button
      type="button"
      data-add-subtask
      disabled={disabled}
      onClick={() => onAdd(task)}
      aria-label={`Add a subtask to “${task.title}”`}
      title="Add subtask"
      className="relative z-10 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-500 transition-opacity hover:bg-zinc-200 hover:text-zinc-900 focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100 pointer-coarse:opacity-100 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-50"
    >
      <PlusIcon width={16} height={16} />
    </button>
  );
}

/** In Today and Upcoming, a subtask's parent: "in: Plan the trip". */
export function ParentContext({ title }: { title: string }) {
  return (
    <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
      in: <span dir="auto">{title}</span>
    </p>
  );
}
