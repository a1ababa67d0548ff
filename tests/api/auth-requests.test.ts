/**
 * What Doable checks of /api/auth/* requests before Better Auth reads them, on every driver:
 * a body cap that holds whatever Content-Length says (and reads no more than the cap), the
 * user's name capped on sign-up and update, and account deletion only with the password.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import type { DbHandle } from "@/db";
import { session, user } from "@/db/schema";
import { getEnv } from "@/lib/server/env";
import { AUTH_BODY_MAX_BYTES } from "@/lib/server/http/body";
import { NAME_MAX } from "@/lib/validation/auth";
import { attachTestDatabase, setTestAuthEnv } from "../support/auth";
import { authRequest, signUp, uniqueEmail } from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";

setTestAuthEnv({ baseURL: "http://localhost:3230", dataDir: "/tmp/doable-auth-requests" });

const TWO_MB = 2 * 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * A 2 MB sign-in body streamed in 64 KiB chunks, made as they are pulled, that counts how much
 * the server pulled: the cap holds only if it stops reading, not if it reads all and then refuses.
 */
function countingBody(total = TWO_MB) {
  const pulled = { bytes: 0 };
  const head = new TextEncoder().encode('{"email":"a@example.com","password":"');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) {
        controller.close();
        return;
      }
      const chunk = pulled.bytes === 0 ? head : new Uint8Array(CHUNK).fill(0x61);
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  const base = getEnv().baseURL;
  return POST(
    new Request(`${base}/api/auth${path}`, {
      method: "POST",
      headers: { origin: base, "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

async function expect413(response: Response) {
  expect(response.status).toBe(413);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("payload_too_large");
  expect(body.error.message).toContain(String(AUTH_BODY_MAX_BYTES));
}

describe.each(testDrivers())("auth requests on %s", (driver) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
  });
  afterAll(() => handle?.close());

  describe("bodies over 16 KiB are 413 before Better Auth reads them", () => {
    const big = JSON.stringify({ email: "a@example.com", password: "x".repeat(TWO_MB) });

    it("with an honest Content-Length: refused before any of it is read", async () => {
      const { stream, pulled } = countingBody();
      await expect413(await post("/sign-in/email", stream, { "content-length": String(TWO_MB) }));
      expect(pulled.bytes).toBeLessThanOrEqual(CHUNK);
      await expect413(await post("/sign-up/email", big));
    });

    it("without Content-Length (chunked): reading stops at the cap", async () => {
      const { stream, pulled } = countingBody();
      await expect413(await post("/sign-in/email", stream));
      expect(pulled.bytes).toBeLessThan(AUTH_BODY_MAX_BYTES + 2 * CHUNK);
    });

    it("with a Content-Length that lies: the bytes count, not the header", async () => {
      const { stream, pulled } = countingBody();
      await expect413(await post("/sign-in/email", stream, { "content-length": "100" }));
      expect(pulled.bytes).toBeLessThan(AUTH_BODY_MAX_BYTES + 2 * CHUNK);
    });

    it("on every auth path, sign-up included, and nothing is created", async () => {
      const before = (await handle.db.select().from(user)).length;
      for (const path of ["/sign-up/email", "/request-password-reset", "/update-user", "/x"]) {
        const { stream } = countingBody();
        await expect413(await post(path, stream));
      }
      expect((await handle.db.select().from(user)).length).toBe(before);
    });

    it("a body at the cap still reaches Better Auth", async () => {
      const email = uniqueEmail("padded");
      const json = JSON.stringify({ name: "Padded", email, password: "a fine password" });
      const padded = json + " ".repeat(AUTH_BODY_MAX_BYTES - json.length);
      expect(new TextEncoder().encode(padded).byteLength).toBe(AUTH_BODY_MAX_BYTES);
      expect((await post("/sign-up/email", padded)).status).toBe(200);
      await expect413(await post("/sign-up/email", `${padded} `));
    });
  });

  describe("the user's name is capped on the server", () => {
    it(`refuses a name over ${NAME_MAX} characters at sign-up, creating nothing`, async () => {
      const email = uniqueEmail("longname");
      const response = await authRequest("POST", "/sign-up/email", {
        body: { name: "n".repeat(NAME_MAX + 1), email, password: "a fine password" },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; details: unknown[] } };
      expect(body.error.code).toBe("validation_failed");
      expect(await handle.db.select().from(user).where(eq(user.email, email))).toEqual([]);
      const fits = await authRequest("POST", "/sign-up/email", {
        body: { name: "n".repeat(NAME_MAX), email, password: "a fine password" },
      });
      expect(fits.status).toBe(200);
    });

    it("refuses a name over the cap on update, keeping the old one", async () => {
      const someone = await signUp({ name: "Short" });
      const response = await authRequest("POST", "/update-user", {
        jar: someone.jar,
        body: { name: "n".repeat(NAME_MAX + 1) },
      });
      expect(response.status).toBe(400);
      const [row] = await handle.db.select().from(user).where(eq(user.id, someone.id));
      expect(row?.name).toBe("Short");
    });
  });

  describe("account deletion needs the current password on the server", () => {
    it("without a password, with an empty one, or a wrong one: refused, nothing deleted", async () => {
      const someone = await signUp();
      for (const body of [{}, { password: "" }, { password: "not my password" }]) {
        const response = await authRequest("POST", "/delete-user", { jar: someone.jar, body });
        expect(response.status, JSON.stringify(body)).toBe(400);
      }
      expect(await handle.db.select().from(user).where(eq(user.id, someone.id))).toHaveLength(1);
      expect(
        await handle.db.select().from(session).where(eq(session.userId, someone.id)),
      ).toHaveLength(1);
      const deleted = await authRequest("POST", "/delete-user", {
        jar: someone.jar,
        body: { password: someone.password },
      });
      expect(deleted.status).toBe(200);
      expect(await handle.db.select().from(user).where(eq(user.id, someone.id))).toEqual([]);
    });
  });
});
