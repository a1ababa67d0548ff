"use client";

import type { Task } from "@/lib/tasks/model";
import { showReminderToast } from "./reminder-toast";
import { useOpenTask } from "./use-open-task";
import { useReminderAlerts } from "./use-reminder-alerts";

/**
 * What runs beside the list without showing anything of its own: reminders that come due in
 * this tab (as toasts with Complete and Snooze), and opening the task a notification names.
 * Loaded after the page (lazy-effects.tsx): nothing here is needed for the first paint.
 */
export function PlannerEffects({
  userId,
  tasks,
  loaded,
  edit,
  showInAll,
  complete,
  snooze,
}: {
  userId: string;
  tasks: Task[];
  loaded: boolean;
  edit: (task: Task) => void;
  showInAll: (task: Task) => void;
  complete: (task: Task) => void;
  snooze: (taskId: string) => void;
}) {
  const openTask = useOpenTask({ userId, tasks, loaded, edit, showInAll });
  useReminderAlerts(
    tasks,
    (alert) =>
      showReminderToast(alert, {
        onComplete: (taskId) => {
          const task = tasks.find((t) => t.id === taskId);
          if (task) complete(task);
          else openTask(taskId);
        },
        onSnooze: snooze,
        onOpen: openTask,
      }),
    openTask,
  );
  return null;
}
