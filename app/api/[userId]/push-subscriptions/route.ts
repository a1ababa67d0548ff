import { listSubscriptions, saveSubscription } from "@/db/queries/push-subscriptions";
import { readJson } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { userRoute } from "@/lib/server/http/user-route";
import { toDevice } from "@/lib/server/push/devices";
import { validatePushSubscription } from "@/lib/server/push/send";
import { getVapidKeys } from "@/lib/server/push/vapid";
import { pushSubscribeBodySchema } from "@/lib/validation/push";

type Params = { userId: string };

const noStore = { "Cache-Control": "no-store" };

/** This user's subscribed browsers, and the key a browser subscribes with (null: push is off). */
export const GET = userRoute<Params>(
  "GET /api/{userId}/push-subscriptions",
  async ({ userId, db }) => {
    const rows = await listSubscriptions(db, userId);
    return Response.json(
      { vapidPublicKey: getVapidKeys()?.publicKey ?? null, devices: rows.map(toDevice) },
      { headers: noStore },
    );
  },
);

/** Subscribes this browser to the user's reminders: 201 with the device. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/push-subscriptions",
  async ({ request, userId, db }) => {
    const { subscription, label } = await readJson(request, pushSubscribeBodySchema);
    if (!getVapidKeys()) {
      throw new ApiError("unavailable", "Push notifications are not set up on this server.");
    }
    const target = validatePushSubscription(subscription);
    if (!target) {
      const message = "Not a push subscription this server can use";
      throw new ApiError("validation_failed", `subscription: ${message}`, [
        { path: "subscription", message },
      ]);
    }
    const row = await saveSubscription(db, userId, { ...target, label });
    return Response.json(toDevice(row), { status: 201, headers: noStore });
  },
);

export const { PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/push-subscriptions", [
  "GET",
  "POST",
]);
