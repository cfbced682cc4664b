import {
  addDays,
  type EntryDraft,
  type HolidayCalendar,
  type IsoDate,
  mortgageesOf,
  type OfficeSettings,
  objectionLastDay,
  type TimeEffect,
  timeDrivenEffectsAt,
  type UnitSlice,
  type UnitState,
} from "@yulin/domain";
import { type RequestContext, systemContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { appendEntries } from "../register/ledger";
import { chinaDateOf } from "./case-clock";
import type { RegisteringPorts } from "./case-registering";
import {
  claimDueUnit,
  failEffects,
  finishEffects,
  postponeEffects,
  readWatermark,
  scheduleEffect,
  scheduleEffectsOf,
  writeWatermark,
} from "./effects.repository";
import { bankMortgagees, banksByKey } from "./mortgagee-banks";
import { listUnitsWithTimedRestrictions, loadUnit, loadUnitState, lockUnits } from "./unit-state.loader";

export type SchedulerDeps = {
  db: Database;
  now: () => Date;
  calendar: () => Promise<HolidayCalendar>;
  officeSettings: (code: string) => OfficeSettings;
  /**
   * Collateral events to the mortgagee banks (integrations/bank) and the cipher that keys the
   * banks' credit codes, as the registering transaction has them. Without them nobody is told.
   */
  banks?: Pick<RegisteringPorts, "notifyBanks" | "pii">;
  log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
};

const SWEEP = "time-driven-effects";

/** The register entry each time-driven effect is recorded as (R8, R9, R11, R12, R18). */
function entryOf(effect: TimeEffect): EntryDraft["body"] | undefined {
  const seq = Number(effect.id);
  if (!Number.isSafeInteger(seq)) return undefined;
  switch (effect.kind) {
    case "seizure.lapse":
      return { kind: "seizure.cancel", encumbranceSeq: seq, reason: `查封期限届满失效（${effect.on}）` };
    case "seizure.promote":
      return {
        kind: "seizure.update",
        encumbranceSeq: seq,
        changes: { status: "effective", particulars: { effectiveFrom: effect.on } },
        reason: `轮候查封转为查封（${effect.on}）`,
      };
    case "advance-notice.lapse":
      return { kind: "advance-notice.cancel", encumbranceSeq: seq, reason: `预告登记失效（${effect.on}）` };
    case "objection.lapse":
      return {
        kind: "objection.cancel",
        encumbranceSeq: seq,
        reason: `异议登记失效：未在十五日内起诉（${effect.on}）`,
      };
    case "habitation.end":
      return {
        kind: "habitation.cancel",
        encumbranceSeq: seq,
        reason: effect.reason === "death" ? "居住权人死亡，居住权消灭" : `居住权期限届满（${effect.on}）`,
      };
  }
}

/**
 * The drafts for what time did to a unit. A lapse of the effective seizure already makes the first
 * waiting one effective in the register (R8), so the promotion that follows it is not written again.
 */
export function draftsForEffects(
  unit: UnitState,
  parcelCode: string,
  effects: readonly TimeEffect[],
): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  const effective = new Set(unit.seizures.filter((s) => s.status === "effective").map((s) => s.id));
  let effectiveLapsed = false;
  for (const effect of effects) {
    if (effect.kind === "seizure.lapse" && effective.has(effect.id)) effectiveLapsed = true;
    if (effect.kind === "seizure.promote" && effectiveLapsed) {
      effectiveLapsed = false;
      continue;
    }
    const body = entryOf(effect);
    if (body) drafts.push({ parcel: parcelCode, unit: unit.unitCode, body });
  }
  return drafts;
}

/** When time may next act on the unit's live restrictions, for the rows of the next run. */
function nextDue(
  unit: UnitState,
  today: IsoDate,
  calendar: HolidayCalendar,
): Array<{ kind: string; ref: string; due: IsoDate }> {
  const later = (d: IsoDate) => (d > today ? d : addDays(today, 1));
  return [
    ...unit.seizures
      .filter((s) => s.status === "effective" || s.status === "waiting")
      .map((s) => ({ kind: "seizure", ref: s.id, due: later(addDays(s.periodEnd, 1)) })),
    ...unit.objections
      .filter((o) => o.status === "effective" && !o.courtAcceptanceFiledOn)
      .map((o) => ({ kind: "objection", ref: o.id, due: later(addDays(objectionLastDay(o, calendar), 1)) })),
    ...unit.habitations
      .filter((h) => h.status === "current" && h.termEnd)
      .map((h) => ({ kind: "habitation", ref: h.id, due: later(addDays(h.termEnd!, 1)) })),
    ...unit.advanceNotices
      .filter((n) => n.status === "effective" && n.registrablePossibleOn)
      .map((n) => ({ kind: "advance-notice", ref: n.id, due: later(addDays(n.registrablePossibleOn!, 91)) })),
  ];
}

/**
 * 定时生效: the scheduler of time-driven effects. Due rows are taken a unit at a time (FOR UPDATE
 * SKIP LOCKED, so several processes may sweep), the unit is locked and re-read, the domain says
 * what time did (`timeDrivenEffectsAt`), and the effects are written as register entries through
 * the register's append in the same transaction. A crash leaves the rows pending: the next run
 * (API interval, worker or `yulin sweep`) does them. The watermark records the last day swept.
 */
export function createEffectsScheduler(deps: SchedulerDeps) {
  const { db, now } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  /**
   * 查封 of a collateral: a waiting seizure time made effective (promoted, or next in line when the
   * effective one lapsed, R8) is a seizure to the unit's mortgagee banks. Each is told through the
   * outbox in this transaction, keyed by the register entry that made it effective (idempotent).
   */
  async function notifyBanksOfSeizures(tx: Tx, before: UnitSlice, at: Date) {
    const ports = deps.banks;
    const waiting = new Set(
      before.encumbrances.filter((e) => e.kind === "seizure" && e.status === "waiting").map((e) => e.seq),
    );
    if (!ports || waiting.size === 0) return;
    const after = await loadUnit(tx, before.unit.unitCode);
    if (!after) return;
    const promoted = after.slice.encumbrances.filter(
      (e) => e.kind === "seizure" && e.status === "effective" && waiting.has(e.seq),
    );
    if (promoted.length === 0) return;
    const mortgagees = bankMortgagees(mortgageesOf(after.slice), await banksByKey(tx, ports.pii));
    if (mortgagees.length === 0) return;
    for (const seizure of promoted)
      await ports.notifyBanks(tx, {
        event: "collateral-seized",
        eventId: `register:${seizure.updatedSeq}:collateral-seized`,
        occurredAt: at,
        caseRef: null,
        unitCode: seizure.unitCode,
        jurisdiction: seizure.jurisdiction,
        registerEntry: String(seizure.updatedSeq),
        details: { court: seizure.holderName, documentNo: seizure.documentNo, waitingSeizure: seizure.seq },
        mortgagees,
      });
  }

  async function applyToUnit(
    tx: Tx,
    ctx: RequestContext,
    unitCode: string,
    today: IsoDate,
    calendar: HolidayCalendar,
  ) {
    await lockUnits(tx, [unitCode]);
    const loaded = await loadUnit(tx, unitCode);
    if (!loaded) return { entries: 0, effects: [] as TimeEffect[] };
    const unit = loaded.state;
    const office = deps.officeSettings(unitCode.slice(0, 6));
    const effects = timeDrivenEffectsAt(unit, today, calendar, {
      waitingPeriodFrom: office.waitingSeizurePeriodFrom ?? "notice",
    });
    const drafts = draftsForEffects(unit, loaded.slice.unit.parcelCode, effects);
    if (drafts.length === 0) return { entries: 0, effects };
    const at = now();
    const { entries } = await appendEntries(tx, drafts, { now: at });
    await scheduleEffectsOf(tx, entries, calendar);
    await notifyBanksOfSeizures(tx, loaded.slice, at);
    await writeAudit(tx, ctx, {
      action: "register.time-effect",
      outcome: "success",
      targetType: "unit",
      targetId: unitCode,
      jurisdiction: unitCode.slice(0, 6),
      details: {
        effects: effects.map((e) => `${e.kind}:${e.id}@${e.on}`),
        entries: entries.map((e) => e.seq),
      },
    });
    return { entries: entries.length, effects };
  }

  /** One pass over the due rows; `today` may be given (the CLI's --date) to catch up or test. */
  async function sweep(options: { today?: IsoDate; limit?: number } = {}) {
    const today = options.today ?? chinaDateOf(now());
    const calendar = await deps.calendar();
    const ctx = systemContext("scheduler");
    const summary = { today, units: 0, entries: 0, failed: 0 };
    for (let i = 0; i < (options.limit ?? 10_000); i++) {
      let claimedIds: number[] = [];
      try {
        const done = await inTransaction(db, async (tx) => {
          const claim = await claimDueUnit(tx, today);
          if (!claim) return false;
          claimedIds = claim.ids;
          const result = await applyToUnit(tx, ctx, claim.unit_code, today, calendar);
          await finishEffects(tx, claim.ids, result.entries > 0 ? "done" : "obsolete", {
            effects: result.effects.map((e) => `${e.kind}:${e.id}@${e.on}`),
          });
          // What is still live gets a row for the day time may next act on it.
          const after = await loadUnitState(tx, claim.unit_code);
          if (after)
            for (const next of nextDue(after, today, calendar))
              await scheduleEffect(tx, {
                jurisdiction: claim.unit_code.slice(0, 6),
                unit_code: claim.unit_code,
                kind: next.kind,
                ref: next.ref,
                due_on: next.due,
              });
          summary.units += 1;
          summary.entries += result.entries;
          return true;
        });
        if (!done) break;
      } catch (error) {
        summary.failed += 1;
        await failEffects(db, claimedIds, (error as Error).message);
        deps.log?.error({ err: error }, "time-driven effect failed");
        if (claimedIds.length === 0) break;
        // Push the failing rows back a day so one bad unit does not stop the others.
        await postponeEffects(db, claimedIds, addDays(today, 1));
      }
    }
    await writeWatermark(db, SWEEP, today, summary);
    return summary;
  }

  /**
   * Every unit with a live timed restriction, not only those with rows: for data loaded by the
   * importer and to rebuild the rows. Idempotent (time acts once; the register is re-read).
   */
  async function sweepAll(options: { today?: IsoDate } = {}) {
    const today = options.today ?? chinaDateOf(now());
    const calendar = await deps.calendar();
    const ctx = systemContext("scheduler");
    let after = "";
    const summary = { today, units: 0, entries: 0 };
    for (;;) {
      const units = await listUnitsWithTimedRestrictions(db, 500, after);
      if (units.length === 0) break;
      for (const unitCode of units) {
        const result = await inTransaction(db, (tx) => applyToUnit(tx, ctx, unitCode, today, calendar));
        summary.units += 1;
        summary.entries += result.entries;
      }
      after = units[units.length - 1]!;
    }
    await writeWatermark(db, `${SWEEP}:full`, today, summary);
    return summary;
  }

  return {
    sweep,
    sweepAll,
    watermark: () => readWatermark(db, SWEEP),
    /** Runs the sweep on an interval in the API process (and once at start: catches up after a restart). */
    start(intervalMs: number) {
      if (timer || intervalMs <= 0) return;
      const tick = () => {
        if (running) return;
        running = sweep()
          .catch((error) => deps.log?.error({ err: error }, "sweep failed"))
          .finally(() => {
            running = undefined;
          });
      };
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type EffectsScheduler = ReturnType<typeof createEffectsScheduler>;
