/** Pure parts of the auth layer: the session re-check, the client's address, limit messages. */
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/server/auth/client-address";
import { inWords } from "@/lib/server/auth/limits";
import { createSessionCheck, SESSION_RECHECK_MS } from "@/lib/server/auth/session-check";

describe("createSessionCheck", () => {
  function harness() {
    const state = { live: new Set(["s1", "s2"]), asked: 0, clock: 0 };
    const check = createSessionCheck({
      isLive: async (sid) => {
        state.asked += 1;
        return state.live.has(sid);
      },
      now: () => state.clock,
    });
    return { state, check };
  }

  it("asks once per session per bound, and sees an ended session within the bound", async () => {
    const { state, check } = harness();
    expect(await check("s1", "u1")).toBe(true);
    expect(await check("s1", "u1")).toBe(true);
    expect(state.asked).toBe(1);
    state.live.delete("s1"); // ended elsewhere
    state.clock = SESSION_RECHECK_MS - 1;
    expect(await check("s1", "u1")).toBe(true);
    state.clock = SESSION_RECHECK_MS;
    expect(await check("s1", "u1")).toBe(false);
    expect(state.asked).toBe(2);
  });

  it("remembers an ended session as ended, without asking again", async () => {
    const { state, check } = harness();
    expect(await check("gone", "u1")).toBe(false);
    state.clock = 10 * SESSION_RECHECK_MS;
    expect(await check("gone", "u1")).toBe(false);
    expect(state.asked).toBe(1);
  });

  it("shares one question among concurrent requests of a session", async () => {
    const { state, check } = harness();
    await Promise.all([check("s1", "u1"), check("s1", "u1"), check("s1", "u1")]);
    expect(state.asked).toBe(1);
  });

  it("asks again at once after forgetAll(), and keeps no answer that raced it", async () => {
    const { state, check } = harness();
    expect(await check("s1", "u1")).toBe(true);
    const racing = check("s2", "u1");
    check.forgetAll();
    state.live.clear();
    await racing;
    expect(await check("s1", "u1")).toBe(false);
    expect(await check("s2", "u1")).toBe(false);
    expect(state.asked).toBe(4);
  });

  it("does not let a session's answer serve a token naming another user", async () => {
    const { state, check } = harness();
    expect(await check("s1", "u1")).toBe(true);
    await check("s1", "u2");
    expect(state.asked).toBe(2);
  });

  it("tells remembered() answers only while they are fresh, and never for another user", async () => {
    const { state, check } = harness();
    expect(check.remembered("s1", "u1")).toBeUndefined();
    expect(await check("s1", "u1")).toBe(true);
    expect(await check("gone", "u1")).toBe(false);
    expect(check.remembered("s1", "u1")).toBe(true);
    expect(check.remembered("s1", "u2")).toBeUndefined();
    state.clock = SESSION_RECHECK_MS;
    expect(check.remembered("s1", "u1")).toBeUndefined(); // due to be asked again
    expect(check.remembered("gone", "u1")).toBe(false); // an ended session stays ended
    check.forgetAll();
    expect(check.remembered("gone", "u1")).toBeUndefined();
    expect(state.asked).toBe(2);
  });
});

describe("clientAddress", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("is unknown without a trusted source, whatever the client sends", () => {
    const sent = headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" });
    expect(clientAddress(sent, { onVercel: false, trustedProxyHops: undefined })).toBeNull();
  });

  it("takes the entry the trusted proxies wrote, counted from the end", () => {
    const chain = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(chain, { onVercel: false, trustedProxyHops: 1 })).toBe("10.0.0.2");
    expect(clientAddress(chain, { onVercel: false, trustedProxyHops: 2 })).toBe("203.0.113.9");
    expect(clientAddress(chain, { onVercel: false, trustedProxyHops: 4 })).toBeNull();
  });

  it("on Vercel, reads the platform's X-Real-IP and nothing the client could add", () => {
    const sent = headers({ "x-real-ip": "2001:DB8::1", "x-forwarded-for": "6.6.6.6" });
    expect(clientAddress(sent, { onVercel: true, trustedProxyHops: undefined })).toBe(
      "2001:db8::1",
    );
  });

  it("treats anything but an address as no address", () => {
    for (const value of ["unknown", "<script>", "1.2.3.4.5".repeat(10), ""]) {
      const sent = headers({ "x-forwarded-for": value });
      expect(clientAddress(sent, { onVercel: false, trustedProxyHops: 1 }), value).toBeNull();
    }
  });
});

describe("inWords", () => {
  it("says when to try again the way people say it", () => {
    expect(inWords(1)).toBe("in 1 second");
    expect(inWords(40)).toBe("in 40 seconds");
    expect(inWords(61)).toBe("in 2 minutes");
    expect(inWords(15 * 60)).toBe("in 15 minutes");
    expect(inWords(3600)).toBe("in 1 hour");
    expect(inWords(3599)).toBe("in 1 hour");
    expect(inWords(7200)).toBe("in 2 hours");
  });
});
