/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic goes through a UTC day number, so no local
 * timezone or daylight-saving shift can move a deadline by a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Year, month and day of a real calendar date, or undefined (rejects `2023-02-29`, `2024-13-01`). */
export const parseIsoDate = (value: string): { year: number; month: number; day: number } | undefined => {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
};

export const isIsoDate = (value: string): boolean => parseIsoDate(value) !== undefined;

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const requireDate = (value: IsoDate) => {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${value}`);
  return parts;
};

/** Days since 1970-01-01; a programmer error (throws) for anything but a real `YYYY-MM-DD` date. */
export const toDayNumber = (value: IsoDate): number => {
  const { year, month, day } = requireDate(value);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
};

export const fromDayNumber = (dayNumber: number): IsoDate => {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
};

export const addDays = (value: IsoDate, days: number): IsoDate => fromDayNumber(toDayNumber(value) + days);

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (value: IsoDate): number => {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(value) + 4) % 7) + 7) % 7;
};

export const yearOf = (value: IsoDate): number => requireDate(value).year;

/** Negative, zero or positive like a comparator; ISO strings of equal length sort lexically. */
export const compareIsoDates = (a: IsoDate, b: IsoDate): number => toDayNumber(a) - toDayNumber(b);
