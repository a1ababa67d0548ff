import "server-only";
import type { TaskRecord } from "@/db/queries/task-columns";
import type { Task } from "@/lib/tasks/model";

/** A stored task as the API returns it: the public fields only, timestamps as ISO-8601 UTC. */
export function toTask(row: TaskRecord): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
    priority: row.priority,
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    tags: row.tags,
    repeat:
      row.repeatRule && row.repeatFrom ? { rule: row.repeatRule, from: row.repeatFrom } : null,
    reminders: row.reminders,
    nextReminderAt: row.nextReminderAt ? row.nextReminderAt.toISOString() : null,
    nextOccurrenceId: row.nextOccurrenceId,
    projectId: row.projectId,
    parentId: row.parentId,
    position: row.position,
    // Number(): a driver may hand a subquery's count back as text.
    subtasks: { total: Number(row.subtasksTotal), done: Number(row.subtasksDone) },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
