"use client";

import { Button } from "@/components/ui/button";
import { BellIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";
import type { ReminderAlert } from "./use-reminder-alerts";

/** How long a reminder stays on screen unless acted on. */
const REMINDER_TOAST_MS = 5 * 60_000;

export interface ReminderActions {
  onComplete: (taskId: string) => void;
  onSnooze: (taskId: string) => void;
  onOpen: (taskId: string) => void;
}

function ReminderToast({
  alert,
  actions,
  close,
}: {
  alert: ReminderAlert;
  actions: ReminderActions;
  close: () => void;
}) {
  const act = (fn: (taskId: string) => void) => () => {
    close();
    fn(alert.taskId);
  };
  return (
    <div className="w-[356px] max-w-[calc(100vw-2rem)] rounded-xl border border-amber-200 bg-white p-3 text-zinc-900 shadow-lg dark:border-amber-500/30 dark:bg-zinc-900 dark:text-zinc-100">
      <div className="flex items-start gap-2.5">
        <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-200">
          <BellIcon width={15} height={15} />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium text-amber-800 dark:text-amber-300">Reminder</p>
          <button
            type="button"
            onClick={act(actions.onOpen)}
            className="block max-w-full text-left font-medium break-words hover:underline"
          >
            {alert.title}
          </button>
          <p className="text-sm text-zinc-600 dark:text-zinc-300">{alert.body}</p>
        </div>
      </div>
      <div className="mt-3 flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={close}>
          Dismiss
        </Button>
        <Button size="sm" variant="secondary" onClick={act(actions.onSnooze)}>
          Snooze 10 min
        </Button>
        <Button size="sm" variant="primary" onClick={act(actions.onComplete)}>
          Complete
        </Button>
      </div>
    </div>
  );
}

/** A reminder in the open tab: the task, Complete and Snooze 10 min; one toast per task. */
export function showReminderToast(alert: ReminderAlert, actions: ReminderActions): void {
  toast.custom(
    (id) => <ReminderToast alert={alert} actions={actions} close={() => toast.dismiss(id)} />,
    { id: `reminder-${alert.taskId}`, duration: REMINDER_TOAST_MS },
  );
}
