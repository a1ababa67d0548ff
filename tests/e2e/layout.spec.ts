import { expect, type Page, test } from "@playwright/test";
import { addTask, dateInDays, newUser, settled, signUp, taskRows } from "./support/app";

/** Cumulative Layout Shift of the page so far, as Chromium reports it. */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
}

for (const [device, viewport] of [
  ["phone", { width: 360, height: 740 }],
  ["desktop", { width: 1440, height: 900 }],
] as const) {
  test(`the dashboard loads without layout shift (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signUp(page, newUser(`cls-${device}`));
    await addTask(page, {
      title: "Send the quarterly report",
      description: "Numbers from finance.",
      priority: "high",
      dueDate: dateInDays(0),
      tags: "work",
    });
    await addTask(page, { title: "Book dentist appointment", dueDate: dateInDays(1) });
    await addTask(page, { title: "Water the plants", tags: "home" });
    await settled(page);

    await page.reload();
    await expect(taskRows(page)).toHaveCount(3);
    const cls = await layoutShift(page);
    console.info(`CLS on reload (${device}): ${cls.toFixed(4)}`);
    // "Good" per Core Web Vitals is under 0.1.
    expect(cls).toBeLessThan(0.05);

    // Nothing sticks out sideways on a 360 px phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
}
