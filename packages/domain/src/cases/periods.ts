import { daysInMonth, type IsoDate, parseIsoDate } from "../calendar/iso-date";

/**
 * R24, 民法典 202: a period of years ends on the corresponding day of the last year; where that day
 * does not exist (29 February), on the last day of the month.
 */
export const addYears = (date: IsoDate, years: number): IsoDate => {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  const year = parts.year + years;
  const day = Math.min(parts.day, daysInMonth(year, parts.month));
  return `${String(year).padStart(4, "0")}-${String(parts.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

/** A period's last day is still inside it (it ends at 24:00, 民法典 203): lapsed only the day after. */
export const hasEnded = (lastDay: IsoDate, today: IsoDate): boolean => today > lastDay;

/** Local calendar date of an ISO date-time as written (`2025-03-10T09:00:00+08:00` → `2025-03-10`). */
export const dateOf = (dateTime: string): IsoDate => dateTime.slice(0, 10);
