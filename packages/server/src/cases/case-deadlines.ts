import {
  type CaseState,
  caseDeadline,
  type HolidayCalendar,
  type OfficeSettings,
  promisedDaysFor,
  requireBusinessType,
} from "@yulin/domain";
import type { Tx } from "../platform/db/database";
import { listOpenCasesForUpdate, listPartTypes, setCaseDeadlines } from "./case.repository";
import { chinaDateOf } from "./case-clock";
import { stateOf } from "./case-drafts";

/** Stages between acceptance and registration: the clock of R23 runs (or is paused). */
export const OPEN_STAGES = ["accepted", "reviewed", "correction", "announcing", "suspended"] as const;

/**
 * R23: the promised and statutory deadlines from acceptance, not counting paused days. A combined
 * case takes the longest promised time limit of its parts' types.
 */
export function deadlinesOf(
  typeIds: readonly string[],
  state: CaseState,
  calendar: HolidayCalendar,
  today: string,
  office: OfficeSettings,
) {
  if (!state.acceptedOn) return {};
  const days = Math.max(...typeIds.map((t) => promisedDaysFor(requireBusinessType(t), office)));
  const promised = caseDeadline(state.acceptedOn, days, state.pauses, calendar, { asOf: today });
  const statutory = caseDeadline(state.acceptedOn, 30, state.pauses, calendar, { asOf: today });
  return {
    deadline: promised.date,
    statutory_deadline: statutory.date,
    deadline_provisional: promised.provisional || statutory.provisional,
    clock_paused: promised.paused,
  };
}

/**
 * After a new holiday schedule takes effect: recomputes the deadlines of every open case inside
 * the caller's transaction (the cases are locked, so no stage move interleaves). Returns how many
 * cases' deadlines changed.
 */
export function createDeadlineRecompute(deps: {
  now: () => Date;
  officeSettings: (code: string) => OfficeSettings;
}) {
  return async function recomputeOpenDeadlines(tx: Tx, calendar: HolidayCalendar): Promise<number> {
    const today = chinaDateOf(deps.now());
    const rows = await listOpenCasesForUpdate(tx, OPEN_STAGES);
    const types = await listPartTypes(
      tx,
      rows.map((r) => r.id),
    );
    let changed = 0;
    for (const row of rows) {
      const typeIds = types.get(row.id) ?? [];
      if (typeIds.length === 0) continue;
      const next = deadlinesOf(
        typeIds,
        stateOf(row, typeIds[0]!),
        calendar,
        today,
        deps.officeSettings(row.jurisdiction),
      );
      if (!next.deadline) continue;
      if (
        next.deadline === row.deadline &&
        next.statutory_deadline === row.statutory_deadline &&
        next.deadline_provisional === row.deadline_provisional
      )
        continue;
      await setCaseDeadlines(tx, row.id, next);
      changed++;
    }
    return changed;
  };
}
