import type { IsoDate } from "@yulin/domain";

/**
 * China time (UTC+8, no daylight saving): registering dates, deadlines and periods are counted in
 * the calendar days of the offices (R24), whatever the server's time zone.
 */
const OFFSET_MS = 8 * 3_600_000;

export const chinaDateOf = (at: Date): IsoDate =>
  new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** `2026-11-24T09:30:00.000+08:00`: the local ISO date-time the stage machine records. */
export const chinaDateTimeOf = (at: Date): string =>
  `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
