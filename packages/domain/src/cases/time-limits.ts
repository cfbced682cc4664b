import { addDays, type IsoDate } from "../calendar/iso-date";
import { type HolidayCalendar, isWorkingDay, workingDaysBetween } from "../calendar/working-days";
import type { BusinessType } from "./business-type";
import type { Pause } from "./case-draft";
import { DEFAULT_OFFICE_SETTINGS, type OfficeSettings, promisedDaysFor } from "./catalogue";

/**
 * A case deadline. `provisional`: it runs into a year without an official holiday schedule (R24).
 * `paused`: the clock is stopped now (correction, announcement or suspension); the date assumes the
 * pause ends on `asOf` and moves later every day it lasts.
 */
export type CaseDeadline = { date: IsoDate; provisional: boolean; paused: boolean };

/**
 * R23: the n-th working day after acceptance, not counting working days inside a pause. A pause from
 * F to T stops the clock on the days after F up to and including T, as acceptance day itself is not
 * counted: the day the case comes back starts the clock again the next day.
 */
export const caseDeadline = (
  acceptedOn: IsoDate,
  workingDays: number,
  pauses: readonly Pause[],
  calendar: HolidayCalendar,
  options: { asOf?: IsoDate } = {},
): CaseDeadline => {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError(`working days must be a non-negative integer, got ${workingDays}`);
  const ranges = pauses.map((p) => ({ from: p.from, to: p.to ?? options.asOf ?? p.from }));
  const paused = (date: IsoDate) => ranges.some((r) => date > r.from && date <= r.to);
  let date = acceptedOn;
  for (let counted = 0; counted < workingDays; ) {
    date = addDays(date, 1);
    if (isWorkingDay(calendar, date) && !paused(date)) counted++;
  }
  return {
    date,
    provisional: workingDaysBetween(calendar, acceptedOn, date).provisional,
    paused: pauses.some((p) => p.to === undefined),
  };
};

/** Both limits of a case: the office's promise and the statutory 30 working days (条例 20). */
export const caseDeadlines = (
  type: BusinessType,
  acceptedOn: IsoDate,
  pauses: readonly Pause[],
  calendar: HolidayCalendar,
  office?: OfficeSettings,
  asOf?: IsoDate,
): { promised: CaseDeadline; statutory: CaseDeadline } => {
  const options = asOf ? { asOf } : {};
  return {
    promised: caseDeadline(acceptedOn, promisedDaysFor(type, office), pauses, calendar, options),
    statutory: caseDeadline(acceptedOn, type.statutoryDays, pauses, calendar, options),
  };
};

export type DeadlineStatus = "overdue" | "due-soon" | "on-time" | "paused";

/** For supervisors' lists (督办): past the deadline, within `dueSoonWorkingDays` of it, or fine. */
export const classifyDeadline = (
  deadline: CaseDeadline,
  today: IsoDate,
  calendar: HolidayCalendar,
  dueSoonWorkingDays = DEFAULT_OFFICE_SETTINGS.dueSoonWorkingDays,
): DeadlineStatus => {
  if (today > deadline.date) return "overdue";
  if (deadline.paused) return "paused";
  return workingDaysBetween(calendar, today, deadline.date).days <= dueSoonWorkingDays
    ? "due-soon"
    : "on-time";
};
