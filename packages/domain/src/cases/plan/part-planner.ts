/**
 * THE plan of a registration part (STYLE.md §14): what registering it writes to the register, in
 * order, against the unit as it stands (or as the earlier parts of a combined case leave it). The
 * rules check the state these entries give when applied with the register's own `applyEntry`, and
 * registering appends exactly these entries: a new entry kind fails to compile until it is planned.
 */
import { assertNever, ok } from "../../result";
import type { CaseEntryKind } from "../business-type";
import type { CaseDraft } from "../case-draft";
import { requireBusinessType } from "../catalogue";
import type { PartPlan, PlanContext } from "./part-plan";
import {
  planAdvanceNotice,
  planMortgage,
  planMortgageUpdate,
  planObjection,
  planRestrictionCancel,
  planSeizure,
  planSeizureExtension,
  planServitude,
  planServitudeCancel,
} from "./plan-restrictions";
import {
  emptyPlan,
  entryOn,
  type PlanResult,
  planCancellation,
  planCertificateReplacement,
  planFirstRegistration,
  planReplacement,
  unplannable,
} from "./plan-rights";
import type { UnitSlice } from "./unit-slice";

/** What the part's business type writes, by its catalogue entry kind. */
function planByKind(draft: CaseDraft, slice: UnitSlice, ctx: PlanContext): PlanResult {
  const type = requireBusinessType(draft.typeId);
  const kind: CaseEntryKind | undefined = type.entries[0];
  if (kind === undefined)
    return unplannable(`${type.name_zh}不记载登记簿`, `${type.id} writes no register entry`);
  switch (kind) {
    case "right.create":
      return planFirstRegistration(draft, type, slice);
    case "right.transfer":
    case "right.change":
    case "right.correct":
      return planReplacement(draft, type, slice, kind);
    case "right.cancel":
      return planCancellation(draft, type, slice);
    case "certificate.replace":
      return planCertificateReplacement(draft, type, slice);
    case "mortgage.create":
      return planMortgage(draft, type, slice, ctx);
    case "mortgage.change":
    case "mortgage.transfer":
    case "mortgage.fix":
    case "mortgage.convert":
      return planMortgageUpdate(draft, type, slice, kind);
    case "mortgage.cancel":
      return planRestrictionCancel(type, slice, "mortgage", draft.mortgage?.targetMortgageId);
    case "advance-notice.create":
      return planAdvanceNotice(draft, type, slice, ctx);
    case "advance-notice.cancel":
      return planRestrictionCancel(type, slice, "advance-notice", draft.advanceNotice?.targetId);
    case "seizure.create":
    case "seizure.wait":
      return planSeizure(draft, type, slice, ctx);
    case "seizure.release":
      return planRestrictionCancel(
        type,
        slice,
        "seizure",
        draft.seizure?.targetSeizureId,
        draft.decision?.wholeUnit === true,
      );
    case "seizure.extend":
      return planSeizureExtension(draft, type, slice);
    case "objection.create":
      return planObjection(draft, type, slice, ctx);
    case "objection.cancel":
      return planRestrictionCancel(type, slice, "objection", draft.objection?.targetId);
    case "easement.create":
      return planServitude(draft, type, slice, ctx, "easement");
    case "habitation.create":
      return planServitude(draft, type, slice, ctx, "habitation");
    case "easement.cancel":
      return planServitudeCancel(draft, type, slice, "easement");
    case "habitation.cancel":
      return planServitudeCancel(draft, type, slice, "habitation");
    case "easement.transfer":
      // 地役权随需役地转让 (民法典 380): recorded with the dominant land's transfer; nothing of its own.
      return ok(emptyPlan(type));
    // Time-driven effects: the scheduler records them (cases/effects), never a case part.
    case "advance-notice.convert":
    case "advance-notice.lapse":
    case "seizure.promote":
    case "seizure.lapse":
    case "objection.lapse":
    case "habitation.end":
      return unplannable(
        `${kind} 由系统按期记载，不经申请`,
        `${kind} is recorded by the scheduler, not by a case`,
      );
    default:
      return assertNever(kind);
  }
}

/**
 * The plan of one part. 预转本 (R11): the advance notice the part converts ends with it, recorded
 * as converted (转为本登记), so the register no longer shows it live.
 */
export function planPart(draft: CaseDraft, slice: UnitSlice, ctx: PlanContext): PlanResult {
  const planned = planByKind(draft, slice, ctx);
  if (!planned.ok || !draft.fromAdvanceNoticeId) return planned;
  const plan: PartPlan = planned.value;
  const notice = slice.encumbrances.find(
    (e) =>
      e.kind === "advance-notice" && String(e.seq) === draft.fromAdvanceNoticeId && e.status !== "historic",
  );
  if (!notice) return planned;
  return ok({
    ...plan,
    entries: [
      ...plan.entries,
      entryOn(slice, {
        kind: "advance-notice.cancel",
        encumbranceSeq: notice.seq,
        reason: "预告登记转为本登记",
      }),
    ],
  });
}
