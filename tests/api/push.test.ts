/**
 * Web Push delivery (lib/server/push): pushes encrypted and signed by web-push, received by a
 * local push service that checks them as a real one would and decrypts them as a browser would
 * (tests/support/push-receiver.ts); subscription validation; the VAPID keys. No database.
 */
import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { resetEnvCache } from "@/lib/server/env";
import {
  PUSH_PAYLOAD_MAX_BYTES,
  type PushTarget,
  type ReminderPush,
  sendPush,
  validatePushSubscription,
} from "@/lib/server/push/send";
import { getVapidKeys, resetVapidKeysCache } from "@/lib/server/push/vapid";
import { type PushReceiver, startPushReceiver } from "../support/push-receiver";

const ENV_NAMES = [
  "NODE_ENV",
  "DATA_DIR",
  "VAPID_PUBLIC_KEY",
  "VAPID_PRIVATE_KEY",
  "VAPID_SUBJECT",
  "MAIL_FROM",
  "BETTER_AUTH_SECRET",
  "BETTER_AUTH_URL",
] as const;
const savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
const tempDirs: string[] = [];

/** Sets (or with undefined, removes) variables and forgets what was derived from the old ones. */
function setEnv(vars: Partial<Record<(typeof ENV_NAMES)[number], string | undefined>>): void {
  const env = process.env as Record<string, string | undefined>;
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  resetEnvCache();
  resetVapidKeysCache();
}

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doable-push-"));
  tempDirs.push(dir);
  return path.join(dir, "data");
}

const defaults = {
  NODE_ENV: "test",
  VAPID_PUBLIC_KEY: undefined,
  VAPID_PRIVATE_KEY: undefined,
  VAPID_SUBJECT: undefined,
  MAIL_FROM: undefined,
};

/** Production needs an auth secret and URL (lib/server/env.ts). */
const productionEnv = {
  ...defaults,
  NODE_ENV: "production",
  BETTER_AUTH_SECRET: "push-test-secret-0123456789-0123456789",
  BETTER_AUTH_URL: "https://doable.example.com",
};

afterAll(() => {
  setEnv(savedEnv);
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function target(subscription: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  return { endpoint: subscription.endpoint, ...subscription.keys } satisfies PushTarget;
}

function reminder(overrides: Partial<ReminderPush> = {}): ReminderPush {
  return {
    type: "reminder",
    taskId: "3f0e8a52-4c1b-4b8e-9a51-1f6f2d7c9b10",
    userId: "user-1",
    title: "Water the plants",
    body: "Due today at 18:00",
    dueAt: "2030-05-01T18:00:00.000Z",
    url: "/dashboard?task=3f0e8a52-4c1b-4b8e-9a51-1f6f2d7c9b10",
    ...overrides,
  };
}

describe("sendPush", () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    setEnv({ ...defaults, DATA_DIR: tempDataDir() });
    receiver = await startPushReceiver();
  });
  afterAll(() => receiver.close());

  it("delivers an encrypted, VAPID-signed push that decrypts to what was sent", async () => {
    const subscription = receiver.subscribe();
    const sent = reminder();
    expect(await sendPush(target(subscription), sent)).toBe("sent");
    expect(receiver.received(subscription.endpoint)).toEqual([sent]);
    expect(receiver.rejections()).toEqual([]);
    // In arrival order, and only for that endpoint.
    const second = reminder({ title: "Second", dueAt: null });
    expect(await sendPush(target(subscription), second, { ttlSeconds: 60 })).toBe("sent");
    expect(receiver.received(subscription.endpoint)).toEqual([sent, second]);
    expect(receiver.received(receiver.subscribe().endpoint)).toEqual([]);
  });

  it('"gone" when the push service answers 410 or 404, "failed" on 500', async () => {
    const cases = [
      [410, "gone"],
      [404, "gone"],
      [500, "failed"],
    ] as const;
    for (const [status, outcome] of cases) {
      const subscription = receiver.subscribe();
      receiver.answer(subscription.endpoint, status);
      expect(await sendPush(target(subscription), reminder()), String(status)).toBe(outcome);
      expect(receiver.received(subscription.endpoint)).toEqual([]);
    }
  });

  it('"gone" for a subscription the push service does not know', async () => {
    const { keys } = receiver.subscribe();
    const endpoint = `${receiver.origin}/push/unknown`;
    expect(await sendPush({ endpoint, ...keys }, reminder())).toBe("gone");
  });

  it("truncates a 10,000-character title so that the push stays under the size limit", async () => {
    const subscription = receiver.subscribe();
    const long = reminder({ title: "t".repeat(10_000), body: "b".repeat(10_000) });
    expect(await sendPush(target(subscription), long)).toBe("sent");
    const [arrived] = receiver.received(subscription.endpoint) as ReminderPush[];
    expect(arrived?.title.length).toBeLessThan(300);
    expect(arrived?.title.endsWith("…")).toBe(true);
    expect(arrived?.title.startsWith("tttt")).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(arrived))).toBeLessThanOrEqual(PUSH_PAYLOAD_MAX_BYTES);
    expect({ ...arrived, title: "", body: "" }).toEqual({ ...long, title: "", body: "" });
  });

  it("keeps multi-byte titles whole and under the limit", async () => {
    const subscription = receiver.subscribe();
    expect(await sendPush(target(subscription), reminder({ title: "😀".repeat(5_000) }))).toBe(
      "sent",
    );
    const [arrived] = receiver.received(subscription.endpoint) as ReminderPush[];
    expect(arrived?.title).toMatch(/^(😀)+…$/u);
    expect(Buffer.byteLength(JSON.stringify(arrived))).toBeLessThanOrEqual(PUSH_PAYLOAD_MAX_BYTES);
  });

  it('refuses endpoints that are not http(s) with "failed", sending nothing', async () => {
    const { keys } = receiver.subscribe();
    for (const endpoint of ["ftp://127.0.0.1/push/x", "file:///etc/passwd", "not a url"]) {
      expect(await sendPush({ endpoint, ...keys }, reminder()), endpoint).toBe("failed");
    }
  });

  it("speaks TLS to https endpoints: the plain-http receiver never gets an https push", async () => {
    const subscription = receiver.subscribe();
    const endpoint = subscription.endpoint.replace(/^http:/, "https:");
    expect(await sendPush({ ...target(subscription), endpoint }, reminder())).toBe("failed");
    expect(receiver.received(subscription.endpoint)).toEqual([]);
  });

  it('"failed" after the timeout when the push service does not answer', async () => {
    const sockets = new Set<net.Socket>();
    const silent = http.createServer(() => {});
    silent.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const { keys } = receiver.subscribe();
      const endpoint = `http://127.0.0.1:${port}/push/x`;
      expect(await sendPush({ endpoint, ...keys }, reminder(), { timeoutMs: 300 })).toBe("failed");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("throws when push is off (production without VAPID keys)", async () => {
    try {
      setEnv({ ...productionEnv, DATA_DIR: tempDataDir() });
      await expect(sendPush(target(receiver.subscribe()), reminder())).rejects.toThrow(
        /VAPID_PUBLIC_KEY/,
      );
    } finally {
      setEnv({ ...defaults, DATA_DIR: tempDataDir() });
    }
  });
});

describe("the test push receiver checks requests as a push service does", () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    setEnv({ ...defaults, DATA_DIR: tempDataDir() });
    receiver = await startPushReceiver();
  });
  afterAll(() => receiver.close());

  async function post(endpoint: string, headers: Record<string, string>, body = "x") {
    const response = await fetch(endpoint, { method: "POST", headers, body });
    return { status: response.status, reason: await response.text() };
  }

  function signedHeaders(audience = receiver.origin) {
    const keys = getVapidKeys();
    if (!keys) throw new Error("no VAPID keys");
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      keys.subject,
      keys.publicKey,
      keys.privateKey,
      "aes128gcm",
    );
    return { Authorization, TTL: "60", "Content-Encoding": "aes128gcm" };
  }

  it("400 with a reason for a missing TTL, VAPID header, wrong audience or encoding, or garbage", async () => {
    const { endpoint } = receiver.subscribe();
    const valid = signedHeaders();
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...valid, TTL: "" }, /TTL/],
      [{ TTL: "60", "Content-Encoding": "aes128gcm" }, /VAPID/],
      [{ ...valid, Authorization: valid.Authorization.replace(/k=\S+$/, "k=AAAA") }, /VAPID k/],
      [signedHeaders("https://fcm.googleapis.com"), /aud/],
      [{ ...valid, "Content-Encoding": "aesgcm" }, /Content-Encoding/],
      [valid, /decrypt/],
    ];
    for (const [headers, reason] of cases) {
      const answer = await post(endpoint, headers);
      expect(answer.status, String(reason)).toBe(400);
      expect(answer.reason).toMatch(reason);
    }
    expect(receiver.rejections(endpoint).map((r) => r.status)).toEqual(cases.map(() => 400));
    expect(receiver.received(endpoint)).toEqual([]);
  });

  it("413 for a body over 4096 bytes", async () => {
    const { endpoint } = receiver.subscribe();
    const answer = await post(endpoint, signedHeaders(), "x".repeat(5_000));
    expect(answer.status).toBe(413);
    expect(receiver.rejections(endpoint)).toEqual([expect.objectContaining({ status: 413 })]);
  });
});

describe("validatePushSubscription", () => {
  let receiver: PushReceiver;
  beforeAll(async () => {
    setEnv({ ...defaults, DATA_DIR: tempDataDir() });
    receiver = await startPushReceiver();
  });
  afterAll(() => receiver.close());
  afterEach(() => setEnv({ ...defaults, DATA_DIR: tempDataDir() }));

  const httpsEndpoint = "https://fcm.googleapis.com/fcm/send/abc:APA91b-x_y";

  it("accepts a browser's subscription", () => {
    const subscription = receiver.subscribe();
    expect(validatePushSubscription(subscription)).toEqual(target(subscription));
    const real = { ...subscription, endpoint: httpsEndpoint, expirationTime: null };
    expect(validatePushSubscription(real)).toEqual({
      ...target(subscription),
      endpoint: httpsEndpoint,
    });
  });

  it("refuses anything else", () => {
    const { keys } = receiver.subscribe();
    const p256dh = Buffer.from(keys.p256dh, "base64url");
    const notOnCurve = Buffer.from(p256dh);
    notOnCurve[64] = (notOnCurve[64] ?? 0) ^ 1;
    const bad: [string, unknown][] = [
      ["null", null],
      ["a string", httpsEndpoint],
      ["no keys", { endpoint: httpsEndpoint }],
      ["not a URL", { endpoint: "not a url", keys }],
      ["ftp:", { endpoint: "ftp://push.example.com/x", keys }],
      ["javascript:", { endpoint: "javascript:alert(1)", keys }],
      ["credentials", { endpoint: "https://user:pw@fcm.googleapis.com/x", keys }],
      ["a long endpoint", { endpoint: `${httpsEndpoint}/${"a".repeat(1_000)}`, keys }],
      ["short p256dh", { endpoint: httpsEndpoint, keys: { ...keys, p256dh: "BAAA" } }],
      [
        "a 64-byte key",
        {
          endpoint: httpsEndpoint,
          keys: { ...keys, p256dh: p256dh.subarray(1).toString("base64url") },
        },
      ],
      [
        "a 65-byte key without 0x04",
        {
          endpoint: httpsEndpoint,
          keys: {
            ...keys,
            p256dh: Buffer.concat([Buffer.from([3]), p256dh.subarray(1)]).toString("base64url"),
          },
        },
      ],
      [
        "a point off the curve",
        { endpoint: httpsEndpoint, keys: { ...keys, p256dh: notOnCurve.toString("base64url") } },
      ],
      ["not base64url", { endpoint: httpsEndpoint, keys: { ...keys, p256dh: `${keys.p256dh}!` } }],
      ["missing auth", { endpoint: httpsEndpoint, keys: { p256dh: keys.p256dh } }],
      ["short auth", { endpoint: httpsEndpoint, keys: { ...keys, auth: "AAAAAAAA" } }],
      ["auth of 32 bytes", { endpoint: httpsEndpoint, keys: { ...keys, auth: "A".repeat(43) } }],
      ["a number as auth", { endpoint: httpsEndpoint, keys: { ...keys, auth: 16 } }],
    ];
    for (const [name, value] of bad) expect(validatePushSubscription(value), name).toBeNull();
  });

  it("in production: https only, to public host names", () => {
    setEnv({ ...productionEnv, DATA_DIR: tempDataDir() });
    const subscription = receiver.subscribe();
    expect(validatePushSubscription(subscription)).toBeNull();
    for (const endpoint of [
      "https://127.0.0.1/push/x",
      "https://[::1]/push/x",
      "https://localhost/push/x",
      "https://intranet/push/x",
    ]) {
      expect(validatePushSubscription({ ...subscription, endpoint }), endpoint).toBeNull();
    }
    expect(validatePushSubscription({ ...subscription, endpoint: httpsEndpoint })).not.toBeNull();
  });
});

describe("getVapidKeys", () => {
  afterEach(() => setEnv({ ...defaults, BETTER_AUTH_SECRET: savedEnv.BETTER_AUTH_SECRET }));

  it("outside production without keys: generates a pair once into DATA_DIR (0600) and reuses it", () => {
    const dataDir = tempDataDir();
    setEnv({ ...defaults, DATA_DIR: dataDir });
    const first = getVapidKeys();
    const file = path.join(dataDir, "vapid-keys.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({
      publicKey: first?.publicKey,
      privateKey: first?.privateKey,
    });
    expect(Buffer.from(first?.publicKey ?? "", "base64url")).toHaveLength(65);
    expect(Buffer.from(first?.privateKey ?? "", "base64url")).toHaveLength(32);
    expect(first?.subject).toBe("mailto:no-reply@doable.local");
    // Cached per process; and a new process (a reset cache) reads the same pair.
    expect(getVapidKeys()).toBe(first);
    resetVapidKeysCache();
    expect(getVapidKeys()).toEqual(first);
  });

  it("takes the keys and the subject from the environment, else the address in MAIL_FROM", () => {
    const pair = webpush.generateVAPIDKeys();
    const dataDir = tempDataDir();
    setEnv({
      ...defaults,
      DATA_DIR: dataDir,
      VAPID_PUBLIC_KEY: pair.publicKey,
      VAPID_PRIVATE_KEY: pair.privateKey,
      MAIL_FROM: "Reminders <reminders@doable.example.com>",
    });
    expect(getVapidKeys()).toEqual({ ...pair, subject: "mailto:reminders@doable.example.com" });
    expect(fs.existsSync(path.join(dataDir, "vapid-keys.json"))).toBe(false);
    setEnv({ VAPID_SUBJECT: "https://doable.example.com/contact" });
    expect(getVapidKeys()?.subject).toBe("https://doable.example.com/contact");
    setEnv({ VAPID_SUBJECT: undefined, MAIL_FROM: "ops@doable.example.com" });
    expect(getVapidKeys()?.subject).toBe("mailto:ops@doable.example.com");
  });

  it("in production without keys: null (push is off), and nothing is written", () => {
    const dataDir = tempDataDir();
    setEnv({ ...productionEnv, DATA_DIR: dataDir });
    expect(getVapidKeys()).toBeNull();
    expect(fs.existsSync(dataDir)).toBe(false);
    const pair = webpush.generateVAPIDKeys();
    setEnv({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey });
    expect(getVapidKeys()).toMatchObject(pair);
  });
});
