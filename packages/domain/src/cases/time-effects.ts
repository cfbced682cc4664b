import { addDays, type IsoDate, toDayNumber } from "../calendar/iso-date";
import { calendarPeriodEnd, type HolidayCalendar } from "../calendar/working-days";
import { hasEnded } from "./periods";
import type { AdvanceNoticeView, ObjectionView, SeizureView, UnitState } from "./unit-state";

/**
 * Effects that happen by the passing of time, not by a case (R8, R9, R11, R12, R18). `on` is the first
 * day of the new state: a period ending on its last day at 24:00 changes things from the next day.
 * The scheduler writes each as a register entry; the rules use the same functions so a check made
 * before the scheduler ran still sees the unit as it legally is.
 */
export type TimeEffect =
  | { kind: "seizure.lapse"; id: string; on: IsoDate; rule: "R8" | "R9" }
  | { kind: "seizure.promote"; id: string; on: IsoDate; periodEnd: IsoDate; rule: "R8" }
  | { kind: "advance-notice.lapse"; id: string; on: IsoDate; rule: "R11" }
  | { kind: "objection.lapse"; id: string; on: IsoDate; rule: "R12" }
  | { kind: "habitation.end"; id: string; on: IsoDate; reason: "term" | "death"; rule: "R18" };

export type SeizureOptions = {
  /** [?] whether a promoted waiting seizure's period runs from its conversion or its own notice. */
  waitingPeriodFrom?: "conversion" | "notice";
};

const byDelivery = (a: SeizureView, b: SeizureView) => Date.parse(a.deliveredAt) - Date.parse(b.deliveredAt);

/** Waiting seizures in rank order (细则 91: by delivery of the court's notice). */
export const rankedWaitingSeizures = (seizures: readonly SeizureView[]): SeizureView[] =>
  seizures.filter((s) => s.status === "waiting").sort(byDelivery);

const promote = (seizure: SeizureView, on: IsoDate, options: SeizureOptions): SeizureView => {
  if (options.waitingPeriodFrom !== "conversion")
    return { ...seizure, status: "effective", effectiveFrom: on };
  const length = toDayNumber(seizure.periodEnd) - toDayNumber(seizure.periodStart);
  return {
    ...seizure,
    status: "effective",
    effectiveFrom: on,
    periodStart: on,
    periodEnd: addDays(on, length),
  };
};

/**
 * R8, R9: replays seizure periods up to `today`. An effective seizure whose period ended lapses; the
 * first waiting one takes effect that same moment; a waiting seizure whose own period ended first
 * (notice mode) lapses without ever taking effect. Returns the effects and the seizures as they stand.
 */
export const seizureEffectsAt = (
  state: Pick<UnitState, "seizures">,
  today: IsoDate,
  options: SeizureOptions = {},
): { effects: TimeEffect[]; seizures: SeizureView[] } => {
  let seizures = state.seizures.map((s) => ({ ...s }));
  const effects: TimeEffect[] = [];
  const replace = (next: SeizureView) => {
    seizures = seizures.map((s) => (s.id === next.id ? next : s));
  };
  // Data written before a release promoted its successor: take effect now rather than never.
  if (!seizures.some((s) => s.status === "effective")) {
    const first = rankedWaitingSeizures(seizures)[0];
    if (first && !hasEnded(first.periodEnd, today)) {
      const promoted = promote(first, today, options);
      replace(promoted);
      effects.push({
        kind: "seizure.promote",
        id: first.id,
        on: today,
        periodEnd: promoted.periodEnd,
        rule: "R8",
      });
    }
  }
  for (;;) {
    const candidates = seizures
      .filter(
        (s) =>
          (s.status === "effective" ||
            (s.status === "waiting" && options.waitingPeriodFrom !== "conversion")) &&
          hasEnded(s.periodEnd, today),
      )
      .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || byDelivery(a, b));
    const ending = candidates[0];
    if (!ending) break;
    const on = addDays(ending.periodEnd, 1);
    replace({ ...ending, status: "lapsed" });
    effects.push({ kind: "seizure.lapse", id: ending.id, on, rule: "R9" });
    if (ending.status !== "effective") continue;
    const next = rankedWaitingSeizures(seizures).find(
      (s) => options.waitingPeriodFrom === "conversion" || s.periodEnd >= on,
    );
    if (next) {
      const promoted = promote(next, on, options);
      replace(promoted);
      effects.push({ kind: "seizure.promote", id: next.id, on, periodEnd: promoted.periodEnd, rule: "R8" });
    }
  }
  return { effects, seizures };
};

/** R8: releasing the effective seizure makes the first waiting one effective at that moment. */
export const seizureEffectsOfRelease = (
  state: Pick<UnitState, "seizures">,
  releasedId: string,
  on: IsoDate,
  options: SeizureOptions = {},
): TimeEffect[] => {
  const released = state.seizures.find((s) => s.id === releasedId);
  if (released?.status !== "effective") return [];
  const next = rankedWaitingSeizures(state.seizures).find((s) => !hasEnded(s.periodEnd, on));
  if (!next) return [];
  return [
    { kind: "seizure.promote", id: next.id, on, periodEnd: promote(next, on, options).periodEnd, rule: "R8" },
  ];
};

/** R8: when the first court disposes of the whole unit, every waiting seizure lapses. */
export const seizureEffectsOfDisposal = (state: Pick<UnitState, "seizures">, on: IsoDate): TimeEffect[] =>
  rankedWaitingSeizures(state.seizures).map((s) => ({ kind: "seizure.lapse", id: s.id, on, rule: "R8" }));

/** R11, R24: the last day of an advance notice: 90 days after registration became possible (民法典 221). */
export const advanceNoticeLastDay = (
  notice: AdvanceNoticeView,
  calendar: HolidayCalendar,
): IsoDate | undefined =>
  notice.registrablePossibleOn
    ? calendarPeriodEnd(calendar, notice.registrablePossibleOn, 90).date
    : undefined;

export const isAdvanceNoticeValid = (
  notice: AdvanceNoticeView,
  today: IsoDate,
  calendar: HolidayCalendar,
): boolean => {
  if (notice.status !== "effective" || notice.claimEnded) return false;
  const lastDay = advanceNoticeLastDay(notice, calendar);
  return lastDay === undefined || !hasEnded(lastDay, today);
};

export const advanceNoticeEffectsAt = (
  state: Pick<UnitState, "advanceNotices">,
  today: IsoDate,
  calendar: HolidayCalendar,
): TimeEffect[] =>
  state.advanceNotices
    .filter((n) => n.status === "effective" && !isAdvanceNoticeValid(n, today, calendar))
    .map((n) => {
      const lastDay = advanceNoticeLastDay(n, calendar);
      // A claim that ended lapses the notice at once; we learn of it today.
      const on = lastDay && !n.claimEnded ? addDays(lastDay, 1) : today;
      return { kind: "advance-notice.lapse", id: n.id, on, rule: "R11" };
    });

/** R12, R24: the last day to file a court or arbitration acceptance: 15 days after registering (民法典 220). */
export const objectionLastDay = (objection: ObjectionView, calendar: HolidayCalendar): IsoDate =>
  calendarPeriodEnd(calendar, objection.registeredOn, 15).date;

export const isObjectionEffective = (
  objection: ObjectionView,
  today: IsoDate,
  calendar: HolidayCalendar,
): boolean => {
  if (objection.status !== "effective") return false;
  const lastDay = objectionLastDay(objection, calendar);
  const filedInTime =
    objection.courtAcceptanceFiledOn !== undefined && objection.courtAcceptanceFiledOn <= lastDay;
  return filedInTime || !hasEnded(lastDay, today);
};

export const objectionEffectsAt = (
  state: Pick<UnitState, "objections">,
  today: IsoDate,
  calendar: HolidayCalendar,
): TimeEffect[] =>
  state.objections
    .filter((o) => o.status === "effective" && !isObjectionEffective(o, today, calendar))
    .map((o) => ({
      kind: "objection.lapse",
      id: o.id,
      on: addDays(objectionLastDay(o, calendar), 1),
      rule: "R12",
    }));

/** R18: a habitation right ends at its term or the holder's death, and must then be cancelled (民法典 370). */
export const habitationEffectsAt = (state: Pick<UnitState, "habitations">, today: IsoDate): TimeEffect[] =>
  state.habitations.flatMap((h): TimeEffect[] => {
    if (h.status !== "current") return [];
    if (h.holderDeceased)
      return [{ kind: "habitation.end", id: h.id, on: today, reason: "death", rule: "R18" }];
    if (h.termEnd && hasEnded(h.termEnd, today))
      return [{ kind: "habitation.end", id: h.id, on: addDays(h.termEnd, 1), reason: "term", rule: "R18" }];
    return [];
  });

/** Everything time has done to the unit by `today`, in date order: what the scheduler must record. */
export const timeDrivenEffectsAt = (
  state: UnitState,
  today: IsoDate,
  calendar: HolidayCalendar,
  options: SeizureOptions = {},
): TimeEffect[] =>
  [
    ...seizureEffectsAt(state, today, options).effects,
    ...advanceNoticeEffectsAt(state, today, calendar),
    ...objectionEffectsAt(state, today, calendar),
    ...habitationEffectsAt(state, today),
  ].sort((a, b) => a.on.localeCompare(b.on));
