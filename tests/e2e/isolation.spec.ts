import { expect, type Page, test } from "@playwright/test";
import { addTask, newUser, settled, signUp, taskRow, taskRows } from "./support/app";

/** Calls the API from inside the page, as its own scripts would, with the page's own token. */
async function apiFromPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const tokenResponse = await fetch("/api/auth/token");
      const { token } = (await tokenResponse.json()) as { token: string };
      const response = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
}

async function sessionUserId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch("/api/auth/get-session");
    const session = (await response.json()) as { user: { id: string } };
    return session.user.id;
  });
}

test("two users in two browsers see only their own tasks", async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const pageA = await alice.newPage();
  const pageB = await bob.newPage();

  await signUp(pageA, newUser("alice"));
  await addTask(pageA, { title: "Alice's secret plan", tags: "private", priority: "high" });
  await settled(pageA);
  const aliceId = await sessionUserId(pageA);
  const aliceTask = JSON.parse((await apiFromPage(pageA, "GET", `/api/${aliceId}/tasks`)).text) as {
    tasks: { id: string }[];
  };
  const aliceTaskId = aliceTask.tasks[0]?.id;
  expect(aliceTaskId).toBeTruthy();

  await signUp(pageB, newUser("bob"));
  const bobId = await sessionUserId(pageB);
  expect(bobId).not.toBe(aliceId);

  await test.step("Bob's dashboard shows nothing of Alice's", async () => {
    await expect(pageB.getByRole("heading", { name: "Your list is empty" })).toBeVisible();
    await expect(pageB.getByText("Alice's secret plan")).toHaveCount(0);
    // The dashboard has no user in its URL: a link naming Alice still shows Bob's own list.
    await pageB.goto(`/dashboard?user=${aliceId}&userId=${aliceId}`);
    await expect(pageB.getByRole("heading", { name: "Your list is empty" })).toBeVisible();
    await expect(pageB.getByText("Alice's secret plan")).toHaveCount(0);
  });

  await test.step("Alice's API URLs refuse Bob's token", async () => {
    const list = await apiFromPage(pageB, "GET", `/api/${aliceId}/tasks`);
    expect(list.status).toBe(403);
    expect(list.text).not.toContain("secret");
    const one = await apiFromPage(pageB, "GET", `/api/${aliceId}/tasks/${aliceTaskId}`);
    expect(one.status).toBe(403);
    const edit = await apiFromPage(pageB, "PUT", `/api/${aliceId}/tasks/${aliceTaskId}`, {
      title: "Hacked",
    });
    expect(edit.status).toBe(403);
    const remove = await apiFromPage(pageB, "DELETE", `/api/${aliceId}/tasks/${aliceTaskId}`);
    expect(remove.status).toBe(403);
    // Under his own URL, Alice's task does not exist for Bob.
    const mine = await apiFromPage(pageB, "GET", `/api/${bobId}/tasks/${aliceTaskId}`);
    expect(mine.status).toBe(404);
    const bobList = await apiFromPage(pageB, "GET", `/api/${bobId}/tasks`);
    expect(bobList.status).toBe(200);
    expect(bobList.text).not.toContain("secret");
  });

  await test.step("Bob's own work stays his, and Alice's is untouched", async () => {
    await pageB.goto("/dashboard");
    await addTask(pageB, { title: "Bob's grocery list" });
    await settled(pageB);

    await pageA.reload();
    await expect(taskRows(pageA)).toHaveCount(1);
    await expect(taskRow(pageA, "Alice's secret plan")).toContainText("#private");
    await expect(pageA.getByText("Bob's grocery list")).toHaveCount(0);
  });

  await alice.close();
  await bob.close();
});
