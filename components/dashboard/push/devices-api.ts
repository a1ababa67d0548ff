import { request, requestJson, userPath } from "@/lib/api-client";
import type { PushDevice } from "@/lib/tasks/model";

/** The push-device API: the browsers subscribed to this user's reminders. */

export interface PushDevices {
  /** The key to subscribe with; null when the server has push turned off. */
  vapidPublicKey: string | null;
  devices: PushDevice[];
}

export interface TestPushResult {
  sent: number;
  gone: number;
  failed: number;
}

const devicesPath = (userId: string, ...rest: string[]) =>
  userPath(userId, "push-subscriptions", ...rest);

export function listDevices(userId: string): Promise<PushDevices> {
  return requestJson<PushDevices>(devicesPath(userId));
}

export function addDevice(
  userId: string,
  subscription: PushSubscriptionJSON,
  label: string,
): Promise<PushDevice> {
  return requestJson<PushDevice>(devicesPath(userId), {
    method: "POST",
    body: { subscription, label },
  });
}

export async function removeDevice(userId: string, id: string): Promise<void> {
  await request(devicesPath(userId, id), { method: "DELETE" });
}

export function sendTestPush(userId: string): Promise<TestPushResult> {
  return requestJson<TestPushResult>(devicesPath(userId, "test"), { method: "POST" });
}
