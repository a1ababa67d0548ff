import "server-only";

/** The planner's operations of the OpenAPI document: skip, snooze, push devices, the cron. */

import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { pushSubscribeBodySchema } from "@/lib/validation/push";
import { snoozeBodySchema } from "@/lib/validation/task-planning";
import { pushDeviceSchema } from "@/lib/validation/task-responses";
import { jsonContent } from "./content";
import { errors } from "./errors";
import { ownerPath, secured, taskAnswer, taskPath } from "./tasks";

export const REMINDERS = "Reminders";
const onReminders = { ...secured, tags: [REMINDERS] };

const skipTask: ZodOpenApiOperationObject = {
  ...secured,
  operationId: "skipOccurrence",
  summary: "Skip this occurrence of a repeating task",
  description:
    "Moves the task to its next date without completing it. 409 when the task does not repeat, is completed, or is on its last date.",
  requestParams: { path: taskPath },
  responses: {
    "200": taskAnswer("The task on its next date."),
    ...errors("unauthorized", "forbidden", "not_found", "conflict"),
  },
};

const snooze: ZodOpenApiOperationObject = {
  ...onReminders,
  operationId: "snoozeReminder",
  summary: "Remind again later",
  description:
    "The reminder comes again after `minutes` (default 10); a sooner scheduled one stays.",
  requestParams: { path: taskPath },
  requestBody: { required: false, content: jsonContent(snoozeBodySchema) },
  responses: {
    "200": {
      description: "When the next reminder goes out.",
      content: jsonContent(z.object({ id: z.uuid(), nextReminderAt: z.iso.datetime().nullable() })),
    },
    ...errors("validation_failed", "unauthorized", "forbidden", "not_found", "payload_too_large"),
  },
};

const devicePath = z.object({ userId: ownerPath.shape.userId, id: z.uuid() });

const listDevices: ZodOpenApiOperationObject = {
  ...onReminders,
  operationId: "listPushDevices",
  summary: "The browsers that receive this user's reminders",
  requestParams: { path: ownerPath },
  responses: {
    "200": {
      description: "The devices, and the VAPID key to subscribe with (null: push is off here).",
      content: jsonContent(
        z.object({ vapidPublicKey: z.string().nullable(), devices: z.array(pushDeviceSchema) }),
      ),
    },
    ...errors("unauthorized", "forbidden"),
  },
};

const addDevice: ZodOpenApiOperationObject = {
  ...onReminders,
  operationId: "addPushDevice",
  summary: "Subscribe this browser to reminders",
  description:
    "Takes the browser's PushSubscription. An endpoint subscribed again (by whoever is signed in there now) moves to that user. At most 20 devices; beyond them the least recently used goes.",
  requestParams: { path: ownerPath },
  requestBody: { required: true, content: jsonContent(pushSubscribeBodySchema) },
  responses: {
    "201": { description: "The device.", content: jsonContent(pushDeviceSchema) },
    ...errors("validation_failed", "unauthorized", "forbidden", "payload_too_large"),
  },
};

const removeDevice: ZodOpenApiOperationObject = {
  ...onReminders,
  operationId: "removePushDevice",
  summary: "Stop sending reminders to a device",
  requestParams: { path: devicePath },
  responses: {
    "204": { description: "Removed." },
    ...errors("unauthorized", "forbidden", "not_found"),
  },
};

const testDevices: ZodOpenApiOperationObject = {
  ...onReminders,
  operationId: "testPushDevices",
  summary: "Send a test notification to every device",
  requestParams: { path: ownerPath },
  responses: {
    "200": {
      description: "How many pushes went out, were gone (those devices are removed) or failed.",
      content: jsonContent(z.object({ sent: z.number(), gone: z.number(), failed: z.number() })),
    },
    ...errors("unauthorized", "forbidden"),
  },
};

const cron: ZodOpenApiOperationObject = {
  tags: [REMINDERS],
  operationId: "dispatchReminders",
  summary: "Dispatch due reminders and purge the trash (Vercel Cron)",
  description:
    "Called by Vercel Cron every minute with `Authorization: Bearer <CRON_SECRET>`; 401 for anything else, 503 when CRON_SECRET is not set. Safe to run beside other dispatchers.",
  responses: {
    "200": {
      description: "What this run did.",
      content: jsonContent(
        z.looseObject({ claimed: z.number(), delivered: z.number(), trashPurged: z.number() }),
      ),
    },
    ...errors("unauthorized"),
  },
};

export const plannerPaths = {
  "/api/{userId}/tasks/{id}/skip": { post: skipTask },
  "/api/{userId}/tasks/{id}/reminders/snooze": { post: snooze },
  "/api/{userId}/push-subscriptions": { get: listDevices, post: addDevice },
  "/api/{userId}/push-subscriptions/{id}": { delete: removeDevice },
  "/api/{userId}/push-subscriptions/test": { post: testDevices },
  "/api/cron/reminders": { get: cron },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
