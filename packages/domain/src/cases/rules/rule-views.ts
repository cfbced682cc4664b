import type { BusinessType } from "../business-type";
import type { CaseDraft, DraftParty } from "../case-draft";
import { isAdvanceNoticeValid, isObjectionEffective, seizureEffectsAt } from "../time-effects";
import { type RightView, targetRight, type UnitState } from "../unit-state";
import type { RuleContext } from "./rule";

/** Seizures as they legally stand today, even if the scheduler has not yet recorded a lapse (R8, R9). */
export const seizuresToday = (state: UnitState, ctx: RuleContext) =>
  seizureEffectsAt(state, ctx.today, { waitingPeriodFrom: ctx.office.waitingSeizurePeriodFrom ?? "notice" });

export const effectiveSeizures = (state: UnitState, ctx: RuleContext) =>
  seizuresToday(state, ctx).seizures.filter((s) => s.status === "effective");

export const validAdvanceNotices = (state: UnitState, ctx: RuleContext) =>
  state.advanceNotices.filter((n) => isAdvanceNoticeValid(n, ctx.today, ctx.calendar));

export const effectiveObjections = (state: UnitState, ctx: RuleContext) =>
  state.objections.filter((o) => isObjectionEffective(o, ctx.today, ctx.calendar));

export const currentMortgages = (state: UnitState) => state.mortgages.filter((m) => m.status === "current");

/** The right the case acts on. */
export const rightOf = (draft: CaseDraft, state: UnitState): RightView | undefined =>
  targetRight(state, draft.targetRightId);

/**
 * Who disposes of the right: the obligor (seller, mortgagor, servient owner), or for a waiver the
 * holder who gives it up.
 */
export const disposingParties = (type: BusinessType, draft: CaseDraft): DraftParty[] =>
  draft.parties.filter((p) =>
    type.subject === "right" && (type.verb === "cancel" || type.verb === "change")
      ? p.role === "right-holder"
      : p.role === "obligor",
  );

/** Who will hold the right the case creates or transfers. */
export const acquiringParties = (draft: CaseDraft): DraftParty[] =>
  draft.parties.filter((p) => p.role === "right-holder" || p.role === "heir" || p.role === "legatee");

export const isRightTransfer = (type: BusinessType) => type.subject === "right" && type.verb === "transfer";

export const isFirstRegistration = (type: BusinessType) => type.subject === "right" && type.verb === "create";

/** The building feature code (GB/T 37346 position 20): `F` is a house or other building. */
export const isBuildingUnit = (unitCode: string) => unitCode.charAt(19) === "F";

export const sameSet = (a: Iterable<string>, b: Iterable<string>) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};
