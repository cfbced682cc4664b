import { addDays, dayOfWeek, type IsoDate, toDayNumber, yearOf } from "./iso-date";

/**
 * 节假日安排 — the State Council's yearly holiday schedule, passed in as a value (the server loads it
 * from its `holidays` table). `off` marks a statutory holiday (法定节假日, including bridged weekdays);
 * `work` marks an adjusted working weekend day (调休上班日).
 */
export type HolidayCalendar = {
  days: ReadonlyMap<IsoDate, "off" | "work">;
  /** Years whose official schedule has been published and loaded. */
  years: ReadonlySet<number>;
};

/** One row of a holiday table, e.g. seeded from the `chinese-days` package or entered by an administrator. */
export type HolidayRow = {
  date: IsoDate;
  kind: "off" | "work";
  /** e.g. `春节`, `国庆节`. */
  name?: string;
  /** e.g. `chinese-days@1.5.7` or `国办发明电〔2024〕12号`. */
  source?: string;
};

/** A date computed from the calendar; `provisional` when a year it depends on has no official schedule yet. */
export type CalendarResult = { date: IsoDate; provisional: boolean };

export const buildHolidayCalendar = (
  rows: readonly HolidayRow[],
  years: Iterable<number>,
): HolidayCalendar => ({
  days: new Map(rows.map((row) => [row.date, row.kind])),
  years: new Set(years),
});

const isWeekend = (date: IsoDate): boolean => {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
};

/**
 * R24: weekends and statutory holidays are off, adjusted weekend days (调休) are working days.
 * For a year without an official schedule only weekends are off; callers learn that from the
 * `provisional` flag of the range functions, never by a silently all-working year.
 * Rows already entered for such a year are still applied: a known holiday is better than none.
 */
export const isWorkingDay = (calendar: HolidayCalendar, date: IsoDate): boolean => {
  const marked = calendar.days.get(date);
  if (marked === "off") return false;
  if (marked === "work") return true;
  return !isWeekend(date);
};

export const hasOfficialSchedule = (calendar: HolidayCalendar, year: number): boolean =>
  calendar.years.has(year);

/** True when any year from `from` to `to` (inclusive, either order) lacks an official schedule. */
const crossesProvisionalYear = (calendar: HolidayCalendar, from: IsoDate, to: IsoDate): boolean => {
  const a = yearOf(from);
  const b = yearOf(to);
  for (let year = Math.min(a, b); year <= Math.max(a, b); year++) {
    if (!calendar.years.has(year)) return true;
  }
  return false;
};

const requireCount = (n: number, what: string) => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
};

/**
 * The n-th working day after `start` (R23: "30 working days from acceptance" does not count the day of
 * acceptance). `n = 0` returns `start` itself.
 */
export const addWorkingDays = (calendar: HolidayCalendar, start: IsoDate, n: number): CalendarResult => {
  requireCount(n, "working days");
  let date = start;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (isWorkingDay(calendar, date)) counted++;
  }
  return { date, provisional: crossesProvisionalYear(calendar, start, date) };
};

/**
 * Working days in (from, to]: the inverse of `addWorkingDays`, so a case accepted on `from` has used
 * `days` of its limit by the end of `to`. Negative when `to` is before `from`.
 */
export const workingDaysBetween = (
  calendar: HolidayCalendar,
  from: IsoDate,
  to: IsoDate,
): { days: number; provisional: boolean } => {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [low, high, sign] = start <= end ? [from, end - start, 1] : [to, start - end, -1];
  let days = 0;
  for (let offset = 1; offset <= high; offset++) {
    if (isWorkingDay(calendar, addDays(low, offset))) days++;
  }
  return { days: sign * days, provisional: crossesProvisionalYear(calendar, from, to) };
};

/**
 * R24 calendar-day periods (民法典 201, 203): the start day is not counted, the period ends at 24:00 of
 * its last day, and a last day that falls on a rest day or statutory holiday moves to the next working
 * day. Used for the 15-day 异议 lapse and the 90-day 预告 lapse.
 */
export const calendarPeriodEnd = (
  calendar: HolidayCalendar,
  start: IsoDate,
  days: number,
): CalendarResult => {
  requireCount(days, "calendar days");
  const lastDay = addDays(start, days);
  let date = lastDay;
  while (!isWorkingDay(calendar, date)) date = addDays(date, 1);
  // Only the move off a holiday depends on the schedule; the length of the period does not.
  return { date, provisional: crossesProvisionalYear(calendar, lastDay, date) };
};
