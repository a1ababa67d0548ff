import "server-only";
import { formatRule, parseRule } from "@/lib/server/tasks/recurrence-rule";

/**
 * A task's stored repeat rule (lib/server/tasks/recurrence-rule.ts) as the RRULE of its feed
 * event. The rule is already RFC 5545; only UNTIL may need another value type, since RFC 5545
 * 3.3.10 wants it of DTSTART's: a DATE for all-day events, a UTC DATE-TIME for timed ones.
 * Doable's meaning of UNTIL is kept (recurrence.ts): a DATE is inclusive to the end of that
 * local day; a UTC DATE-TIME is an instant.
 */
export function feedRule(rule: string, zone: string, allDay: boolean): string | null {
  const parsed = parseRule(rule);
  if (!parsed.ok) return null;
  const { until } = parsed.parts;
  if (until === null) return formatRule(parsed.parts);
  const isDate = until.length === 8;
  let converted = until;
  if (allDay && !isDate) {
    // The last date whose occurrence (23:59:59.999 local) is not after UNTIL.
    const at = Temporal.Instant.from(until).toZonedDateTimeISO(zone);
    const endOfDay = at.toPlainTime().equals(Temporal.PlainTime.from("23:59:59.999"));
    const date = endOfDay ? at.toPlainDate() : at.toPlainDate().subtract({ days: 1 });
    converted = date.toString().replaceAll("-", "");
  } else if (!allDay && isDate) {
    // The last second of that local day, in UTC.
    const end = Temporal.PlainDate.from(until)
      .add({ days: 1 })
      .toZonedDateTime({ timeZone: zone })
      .toInstant()
      .subtract({ seconds: 1 });
    converted = utcBasic(end);
  }
  return formatRule({ ...parsed.parts, until: converted });
}

/** 20300107T225959Z: an instant in RFC 5545's UTC DATE-TIME form (whole seconds). */
export function utcBasic(instant: Temporal.Instant): string {
  const whole = instant.round({ smallestUnit: "second", roundingMode: "floor" });
  return whole.toString().replace(/[-:]/g, "");
}
