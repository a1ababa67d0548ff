"use client";

import { useCallback, useEffect, useState } from "react";
import useSWR from "swr";
import type { PushDevice } from "@/lib/tasks/model";
import { errorMessage } from "../report-error";
import { addDevice, listDevices, removeDevice, sendTestPush } from "./devices-api";
import { deviceLabel, rememberThisDevice, thisDeviceId } from "./this-device";

/**
 * This browser's push state: "unsupported" (no service worker, push or notifications here),
 * "denied" (blocked in the site settings), "default" (never asked), "off" (allowed but not
 * subscribed for this user), or "on".
 */
export type BrowserPush = "checking" | "unsupported" | "denied" | "default" | "off" | "on";

const UNDO_MS = 5_000;

async function browserState(userId: string, devices: PushDevice[]): Promise<BrowserPush> {
  const { pushSupport } = await import("@/lib/push-client");
  const support = pushSupport();
  if (support !== "granted") return support;
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  const id = thisDeviceId(userId);
  return subscription && id && devices.some((d) => d.id === id) ? "on" : "off";
}

/** The Notifications dialog's data and actions. */
export function usePushState(userId: string) {
  const devices = useSWR(["push-devices", userId], ([, uid]) => listDevices(uid), {
    revalidateOnFocus: true,
  });
  const [state, setState] = useState<BrowserPush>("checking");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Devices removed a moment ago, each with the timer that sends the removal (Undo stops it).
  const [removing, setRemoving] = useState<ReadonlyMap<string, ReturnType<typeof setTimeout>>>(
    new Map(),
  );
  const list = devices.data?.devices;

  const recheck = useCallback(async () => {
    setState(await browserState(userId, list ?? []).catch(() => "unsupported" as const));
  }, [userId, list]);

  useEffect(() => {
    if (list) void recheck();
  }, [list, recheck]);

  const turnOn = async () => {
    const key = devices.data?.vapidPublicKey;
    if (!key) return;
    setBusy(true);
    setError(null);
    try {
      const { subscribeToPush } = await import("@/lib/push-client");
      const subscription = await subscribeToPush(key);
      const device = await addDevice(userId, subscription, deviceLabel());
      rememberThisDevice(userId, device.id);
      await devices.mutate();
    } catch (cause) {
      const { pushSupport } = await import("@/lib/push-client");
      if (pushSupport() === "denied") setState("denied");
      else setError(cause instanceof Error ? cause.message : errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const sendTest = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const { sent, gone } = await sendTestPush(userId);
      setNotice(
        sent > 0
          ? `Test sent to ${sent} ${sent === 1 ? "device" : "devices"}: it should appear in a moment.`
          : `No device received the test.${gone ? " Subscriptions that had ended were removed." : ""}`,
      );
      if (gone) await devices.mutate();
    } catch (cause) {
      setNotice(`Couldn't send a test notification: ${errorMessage(cause)}`);
    } finally {
      setBusy(false);
    }
  };

  const forget = (id: string) => {
    clearTimeout(removing.get(id));
    setRemoving((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  };

  /** Removes a device after an undo window; this browser also ends its own subscription. */
  const remove = (device: PushDevice) => {
    const timer = setTimeout(async () => {
      try {
        await removeDevice(userId, device.id);
        if (device.id === thisDeviceId(userId)) {
          rememberThisDevice(userId, null);
          const { unsubscribeFromPush } = await import("@/lib/push-client");
          await unsubscribeFromPush();
        }
      } catch (cause) {
        setNotice(`Couldn't remove “${device.label}”: ${errorMessage(cause)}`);
      }
      await devices.mutate();
      forget(device.id);
    }, UNDO_MS);
    setRemoving((current) => new Map(current).set(device.id, timer));
  };

  return {
    state,
    busy,
    error,
    loading: devices.isLoading,
    loadError: devices.error ? errorMessage(devices.error) : null,
    vapidPublicKey: devices.data?.vapidPublicKey ?? null,
    notice,
    devices: list ?? [],
    removed: (id: string) => removing.has(id),
    undoRemove: forget,
    thisDevice: thisDeviceId(userId),
    turnOn,
    sendTest,
    remove,
    retry: () => void devices.mutate(),
  };
}
