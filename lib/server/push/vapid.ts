import "server-only";
import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { getEnv } from "@/lib/server/env";

/** The VAPID identity this server signs its pushes with (RFC 8292). */
export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url (what the browser's `applicationServerKey` takes). */
  publicKey: string;
  /** The 32-byte private key, base64url. */
  privateKey: string;
  /** Who push services contact about this server's pushes: `mailto:` or `https:`. */
  subject: string;
}

let cached: { keys: VapidKeys | null } | undefined;

/**
 * The VAPID keys: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or outside production a pair generated
 * once into `DATA_DIR/vapid-keys.json` so `npm run dev` needs no setup (the pair must stay stable:
 * browsers' subscriptions are bound to the public key).
 *
 * **`null` in production without keys: push is off** (reminders are not sent by push, and the
 * API offers no key to subscribe with).
 *
 * The subject is VAPID_SUBJECT, or `mailto:` and the address inside MAIL_FROM. Cached per process.
 */
export function getVapidKeys(): VapidKeys | null {
  cached ??= { keys: loadVapidKeys() };
  return cached.keys;
}

/** For tests that change process.env or DATA_DIR between cases. */
export function resetVapidKeysCache(): void {
  cached = undefined;
}

function loadVapidKeys(): VapidKeys | null {
  const env = getEnv();
  const subject = env.VAPID_SUBJECT ?? `mailto:${mailAddress(env.MAIL_FROM)}`;
  // lib/server/env.ts refuses one key without the other.
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  }
  if (env.isProduction) return null;
  return { ...generatedKeyPair(path.resolve(env.DATA_DIR, "vapid-keys.json")), subject };
}

/** "Doable <no-reply@doable.local>" -> "no-reply@doable.local"; a bare address stays as it is. */
function mailAddress(from: string): string {
  return (/<([^<>\s]+)>/.exec(from)?.[1] ?? from).trim();
}

/** The development pair, as lib/server/auth/secret.ts does for the auth secret. */
function generatedKeyPair(file: string): { publicKey: string; privateKey: string } {
  try {
    return readKeyPair(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": if another process created it first, fall through and read theirs.
      const { publicKey, privateKey } = webpush.generateVAPIDKeys();
      fs.writeFileSync(file, `${JSON.stringify({ publicKey, privateKey })}\n`, {
        flag: "wx",
        mode: 0o600,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return readKeyPair(file);
  }
}

function readKeyPair(file: string): { publicKey: string; privateKey: string } {
  let parsed: Record<string, unknown> = {};
  // The process that won the "wx" race may not have written its pair yet: wait up to ~0.5 s.
  for (let attempt = 0; ; attempt++) {
    try {
      parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
      break;
    } catch (error) {
      if (!(error instanceof SyntaxError) || attempt >= 50) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  if (typeof parsed.publicKey !== "string" || typeof parsed.privateKey !== "string") {
    throw new Error(`${file} holds no VAPID key pair: delete it to generate a new one.`);
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}
