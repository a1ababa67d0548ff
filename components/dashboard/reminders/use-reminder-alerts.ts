"use client";

import { useCallback, useEffect, useRef } from "react";
import type { Task } from "@/lib/tasks/model";
import { describeDue } from "../due";

/** A reminder to show in the open tab. */
export interface ReminderAlert {
  taskId: string;
  title: string;
  body: string;
}

/** Two alerts for one task this close together are the same reminder (timer and push). */
const SAME_MS = 2 * 60_000;
/** A reminder that came due while the tab was hidden still shows this long afterwards. */
const LATE_MS = 60 * 60_000;
/** setTimeout's longest wait is about 24.8 days; look again at least hourly anyway. */
const MAX_WAIT_MS = 60 * 60_000;
const SHOWN_KEY = "doable-reminders-shown";

/** Reminders shown in this tab's session (a reload does not show them again). */
function shownTimes(): Record<string, number[]> {
  try {
    return JSON.parse(sessionStorage.getItem(SHOWN_KEY) ?? "{}") as Record<string, number[]>;
  } catch {
    return {};
  }
}

/** True the first time a reminder for the task at `at` is claimed; false for a duplicate. */
function claim(taskId: string, at: number): boolean {
  const shown = shownTimes();
  const times = shown[taskId] ?? [];
  if (times.some((t) => Math.abs(t - at) < SAME_MS)) return false;
  shown[taskId] = [...times.slice(-4), at];
  try {
    sessionStorage.setItem(SHOWN_KEY, JSON.stringify(shown));
  } catch {
    // Storage full or off: the in-memory answer above still holds for this call.
  }
  return true;
}

const reminderAt = (task: Task) =>
  task.nextReminderAt && !task.completed ? Date.parse(task.nextReminderAt) : Number.NaN;

function bodyOf(task: Task): string {
  if (!task.dueAt) return "Reminder";
  const { label } = describeDue(task.dueAt, false);
  return `Due ${label.replace(/^(Today|Tomorrow|Yesterday)\b/, (day) => day.toLowerCase())}`;
}

/**
 * Reminders that come due while the dashboard is open, shown once each: from the service
 * worker's message when a push arrives for a visible tab, and from a timer over the loaded
 * tasks' nextReminderAt for browsers without push (or before the push arrives). A system
 * notification clicked elsewhere asks this tab to open its task.
 */
export function useReminderAlerts(
  tasks: Task[],
  show: (alert: ReminderAlert) => void,
  openTask: (taskId: string) => void,
): void {
  const showRef = useRef(show);
  showRef.current = show;
  const openRef = useRef(openTask);
  openRef.current = openTask;
  const tasksRef = useRef(tasks);
  tasksRef.current = tasks;
  const openedAt = useRef(Date.now());

  const alert = useCallback((task: Pick<Task, "id" | "title">, body: string, at: number) => {
    if (claim(task.id, at)) showRef.current({ taskId: task.id, title: task.title, body });
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (document.visibilityState !== "visible") return;
      const now = Date.now();
      const since = Math.max(openedAt.current - 60_000, now - LATE_MS);
      for (const task of tasks) {
        const at = reminderAt(task);
        if (at <= now && at > since) alert(task, bodyOf(task), at);
      }
    };
    const schedule = () => {
      const now = Date.now();
      const next = Math.min(...tasks.map(reminderAt).filter((at) => at > now));
      if (!Number.isFinite(next)) return;
      timer = setTimeout(
        () => {
          check();
          schedule();
        },
        Math.min(next - now + 100, MAX_WAIT_MS),
      );
    };
    check();
    schedule();
    document.addEventListener("visibilitychange", check);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", check);
    };
  }, [tasks, alert]);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let stop = () => {};
    let cancelled = false;
    void import("@/lib/push-client").then(({ onReminderMessage, onOpenTaskMessage }) => {
      if (cancelled) return;
      const offReminder = onReminderMessage((reminder) => {
        // The loaded task still names the reminder this push is for, unless it was reloaded.
        const known = tasksRef.current.find((t) => t.id === reminder.taskId);
        const at = known ? reminderAt(known) : Number.NaN;
        alert(
          { id: reminder.taskId, title: reminder.title },
          reminder.body,
          Number.isNaN(at) ? Date.now() : Math.min(at, Date.now()),
        );
      });
      const offOpen = onOpenTaskMessage((taskId) => openRef.current(taskId));
      stop = () => {
        offReminder();
        offOpen();
      };
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [alert]);
}
