import "server-only";
import { ECDH } from "node:crypto";
import https from "node:https";
import net from "node:net";
import webpush from "web-push";
import type { ReminderPush } from "@/lib/push-client";
import { getEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { getVapidKeys, type VapidKeys } from "@/lib/server/push/vapid";
import { TITLE_MAX } from "@/lib/tasks/model";

/*
 * Web Push delivery (RFC 8030): web-push encrypts the payload for the subscription
 * (RFC 8291, aes128gcm) and signs the request with this server's VAPID key (RFC 8292).
 */

export type { ReminderPush };

/** "Send a test notification" in the account menu: a notification with no task behind it. */
export interface TestPush {
  type: "test";
  title: string;
  body: string;
}

export type PushPayload = ReminderPush | TestPush;

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushOutcome = "sent" | "gone" | "failed";

/**
 * The payload's JSON budget in bytes. Push services refuse bodies over 4096 bytes; aes128gcm adds
 * 103 (86 of header, a padding delimiter, a 16-byte tag), so 3993 would fit: keep a margin.
 */
export const PUSH_PAYLOAD_MAX_BYTES = 3_072;
const BODY_MAX = 500;
const ENDPOINT_MAX = 1_000;

/**
 * Sends one encrypted push; "gone" when the push service says the subscription no longer exists
 * (404/410), "failed" for anything else (logged without the endpoint's secret parts: the push
 * service's origin only). Throws when push is off (no VAPID keys in production).
 */
export async function sendPush(
  target: PushTarget,
  payload: PushPayload,
  options: { ttlSeconds?: number; timeoutMs?: number } = {},
): Promise<PushOutcome> {
  const vapid = getVapidKeys();
  if (!vapid) {
    throw new Error(
      "Push is off: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set (npx web-push generate-vapid-keys).",
    );
  }
  const endpoint = pushEndpoint(target.endpoint);
  if (!endpoint) {
    logger.warn("push endpoint is not an https URL (or http outside production): not sent");
    return "failed";
  }
  const body = fitPayload(payload);
  if (!body) {
    logger.warn({ pushService: endpoint.origin }, "push payload too large: not sent");
    return "failed";
  }
  try {
    await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      body,
      {
        // Signed once per push service and reused (vapidAuthorization), not once per push.
        headers: { Authorization: vapidAuthorization(endpoint.origin, vapid) },
        TTL: options.ttlSeconds ?? 3600,
        urgency: "high",
        timeout: options.timeoutMs ?? 10_000,
        // web-push speaks HTTPS only; a local receiver (tests, development) is plain http.
        ...(endpoint.protocol === "http:" ? { agent: plainHttpAgent() } : {}),
      },
    );
    return "sent";
  } catch (error) {
    const statusCode = error instanceof webpush.WebPushError ? error.statusCode : undefined;
    if (statusCode === 404 || statusCode === 410) return "gone";
    logger.warn(
      {
        pushService: endpoint.origin,
        statusCode,
        // The service's answer (never the endpoint, whose path is the subscription's secret).
        reason:
          error instanceof webpush.WebPushError
            ? String(error.body ?? "").slice(0, 200)
            : scrub(error, target.endpoint),
      },
      "push not delivered",
    );
    return "failed";
  }
}

/**
 * A PushSubscription's JSON (`{ endpoint, keys: { p256dh, auth } }`) as a push target, or null:
 * an https endpoint (http outside production, for local receivers) of at most 1000 characters,
 * p256dh an uncompressed P-256 public key and auth a 16-byte secret, both base64url.
 */
export function validatePushSubscription(value: unknown): PushTarget | null {
  if (!isRecord(value) || !isRecord(value.keys)) return null;
  const { endpoint } = value;
  const { p256dh, auth } = value.keys;
  if (typeof endpoint !== "string" || endpoint.length > ENDPOINT_MAX) return null;
  const url = pushEndpoint(endpoint);
  if (!url || url.username || url.password) return null;
  if (getEnv().isProduction && !isPublicHostName(url.hostname)) return null;
  const key = base64UrlBytes(p256dh);
  if (key?.length !== 65 || key[0] !== 0x04 || !onCurve(key)) return null;
  const secret = base64UrlBytes(auth);
  if (secret?.length !== 16) return null;
  return { endpoint, p256dh: key.toString("base64url"), auth: secret.toString("base64url") };
}

/* ------------------------------------------------------------------ helpers */

/** The endpoint as a URL if it may be pushed to: https, or http outside production. */
function pushEndpoint(endpoint: string): URL | null {
  if (!URL.canParse(endpoint)) return null;
  const url = new URL(endpoint);
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && !getEnv().isProduction) return url;
  return null;
}

/** Push services are public DNS names: no IP literals, localhost or single-label hosts. */
function isPublicHostName(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return net.isIP(host) === 0 && host.includes(".") && !/(^|\.)localhost\.?$/i.test(host);
}

/** A VAPID JWT is valid this long (RFC 8292 allows up to 24 h); renewed with an hour left. */
const VAPID_TOKEN_SECONDS = 12 * 60 * 60;
const vapidTokens = new Map<string, { header: string; expiresAt: number; key: string }>();

/**
 * The Authorization header for one push service's origin: web-push signs a new ES256 JWT on
 * every send otherwise, which at volume is most of a dispatcher's work.
 */
function vapidAuthorization(audience: string, vapid: VapidKeys): string {
  const now = Math.floor(Date.now() / 1000);
  const known = vapidTokens.get(audience);
  if (known && known.key === vapid.publicKey && known.expiresAt - now > 3600) return known.header;
  const expiresAt = now + VAPID_TOKEN_SECONDS;
  const { Authorization } = webpush.getVapidHeaders(
    audience,
    vapid.subject,
    vapid.publicKey,
    vapid.privateKey,
    "aes128gcm",
    expiresAt,
  );
  vapidTokens.set(audience, { header: Authorization, expiresAt, key: vapid.publicKey });
  return Authorization;
}

/** The JSON to send, with long texts cut so that it fits the budget; null if it cannot. */
function fitPayload(payload: PushPayload): string | null {
  let titleMax = TITLE_MAX;
  let bodyMax = BODY_MAX;
  for (;;) {
    const json = JSON.stringify({
      ...payload,
      title: truncate(payload.title, titleMax),
      body: truncate(payload.body, bodyMax),
    });
    if (Buffer.byteLength(json) <= PUSH_PAYLOAD_MAX_BYTES) return json;
    if (bodyMax === 0 && titleMax === 0) return null;
    // Multi-byte texts can still be too large: halve the body first, then the title.
    if (bodyMax > 0) bodyMax = Math.floor(bodyMax / 2);
    else titleMax = Math.floor(titleMax / 2);
  }
}

/** At most `max` code points (never half a surrogate pair), an ellipsis marking a cut. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return max === 0 ? "" : `${chars.slice(0, max - 1).join("")}…`;
}

let httpAgent: https.Agent | undefined;

/**
 * An agent for web-push's https.request that opens a plain TCP connection: web-push always calls
 * https.request, which would start TLS with a plain-http local receiver. Used only for http:
 * endpoints, which pushEndpoint() allows outside production alone; https endpoints keep Node's
 * TLS agent, certificate checks and all.
 */
function plainHttpAgent(): https.Agent {
  httpAgent ??= new PlainHttpAgent();
  return httpAgent;
}

class PlainHttpAgent extends https.Agent {
  override createConnection(options: net.NetConnectOpts): net.Socket {
    return net.createConnection(options);
  }
}

function base64UrlBytes(value: unknown): Buffer | null {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value, "base64url");
  // Only canonical encodings (no stray bits in the last character).
  return bytes.toString("base64url") === value.replace(/=+$/, "") ? bytes : null;
}

function onCurve(key: Buffer): boolean {
  try {
    ECDH.convertKey(key, "prime256v1");
    return true;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An error's message without the endpoint (its path is the subscription's capability). */
function scrub(error: unknown, endpoint: string): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split(endpoint).join("<endpoint>").slice(0, 200);
}
