import { isIsoDate } from "../calendar/iso-date";

/** The longest period a dashboard or the public statistics cover: one year and a leap day. */
export const MAX_PERIOD_DAYS = 366;

export type PeriodCheck = { ok: true; days: number } | { ok: false; reason: string };

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A statistics period: two valid ISO dates, `from` not after `to`, at most MAX_PERIOD_DAYS days. */
export function checkPeriod(from: string, to: string): PeriodCheck {
  if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, reason: "dates must be YYYY-MM-DD" };
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) return { ok: false, reason: "from is after to" };
  if (days > MAX_PERIOD_DAYS) return { ok: false, reason: `longer than ${MAX_PERIOD_DAYS} days` };
  return { ok: true, days };
}

/** The first and last day of a month `YYYY-MM`. */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** A share in per cent with one decimal, or null when there is nothing to divide. */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/** An average with two decimals, or null. */
export const average = (sum: number, count: number): number | null =>
  count > 0 ? Math.round((sum / count) * 100) / 100 : null;

/** Raw daily sums → the rates the dashboards and the public statistics show. */
export function caseRates(row: {
  submitted: number;
  online: number;
  registered: number;
  instant: number;
  on_time: number;
  processing_seconds: number;
}) {
  return {
    submitted: row.submitted,
    registered: row.registered,
    online: row.online,
    instant: row.instant,
    onTime: row.on_time,
    onlineRate: percent(row.online, row.submitted),
    instantRate: percent(row.instant, row.registered),
    onTimeRate: percent(row.on_time, row.registered),
    averageDays: average(row.processing_seconds / 86_400, row.registered),
  };
}
