import { createProject, listProjects } from "@/db/queries/projects";
import { readJson } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { projectResponse, toProject } from "@/lib/server/projects/responses";
import { PROJECTS_MAX } from "@/lib/tasks/model";
import { projectInputSchema } from "@/lib/validation/projects";

type Params = { userId: string };

/** The caller's projects in order, archived ones included, and the Inbox's open count. */
export const GET = userRoute<Params>(
  "GET /api/{userId}/projects",
  async ({ userId, db, confirmAccount }) => {
    const { projects, inboxOpenTasks } = await listProjects(db, userId);
    if (projects.length === 0 && inboxOpenTasks === 0) await confirmAccount();
    return Response.json(
      { projects: projects.map(toProject), inbox: { openTasks: inboxOpenTasks } },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

/** Creates a project, last in the order: 201 with the project and its Location. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/projects",
  async ({ request, userId, db, confirmAccount }) => {
    const input = await readJson(request, projectInputSchema);
    const row = await createProject(db, userId, input);
    if (!row) {
      await confirmAccount();
      throw new ApiError(
        "conflict",
        `You have ${PROJECTS_MAX} projects, as many as one account can hold. Delete one first.`,
      );
    }
    return projectResponse(row, {
      status: 201,
      headers: { Location: `/api/${encodeURIComponent(userId)}/projects/${row.id}` },
    });
  },
);

export const { PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/projects", ["GET", "POST"]);
