import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { viewFromParams, viewToQuery, viewToSearch } from "@/components/dashboard/view";
import { listQueryString, renewalTime } from "@/lib/api-client";

/** A real EdDSA-signed JWT, as Better Auth's jwt plugin issues them. */
async function token(claims: { iat?: number; exp?: number }): Promise<string> {
  const { privateKey } = await generateKeyPair("EdDSA");
  let jwt = new SignJWT({ sub: "user-1" }).setProtectedHeader({ alg: "EdDSA" });
  if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(privateKey);
}

describe("renewalTime", () => {
  it("renews a 15-minute token a minute before it ends, on the browser's clock", async () => {
    const jwt = await token({ iat: 1_000_000, exp: 1_000_900 });
    const receivedAt = 5_000_000_000;
    expect(renewalTime(jwt, receivedAt)).toBe(receivedAt + 14 * 60 * 1000);
  });

  it("does not depend on the browser's clock agreeing with the server's", async () => {
    // Issued "in 2001" by the server's clock while the browser thinks it is much later.
    const jwt = await token({ iat: 1_000_000_000, exp: 1_000_000_900 });
    const receivedAt = Date.UTC(2030, 0, 1);
    expect(renewalTime(jwt, receivedAt) - receivedAt).toBe(14 * 60 * 1000);
  });

  it("uses exp alone when the token has no iat", async () => {
    const receivedAt = Date.UTC(2030, 0, 1);
    const jwt = await token({ exp: receivedAt / 1000 + 600 });
    expect(renewalTime(jwt, receivedAt)).toBe(receivedAt + 9 * 60 * 1000);
  });

  it("renews at once when a token is about to end or cannot be read", async () => {
    const receivedAt = Date.UTC(2030, 0, 1);
    expect(renewalTime(await token({ iat: 0, exp: 30 }), receivedAt)).toBe(receivedAt);
    expect(renewalTime("not-a-jwt", receivedAt)).toBe(receivedAt);
    expect(renewalTime("a.%%%.c", receivedAt)).toBe(receivedAt);
  });
});

describe("listQueryString", () => {
  it("leaves out empty values and encodes the rest", () => {
    expect(listQueryString({})).toBe("");
    expect(
      listQueryString({ status: "active", q: "rent & bills", tag: "", cursor: null, limit: 50 }),
    ).toBe("?status=active&q=rent+%26+bills&limit=50");
  });
});

describe("dashboard view in the URL", () => {
  it("round-trips through the address bar, defaults left out", () => {
    const view = viewFromParams(
      new URLSearchParams(
        "status=completed&q=report&priority=high&tag=Work&due=week&sort=due&order=asc",
      ),
    );
    expect(view).toEqual({
      list: "all",
      project: null,
      status: "completed",
      q: "report",
      priority: "high",
      tag: "work",
      due: "week",
      sort: "due",
      order: "asc",
    });
    expect(viewToSearch(view)).toBe(
      "?status=completed&q=report&priority=high&tag=work&due=week&sort=due&order=asc",
    );
    expect(viewToSearch(viewFromParams(new URLSearchParams("")))).toBe("");
    expect(viewToQuery(view)).toMatchObject({ status: "completed", sort: "due", order: "asc" });
  });

  it("keeps the view (Today, Upcoming, All), left out when it is the remembered one", () => {
    const today = viewFromParams(new URLSearchParams("view=today&q=call"));
    expect(today).toMatchObject({ list: "today", q: "call" });
    expect(viewToSearch(today)).toBe("?view=today&q=call");
    expect(viewToSearch(today, "today")).toBe("?q=call");
    // With Today remembered, an address without view= is Today, and All must be named.
    expect(viewFromParams(new URLSearchParams(""), "today").list).toBe("today");
    expect(viewToSearch({ ...today, list: "all" }, "today")).toBe("?view=all&q=call");
    expect(viewFromParams(new URLSearchParams("view=bogus"), "upcoming").list).toBe("upcoming");
  });

  it("asks Today and Upcoming for open tasks by due date, whatever the tab and sort", () => {
    const base = viewFromParams(new URLSearchParams("status=completed&sort=title&due=week"));
    expect(viewToQuery({ ...base, list: "today" })).toMatchObject({
      status: "active",
      due: "agenda",
      sort: "due",
      order: "asc",
    });
    expect(viewToQuery({ ...base, list: "upcoming" })).toMatchObject({
      status: "active",
      due: "upcoming",
      sort: "due",
    });
    expect(viewToQuery(base)).toMatchObject({ status: "completed", due: "week", sort: "title" });
  });

  it("ignores unknown and malformed values instead of failing", () => {
    const view = viewFromParams(
      new URLSearchParams("status=bogus&priority=urgent&sort=;drop&order=up"),
    );
    expect(view).toMatchObject({ status: "all", priority: null, sort: "created", order: "desc" });
  });

  it("lists every priority of the task model, most important first", async () => {
    const { TASK_PRIORITIES } = await import("@/lib/tasks/model");
    const { priorities } = await import("@/components/dashboard/view");
    expect([...priorities].sort()).toEqual([...TASK_PRIORITIES].sort());
    expect(priorities[0]).toBe("high");
  });

  it("reads every value of the task model from the address bar, defaults from the model", async () => {
    const { TASK_STATUSES, DUE_FILTERS, SORT_KEYS, DEFAULT_ORDER, DEFAULT_SORT } = await import(
      "@/lib/tasks/model"
    );
    for (const status of TASK_STATUSES) {
      expect(viewFromParams(new URLSearchParams({ status })).status).toBe(status);
    }
    for (const due of DUE_FILTERS) {
      expect(viewFromParams(new URLSearchParams({ due })).due).toBe(due);
    }
    for (const sort of SORT_KEYS) {
      expect(viewFromParams(new URLSearchParams({ sort })).sort).toBe(sort);
    }
    const view = viewFromParams(new URLSearchParams());
    expect(view.sort).toBe(DEFAULT_SORT);
    expect(view.order).toBe(DEFAULT_ORDER[DEFAULT_SORT]);
  });
});
