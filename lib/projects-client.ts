import { request, requestJson, userPath } from "@/lib/api-client";
import type {
  Project,
  ProjectDeleteTasks,
  ProjectInput,
  ProjectList,
  ProjectPatch,
  Task,
  TaskMove,
} from "@/lib/tasks/model";

/** The browser's calls to the projects API and the task move (tokens as in api-client.ts). */

const projectsPath = (userId: string, ...rest: string[]) => userPath(userId, "projects", ...rest);

export function listProjects(userId: string): Promise<ProjectList> {
  return requestJson<ProjectList>(projectsPath(userId));
}

export function createProject(userId: string, input: ProjectInput): Promise<Project> {
  return requestJson<Project>(projectsPath(userId), { method: "POST", body: input });
}

export function updateProject(userId: string, id: string, patch: ProjectPatch): Promise<Project> {
  return requestJson<Project>(projectsPath(userId, id), { method: "PATCH", body: patch });
}

/** Deletes a project; its tasks go to the Inbox ("move") or with it ("delete"). */
export async function deleteProject(
  userId: string,
  id: string,
  tasks: ProjectDeleteTasks,
  options: { keepalive?: boolean } = {},
): Promise<void> {
  await request(`${projectsPath(userId, id)}?tasks=${tasks}`, {
    method: "DELETE",
    keepalive: options.keepalive,
  });
}

/** Moves a task in its list's manual order (after or before a task, or to the end). */
export function moveTask(userId: string, id: string, move: TaskMove): Promise<Task> {
  return requestJson<Task>(userPath(userId, "tasks", id, "move"), { method: "POST", body: move });
}
