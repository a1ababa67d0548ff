"use client";

import { type CSSProperties, memo, type ReactNode, type Ref, useId } from "react";
import {
  BellIcon,
  CalendarIcon,
  CheckIcon,
  FlagIcon,
  RepeatIcon,
  TrashIcon,
} from "@/components/ui/icons";
import type { Task, TaskPriority } from "@/lib/tasks/model";
import { summarizeRepeat } from "@/lib/tasks/repeat-summary";
import { type DueTone, describeDue, describeReminder } from "./due";
import { useRowElement } from "./ordering/keep-focus";
import { altArrowDelta } from "./ordering/reorder";
import { AddSubtaskButton, ParentContext, SubtaskProgress } from "./subtasks/row-parts";
import { priorityLabel } from "./view";

const ringByPriority: Record<TaskPriority, string> = {
  high: "border-red-600 checked:bg-red-600 dark:border-red-500 dark:checked:bg-red-500",
  medium: "border-amber-500 checked:bg-amber-500 dark:border-amber-400 dark:checked:bg-amber-400",
  low: "border-blue-600 checked:bg-blue-600 dark:border-blue-400 dark:checked:bg-blue-400",
  none: "border-zinc-400 checked:bg-zinc-500 dark:border-zinc-500 dark:checked:bg-zinc-500",
};

const flagByPriority: Record<TaskPriority, string> = {
  high: "text-red-700 dark:text-red-400",
  medium: "text-amber-700 dark:text-amber-400",
  low: "text-blue-700 dark:text-blue-400",
  none: "",
};

const tagClass =
  "rounded-full bg-zinc-100 px-2 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

const dueTone: Record<DueTone, string> = {
  overdue: "text-red-700 dark:text-red-400 font-medium",
  today: "text-emerald-700 dark:text-emerald-400",
  tomorrow: "text-amber-700 dark:text-amber-400",
  soon: "text-violet-700 dark:text-violet-400",
  later: "text-zinc-600 dark:text-zinc-400",
  done: "text-zinc-600 dark:text-zinc-400",
};

interface TaskItemProps {
  task: Task;
  selecting: boolean;
  selected: boolean;
  now: Date;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  onSelect: (task: Task, selected: boolean) => void;
  onFocusRow: (task: Task) => void;
  /** A tag chip sets the view's tag filter. */
  onTag?: (tag: string) => void;
  /** Where subtasks do not nest (Today, Upcoming): a subtask's parent, when it is loaded. */
  parentTitle?: string | null;
  /** Where subtasks nest: whether this parent's are folded away, and how to fold them. */
  folded?: boolean;
  onFold?: (task: Task, folded: boolean) => void;
  /** Given for a row that can take a subtask (a top-level task, where subtasks nest). */
  onAddSubtask?: (task: Task) => void;
  /** Alt+↑/↓ on the row, in the manual order. */
  onMoveKey?: (task: Task, delta: -1 | 1, target: EventTarget) => void;
  /** The manual order's drag handle (or the space it will take). */
  handle?: ReactNode;
  /** dnd-kit's hold on the row while it can be dragged. */
  nodeRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  dragging?: boolean;
  /** The id of the list of its subtasks (children), which the progress button controls. */
  subtasksId?: string;
  /** Its subtasks and the inline "Add subtask" field, under the row. */
  children?: ReactNode;
}

/**
 * One task in the list: checkbox, title (opens the editor), details, and a delete button; a
 * parent's subtasks (children) nest under it, in the same list item.
 */
export const TaskItem = memo(function TaskItem({
  task,
  selecting,
  selected,
  now,
  onToggle,
  onEdit,
  onDelete,
  onSelect,
  onFocusRow,
  onTag,
  parentTitle,
  folded = false,
  onFold,
  onAddSubtask,
  onMoveKey,
  handle,
  nodeRef,
  style,
  dragging = false,
  subtasksId,
  children,
}: TaskItemProps) {
  const id = useId();
  const setRow = useRowElement(task.id, task.position, nodeRef);
  const saving = task.id.startsWith("temp-");
  const due = task.dueAt ? describeDue(task.dueAt, task.completed, now) : null;
  const repeat = task.repeat ? summarizeRepeat(task.repeat) : null;
  const reminder =
    task.nextReminderAt && !task.completed ? describeReminder(task.nextReminderAt, now) : null;
  const excerpt = task.description?.split("\n").find((line) => line.trim()) ?? null;
  const progress = task.subtasks.total > 0;

  return (
    <li
      ref={setRow}
      data-task-id={task.id}
      data-subtask={task.parentId ? "" : undefined}
      style={style}
      className={`list-none ${
        dragging
          ? "relative z-20 rounded-lg bg-white shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
          : ""
      }`}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: focus and Alt+arrows bubble up from the row's controls. */}
      <div
        onFocus={() => onFocusRow(task)}
        onKeyDown={(e) => {
          const delta = onMoveKey ? altArrowDelta(e) : null;
          if (!delta) return;
          e.preventDefault();
          onMoveKey?.(task, delta, e.target);
        }}
        // Highlighted while it holds keyboard focus (j/k, Tab), not after a mouse click.
        className={`group relative flex items-start gap-3 rounded-lg px-2 py-2.5 transition-colors sm:px-3 ${
          selected
            ? "bg-blue-50 dark:bg-blue-500/15"
            : "hover:bg-zinc-50 has-[:focus-visible]:bg-zinc-100 dark:hover:bg-zinc-900 dark:has-[:focus-visible]:bg-zinc-800/70"
        } ${saving ? "opacity-70" : ""}`}
      >
        {handle}
        {selecting && (
          <span className="relative z-10 flex size-6 shrink-0 items-center justify-center">
            <input
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(task, e.target.checked)}
              aria-label={`Select “${task.title}”`}
              className="size-4 accent-blue-600"
            />
          </span>
        )}
        <span className="relative z-10 flex size-6 shrink-0 items-center justify-center">
          <input
            type="checkbox"
            data-task-done
            checked={task.completed}
            disabled={saving}
            onChange={() => onToggle(task)}
            aria-labelledby={`${id}-title`}
            className={`peer size-5 cursor-pointer appearance-none rounded-full border-2 transition-colors disabled:cursor-default ${ringByPriority[task.priority]}`}
          />
          <CheckIcon
            width={12}
            height={12}
            strokeWidth={3.5}
            className="pointer-events-none absolute hidden text-white peer-checked:block dark:text-zinc-950"
          />
        </span>

        <div className="min-w-0 flex-1">
          <button
            type="button"
            data-task-title
            disabled={saving}
            // While selecting, a click on the row picks it instead of opening the editor.
            onClick={() => (selecting ? onSelect(task, !selected) : onEdit(task))}
            className="block max-w-full text-left after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-blue-600 dark:focus-visible:after:outline-blue-400"
          >
            <span
              id={`${id}-title`}
              dir="auto"
              className={`block break-words leading-6 ${
                task.completed ? "text-zinc-600 line-through dark:text-zinc-400" : ""
              }`}
            >
              {task.title}
            </span>
          </button>
          {parentTitle && <ParentContext title={parentTitle} />}
          {excerpt && (
            <p dir="auto" className="truncate text-sm text-zinc-600 dark:text-zinc-400">
              {excerpt}
            </p>
          )}
          {(progress ||
            due ||
            repeat ||
            reminder ||
            task.priority !== "none" ||
            task.tags.length > 0) && (
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
              {progress && (
                <SubtaskProgress
                  task={task}
                  folded={folded}
                  controls={subtasksId}
                  onFold={onFold}
                />
              )}
              {due && (
                <span
                  className={`inline-flex items-center gap-1 ${dueTone[due.tone]}`}
                  title={due.full}
                >
                  <CalendarIcon width={13} height={13} />
                  {due.overdue && <span className="sr-only">Overdue, due</span>}
                  {due.label}
                </span>
              )}
              {repeat && (
                <span className="inline-flex items-center gap-1 text-zinc-600 dark:text-zinc-400">
                  <RepeatIcon width={13} height={13} />
                  <span className="sr-only">Repeats:</span>
                  {repeat}
                </span>
              )}
              {reminder && (
                <span
                  className="inline-flex items-center gap-1 text-zinc-600 dark:text-zinc-400"
                  title={`Next reminder: ${reminder.full}`}
                >
                  <BellIcon width={13} height={13} />
                  <span className="sr-only">Next reminder:</span>
                  {reminder.label}
                </span>
              )}
              {task.priority !== "none" && (
                <span className={`inline-flex items-center gap-1 ${flagByPriority[task.priority]}`}>
                  <FlagIcon width={13} height={13} />
                  {priorityLabel[task.priority]}
                  <span className="sr-only"> priority</span>
                </span>
              )}
              {task.tags.map((tag) =>
                onTag ? (
                  <button
                    key={tag}
                    type="button"
                    dir="auto"
                    onClick={() => onTag(tag)}
                    aria-label={`Show tasks tagged ${tag}`}
                    className={`relative z-10 ${tagClass} hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-700 dark:hover:text-zinc-50 dark:focus-visible:outline-blue-400`}
                  >
                    #{tag}
                  </button>
                ) : (
                  <span key={tag} dir="auto" className={tagClass}>
                    #{tag}
                  </span>
                ),
              )}
            </div>
          )}
        </div>

        {onAddSubtask && <AddSubtaskButton task={task} disabled={saving} onAdd={onAddSubtask} />}
        <button
          type="button"
          disabled={saving}
          onClick={() => onDelete(task)}
          aria-label={`Delete “${task.title}”`}
          className="relative z-10 hidden size-8 shrink-0 items-center justify-center rounded-md text-zinc-500 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 hover:bg-zinc-200 hover:text-red-700 focus-visible:opacity-100 sm:inline-flex dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-red-400"
        >
          <TrashIcon />
        </button>
      </div>
      {children}
    </li>
  );
});
