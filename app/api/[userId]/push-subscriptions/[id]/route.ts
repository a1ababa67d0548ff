import { z } from "zod";
import { deleteSubscription } from "@/db/queries/push-subscriptions";
import { ApiError } from "@/lib/server/http/errors";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";

type Params = { userId: string; id: string };

const notFound = () => new ApiError("not_found", "Device not found.");

/** Removes one of the user's devices: 204. */
export const DELETE = userRoute<Params>(
  "DELETE /api/{userId}/push-subscriptions/{id}",
  async ({ userId, db, params }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success || !(await deleteSubscription(db, userId, id.data))) throw notFound();
    return new Response(null, { status: 204 });
  },
);

export const { GET, POST, PUT, PATCH } = unsupportedMethods(
  "/api/{userId}/push-subscriptions/{id}",
  ["DELETE"],
);
