import "server-only";
import { pgConstraint } from "@/db/errors";
import { ApiError } from "./errors";

/**
 * The constraints that guard what a request names (another user's project or task, a name in
 * use, a subtask under a subtask), each turned into the 4xx it means. The database is where
 * these rules hold for every writer; this is where their answers are worded, once.
 */
const ANSWERS: Record<string, () => ApiError> = {
  // (project_id, user_id) → projects: a project that is not the caller's does not exist.
  tasks_project_fk: () => invalid("projectId", "Not one of your projects"),
  // (parent_id, user_id) → tasks: the same for a parent task.
  tasks_parent_fk: () => invalid("parentId", "Not one of your tasks"),
  tasks_not_own_parent: () => invalid("parentId", "A task cannot be its own subtask"),
  // Raised by the tasks_subtask_rules trigger (drizzle/0004_organise.sql).
  tasks_parent_top_level: () =>
    invalid("parentId", "Subtasks go one level deep: this task is a subtask or has subtasks"),
  tasks_subtasks_max: () => invalid("parentId", "This task has as many subtasks as it can hold"),
  projects_user_name_idx: () =>
    new ApiError("conflict", "You already have a project with this name.", [
      { path: "name", message: "You already have a project with this name" },
    ]),
};

function invalid(path: string, message: string): ApiError {
  return new ApiError("validation_failed", `${path}: ${message}`, [{ path, message }]);
}

/** The answer for a write a named constraint refused, or undefined for any other error. */
export function constraintAnswer(error: unknown): ApiError | undefined {
  const name = pgConstraint(error);
  return name !== undefined && Object.hasOwn(ANSWERS, name) ? ANSWERS[name]?.() : undefined;
}
