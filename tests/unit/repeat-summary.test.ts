/** The repeat summary shown on a task row, and the rules the UI's presets create. */
import { describe, expect, it } from "vitest";
import { presetRule, REPEAT_PRESETS, summarizeRepeat } from "@/lib/tasks/repeat-summary";

describe("summarizeRepeat", () => {
  const cases: [rule: string, summary: string][] = [
    ["FREQ=DAILY", "Every day"],
    ["FREQ=DAILY;INTERVAL=3", "Every 3 days"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday"],
    ["FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "Every weekday"],
    ["FREQ=WEEKLY;BYDAY=MO,TH", "Every week on Mon, Thu"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "Every 2 weeks on Mon, Thu"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR", "Every 2 weeks on Mon, Tue, Wed, Thu, Fri"],
    ["FREQ=WEEKLY;BYDAY=SU;WKST=SU", "Every week on Sun"],
    ["FREQ=WEEKLY", "Every week"],
    ["FREQ=MONTHLY;BYMONTHDAY=15", "Every month on the 15th"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "Every month on the 1st"],
    ["FREQ=MONTHLY;BYMONTHDAY=22", "Every month on the 22nd"],
    ["FREQ=MONTHLY;BYMONTHDAY=23", "Every month on the 23rd"],
    ["FREQ=MONTHLY;BYMONTHDAY=11", "Every month on the 11th"],
    ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "Every 3 months on the 15th"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "Every month on the last day"],
    ["FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "Every month on the last day"],
    ["FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "Every month on the 30th"],
    ["FREQ=MONTHLY;BYMONTHDAY=-2", "Every month on the 2nd last day"],
    ["FREQ=MONTHLY;BYDAY=2TU", "Every month on the 2nd Tuesday"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "Every month on the last Friday"],
    ["FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2", "Every month on the 2nd Tuesday"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "Every month on the last weekday"],
    ["FREQ=MONTHLY", "Every month"],
    ["FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14", "Every year on 14 Jan"],
    ["FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=14", "Every 2 years on 14 Jan"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1", "Every year on 29 Feb"],
    ["FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "Every year on the 4th Thursday of Nov"],
    ["FREQ=YEARLY", "Every year"],
    ["FREQ=DAILY;COUNT=5", "Every day, 5 times"],
    ["FREQ=DAILY;COUNT=1", "Every day, 1 time"],
    ["FREQ=WEEKLY;BYDAY=MO;UNTIL=20271231", "Every week on Mon, until 31 Dec 2027"],
    // Shapes it does not know.
    ["FREQ=HOURLY", "Repeats"],
    ["FREQ=DAILY;BYHOUR=9", "Repeats"],
    ["FREQ=MONTHLY;BYMONTHDAY=1,15", "Repeats"],
    ["FREQ=MONTHLY;BYDAY=1MO,3MO", "Repeats"],
    ["FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1", "Repeats"],
    ["FREQ=DAILY;COUNT=many", "Repeats"],
    ["FREQ=DAILY;UNTIL=soon", "Repeats"],
    ["garbage", "Repeats"],
    ["", "Repeats"],
  ];

  it.each(cases)("%s -> %s", (rule, summary) => {
    expect(summarizeRepeat({ rule, from: "due" })).toBe(summary);
  });

  it("shows a UTC UNTIL on the browser's local date", () => {
    // 23:00 local on 15 Jun 2027, written as UTC: another UTC date in zones east of UTC.
    const utc = new Date(2027, 5, 15, 23, 0).toISOString().replace(/[-:]|\.\d{3}/g, "");
    expect(summarizeRepeat({ rule: `FREQ=DAILY;UNTIL=${utc}`, from: "due" })).toBe(
      "Every day, until 15 Jun 2027",
    );
  });

  it("says when it counts from the completion", () => {
    expect(summarizeRepeat({ rule: "FREQ=DAILY;INTERVAL=3", from: "completion" })).toBe(
      "Every 3 days after completion",
    );
    expect(summarizeRepeat({ rule: "FREQ=WEEKLY;BYDAY=MO;COUNT=4", from: "completion" })).toBe(
      "Every week on Mon after completion, 4 times",
    );
  });
});

describe("presetRule", () => {
  // Local dates (the browser's zone): 2026-03-10 is a Tuesday, 2026-03-15 a Sunday.
  const tuesday = new Date(2026, 2, 10, 9, 0);
  const sunday = new Date(2026, 2, 15, 23, 59, 59, 999);

  it.each([
    ["daily", tuesday, "FREQ=DAILY"],
    ["weekdays", tuesday, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    ["weekly", tuesday, "FREQ=WEEKLY;BYDAY=TU"],
    ["weekly", sunday, "FREQ=WEEKLY;BYDAY=SU"],
    ["monthly", tuesday, "FREQ=MONTHLY"],
    ["yearly", tuesday, "FREQ=YEARLY"],
  ] as const)("%s on %s -> %s", (kind, due, rule) => {
    expect(presetRule(kind, due)).toBe(rule);
  });

  it("labels every preset with the start of what its rule summarises to", () => {
    for (const preset of REPEAT_PRESETS) {
      const summary = summarizeRepeat({ rule: presetRule(preset.kind, tuesday), from: "due" });
      expect(summary.startsWith(preset.label), `${preset.kind}: ${summary}`).toBe(true);
    }
  });
});
