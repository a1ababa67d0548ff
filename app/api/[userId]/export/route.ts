import { unsupportedMethods } from "@/lib/server/http/methods";
import { readQuery } from "@/lib/server/http/query";
import { userRoute } from "@/lib/server/http/user-route";
import { exportResponse } from "@/lib/server/transfer/export-stream";
import { exportQuerySchema } from "@/lib/validation/transfer";

type Params = { userId: string };

/**
 * Everything the caller owns as a download: the versioned JSON document, or with ?format=csv
 * the flat CSV (README.md, "Export and import"). Streamed a page of tasks at a time.
 */
export const GET = userRoute<Params>(
  "GET /api/{userId}/export",
  async ({ request, userId, db, requestId, confirmAccount, timeZone }) => {
    const { format } = readQuery(request, exportQuerySchema);
    return exportResponse({
      db,
      userId,
      type: format,
      timeZone: await timeZone(),
      requestId,
      confirmAccount,
    });
  },
);

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/export", ["GET"]);
