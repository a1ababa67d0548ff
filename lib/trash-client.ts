import { request, requestJson, userPath } from "@/lib/api-client";
import type { Task, TaskEvent, TrashList } from "@/lib/tasks/model";

/** The browser's calls to the trash and to a task's history (tokens as in api-client.ts). */

const trashPath = (userId: string, ...rest: string[]) => userPath(userId, "trash", ...rest);

export function listTrash(userId: string, cursor?: string | null): Promise<TrashList> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return requestJson<TrashList>(`${trashPath(userId)}${query}`);
}

/** Puts a trashed task back (with the subtasks deleted with it); answers the task. */
export function restoreFromTrash(userId: string, id: string): Promise<Task> {
  return requestJson<Task>(trashPath(userId, id, "restore"), { method: "POST" });
}

export async function deleteForever(userId: string, id: string): Promise<void> {
  await request(trashPath(userId, id), { method: "DELETE" });
}

/** Deletes everything in the trash for good; answers how many tasks went. */
export async function emptyTrash(userId: string): Promise<number> {
  const { deleted } = await requestJson<{ deleted: number }>(trashPath(userId), {
    method: "DELETE",
  });
  return deleted;
}

export async function taskHistory(userId: string, taskId: string): Promise<TaskEvent[]> {
  const { events } = await requestJson<{ events: TaskEvent[] }>(
    userPath(userId, "tasks", taskId, "history"),
  );
  return events;
}
