import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGET, POST as authPOST } from "@/app/api/auth/[...all]/route";
import { type DbHandle, openDatabase, useDatabase } from "@/db";
import { requireUser } from "@/lib/server/auth/require-user";

/** requireUser's answer as a promise, whether it came at once (a remembered token) or not. */
const asked = async (request: Request, userId: string) => requireUser(request, userId);

const base = "http://localhost:3000";
let handle: DbHandle;

beforeAll(async () => {
  handle = await openDatabase({ driver: "pglite" });
  useDatabase(handle);
});
afterAll(() => handle.close());

describe("auth core", () => {
  it("signs up, issues a JWT and requireUser accepts it only for the own URL", async () => {
    const res = await authPOST(
      new Request(`${base}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ name: "Ada", email: "ada@example.com", password: "correct horse" }),
      }),
    );
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as { user: { id: string } };
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const tokenRes = await authGET(new Request(`${base}/api/auth/token`, { headers: { cookie } }));
    expect(tokenRes.status).toBe(200);
    const { token } = (await tokenRes.json()) as { token: string };
    const req = new Request(`${base}/api/x`, { headers: { authorization: `Bearer ${token}` } });
    await expect(asked(req, user.id)).resolves.toBe(user.id);
    await expect(asked(req, "someone-else")).rejects.toMatchObject({ status: 403 });
    await expect(asked(new Request(base), user.id)).rejects.toMatchObject({ status: 401 });
  });
});
