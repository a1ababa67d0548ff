"use client";

import { useEffect } from "react";
import { type LoginReason, sendToLogin } from "@/lib/api-client";

const CHANNEL = "doable-session";
/** How often an open, visible dashboard asks whether its session still holds. */
export const SESSION_WATCH_MS = 30_000;

/*
 * One channel object per tab, for listening and announcing alike: a message is delivered to
 * every other object on the channel, in other tabs and in this one, but never to its sender, so
 * the tab that announces does not send itself to the login page.
 */
let channel: BroadcastChannel | null | undefined;
function tabChannel(): BroadcastChannel | null {
  channel ??= typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
  return channel;
}

/** Tells this browser's other tabs that the session ended here (sign-out, account deletion). */
export function announceSessionEnd(reason: LoginReason): void {
  tabChannel()?.postMessage(reason);
}

/**
 * Sends a tab whose session ended to the login page, with the reason: at once when another tab
 * of this browser announces it, and otherwise within SESSION_WATCH_MS while the tab is visible
 * (and when it becomes visible again), for sessions ended on another device.
 */
export function useSessionWatch(): void {
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.data === "signed-out" || event.data === "session-ended") sendToLogin(event.data);
    };
    tabChannel()?.addEventListener("message", onMessage);
    const check = async () => {
      if (document.visibilityState !== "visible") return;
      const { authClient } = await import("@/lib/auth-client");
      const result = await authClient.getSession().catch(() => null);
      // No answer (offline) proves nothing; an answer without a session does.
      if (result && !result.error && !result.data) sendToLogin("session-ended");
    };
    const timer = setInterval(() => void check(), SESSION_WATCH_MS);
    const onVisible = () => void check();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      tabChannel()?.removeEventListener("message", onMessage);
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
}
