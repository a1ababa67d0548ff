import { unsupportedMethods } from "@/lib/server/http/methods";
import { readQuery } from "@/lib/server/http/query";
import { userRoute } from "@/lib/server/http/user-route";
import { importFile } from "@/lib/server/transfer/import";
import { importQuerySchema } from "@/lib/validation/transfer";

type Params = { userId: string };

/**
 * Imports a Doable export (JSON or CSV) or a Todoist CSV sent as the body. ?dryRun=1 answers
 * what would be created and every row that cannot be read, writing nothing; otherwise all of the
 * file is imported or, if any row has a problem, none of it (400 naming the rows).
 */
export const POST = userRoute<Params>(
  "POST /api/{userId}/import",
  async ({ request, userId, db, batch, confirmAccount, timeZone }) => {
    const { dryRun, project } = readQuery(request, importQuerySchema);
    const result = await importFile({
      request,
      db,
      batch,
      userId,
      dryRun,
      project,
      timeZone,
      confirmAccount,
    });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/import", ["POST"]);
