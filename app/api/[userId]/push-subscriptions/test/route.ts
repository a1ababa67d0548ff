import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { pushToUser } from "@/lib/server/reminders/deliver";

type Params = { userId: string };

/** Sends a test notification to every device of the user; answers what became of them. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/push-subscriptions/test",
  async ({ userId, db }) => {
    const outcome = await pushToUser(db, userId, {
      type: "test",
      title: "Doable notifications work",
      body: "Reminders will arrive like this, also with Doable closed.",
    });
    return Response.json(outcome, { headers: { "Cache-Control": "no-store" } });
  },
);

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods(
  "/api/{userId}/push-subscriptions/test",
  ["POST"],
);
