/**
 * A local push service for tests, on plain http://127.0.0.1. It checks what a real push service
 * checks (RFC 8030 and RFC 8292: POST, aes128gcm, TTL, a VAPID JWT signed for its origin, at most
 * 4096 bytes) and then decrypts the body as the browser would (RFC 8291, with http_ece and the
 * subscription's private key), so a test sees exactly what a service worker would get.
 */
import { createECDH, type ECDH, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import type net from "node:net";
import { importJWK, jwtVerify } from "jose";

/** http_ece ships no types; the one call the receiver makes. */
interface HttpEce {
  decrypt(
    buffer: Buffer,
    params: { version: "aes128gcm"; privateKey: ECDH; authSecret: Buffer },
  ): Buffer;
}
const ece = createRequire(import.meta.url)("http_ece") as HttpEce;

/** Push services refuse larger bodies (413). */
const MAX_BODY_BYTES = 4096;
/** RFC 8292: a VAPID JWT may not be valid for more than 24 hours. */
const MAX_JWT_LIFETIME_S = 24 * 60 * 60;

export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushRejection {
  /** The endpoint the request was for, or null when the path named no subscription. */
  endpoint: string | null;
  status: number;
  reason: string;
}

export interface PushReceiver {
  /** A new browser-like subscription: fresh P-256 key pair and 16-byte auth secret generated here (node:crypto ECDH), endpoint http://127.0.0.1:<port>/push/<id>. */
  subscribe(): PushSubscriptionJson;
  /** Payloads received and decrypted for an endpoint (or all), in arrival order, parsed as JSON. */
  received(endpoint?: string): unknown[];
  /** From now on answer this endpoint with the status (e.g. 410 Gone, 404, 500). */
  answer(endpoint: string, status: number): void;
  /** Requests refused (400 malformed, 404 unknown subscription, 413 too large), in order. */
  rejections(endpoint?: string): PushRejection[];
  /** The receiver's origin, the `aud` every VAPID JWT must carry. */
  readonly origin: string;
  close(): Promise<void>;
}

interface Subscription {
  endpoint: string;
  ecdh: ECDH;
  authSecret: Buffer;
}

/** A refusal with its status; the message is the reason, answered and recorded. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const subscriptions = new Map<string, Subscription>();
  const answers = new Map<string, number>();
  const deliveries: { endpoint: string; payload: unknown }[] = [];
  const refused: PushRejection[] = [];
  const sockets = new Set<net.Socket>();
  let origin = "";

  async function handle(request: http.IncomingMessage): Promise<Subscription> {
    const id = /^\/push\/([\w-]+)$/.exec(request.url ?? "")?.[1];
    const subscription = id ? subscriptions.get(id) : undefined;
    if (!subscription) throw new Refusal(404, "no such subscription");
    const forced = answers.get(subscription.endpoint);
    if (forced) throw new Refusal(forced, `answering ${forced} as told`);
    if (request.method !== "POST") throw new Refusal(400, `method ${request.method}, not POST`);

    const ttl = request.headers.ttl;
    if (typeof ttl !== "string" || !/^\d+$/.test(ttl)) throw new Refusal(400, "missing TTL");
    const urgency = request.headers.urgency;
    if (urgency !== undefined && !["very-low", "low", "normal", "high"].includes(`${urgency}`)) {
      throw new Refusal(400, `bad Urgency ${urgency}`);
    }
    await checkVapid(request.headers.authorization, origin);

    const body = await readBody(request);
    if (request.headers["content-encoding"] !== "aes128gcm") {
      throw new Refusal(400, `Content-Encoding ${request.headers["content-encoding"]}`);
    }
    let plaintext: Buffer;
    try {
      plaintext = ece.decrypt(body, {
        version: "aes128gcm",
        privateKey: subscription.ecdh,
        authSecret: subscription.authSecret,
      });
    } catch (error) {
      throw new Refusal(400, `cannot decrypt: ${(error as Error).message}`);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(plaintext.toString("utf8"));
    } catch {
      throw new Refusal(400, "payload is not JSON");
    }
    deliveries.push({ endpoint: subscription.endpoint, payload });
    return subscription;
  }

  const server = http.createServer((request, response) => {
    handle(request).then(
      () => {
        response.writeHead(201, { Location: `/message/${randomUUID()}` }).end();
      },
      (error: unknown) => {
        const status = error instanceof Refusal ? error.status : 500;
        const reason = error instanceof Error ? error.message : String(error);
        const id = /^\/push\/([\w-]+)$/.exec(request.url ?? "")?.[1];
        const endpoint = (id && subscriptions.get(id)?.endpoint) || null;
        if (!answers.has(endpoint ?? "")) refused.push({ endpoint, status, reason });
        // Drain what the client still sends so it reads the answer, not a reset.
        request.resume();
        response.writeHead(status, { "Content-Type": "text/plain" }).end(reason);
      },
    );
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;

  return {
    origin,
    subscribe() {
      const ecdh = createECDH("prime256v1");
      const publicKey = ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const id = randomUUID();
      const endpoint = `${origin}/push/${id}`;
      subscriptions.set(id, { endpoint, ecdh, authSecret });
      return {
        endpoint,
        keys: { p256dh: publicKey.toString("base64url"), auth: authSecret.toString("base64url") },
      };
    },
    received(endpoint) {
      return deliveries.filter((d) => !endpoint || d.endpoint === endpoint).map((d) => d.payload);
    },
    answer(endpoint, status) {
      answers.set(endpoint, status);
    },
    rejections(endpoint) {
      return refused.filter((r) => !endpoint || r.endpoint === endpoint);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Imported once per sender key: a benchmark sends thousands of pushes signed by one key. */
const vapidKeys = new Map<string, ReturnType<typeof importJWK>>();
function vapidKey(k: string, key: Buffer): ReturnType<typeof importJWK> {
  let imported = vapidKeys.get(k);
  if (!imported) {
    imported = importJWK(
      {
        kty: "EC",
        crv: "P-256",
        x: key.subarray(1, 33).toString("base64url"),
        y: key.subarray(33).toString("base64url"),
      },
      "ES256",
    );
    vapidKeys.set(k, imported);
  }
  return imported;
}

/** `Authorization: vapid t=<jwt>, k=<public key>` with a JWT for `audience`, unexpired, ES256 by k. */
async function checkVapid(header: string | undefined, audience: string): Promise<void> {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? "");
  if (!match?.[1] || !match[2]) throw new Refusal(400, "missing VAPID Authorization");
  const key = Buffer.from(match[2], "base64url");
  if (key.length !== 65 || key[0] !== 0x04) throw new Refusal(400, "VAPID k is no P-256 key");
  let claims: { exp?: number; sub?: unknown };
  try {
    const publicKey = await vapidKey(match[2], key);
    ({ payload: claims } = await jwtVerify(match[1], publicKey, {
      algorithms: ["ES256"],
      audience,
      requiredClaims: ["exp"],
    }));
  } catch (error) {
    throw new Refusal(400, `VAPID JWT refused: ${(error as Error).message}`);
  }
  if ((claims.exp ?? 0) > Date.now() / 1000 + MAX_JWT_LIFETIME_S) {
    throw new Refusal(400, "VAPID JWT valid for more than 24 hours");
  }
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub)) {
    throw new Refusal(400, "VAPID sub is not a mailto: or https: URL");
  }
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new Refusal(413, `body of ${declared} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Refusal(413, `body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
