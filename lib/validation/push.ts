/** The push-device API's bodies (the subscription's own checks: lib/server/push/send.ts). */
import { z } from "zod";
import { line, unknownFields } from "./text";

export const DEVICE_LABEL_MAX = 100;

export const pushSubscribeBodySchema = z
  .strictObject(
    {
      subscription: z.looseObject({}).meta({
        description:
          "The browser's PushSubscription as JSON: { endpoint, keys: { p256dh, auth } }.",
      }),
      label: line("label")
        .trim()
        .min(1, "label must not be empty")
        .max(DEVICE_LABEL_MAX, `label must be at most ${DEVICE_LABEL_MAX} characters`)
        .meta({
          description: "How the device list names this browser.",
          example: "Chrome on Linux",
        }),
    },
    { error: unknownFields("field") },
  )
  .meta({ id: "PushSubscribeBody" });
