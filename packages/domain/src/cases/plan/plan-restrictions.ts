/** Plans of the parts that record restrictions: 抵押, 预告, 查封, 异议, 居住权, 地役权. */

import type {
  EncumbranceChanges,
  EncumbranceFacts,
  EncumbranceKind,
  EncumbranceRecord,
} from "../../register/register.types";
import { ok } from "../../result";
import type { BusinessType } from "../business-type";
import type { CaseDraft } from "../case-draft";
import { mortgageesOf } from "./mortgagees";
import type { CertificateRecipient, PartPlan, PlanContext } from "./part-plan";
import {
  acquirers,
  certificationOf,
  distinctPeople,
  keysOf,
  namesOf,
  recipientsOf,
  sealed,
  withRole,
} from "./plan-documents";
import { emptyPlan, entryOn, type PlanResult, unplannable } from "./plan-rights";
import type { UnitSlice } from "./unit-slice";

const liveEncumbrance = (
  slice: UnitSlice,
  kind: EncumbranceKind,
  id: string | undefined,
): EncumbranceRecord | undefined =>
  slice.encumbrances.find((e) => e.kind === kind && String(e.seq) === id && e.status !== "historic");

const noLive = (kind: EncumbranceKind, id: string | undefined) =>
  unplannable(`该单元没有有效的限制 #${id ?? "（未指明）"}`, `no live ${kind} #${id} on the unit`);

/** A new restriction, with the certification it yields (none for seizures). */
function created(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  ctx: PlanContext,
  facts: EncumbranceFacts,
  recipients: CertificateRecipient[],
  obligors = withRole(draft.parties, "obligor"),
): PartPlan {
  return {
    ...emptyPlan(type),
    entries: [entryOn(slice, { kind: `${facts.kind}.create`, encumbrance: facts })],
    certificate: {
      content: {
        kind: "certification",
        certification: certificationOf(draft, type, slice, facts, obligors, ctx),
      },
      recipients,
      entryIndex: 0,
    },
  };
}

export function planMortgage(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  ctx: PlanContext,
): PlanResult {
  const mortgagee = withRole(draft.parties, "right-holder")[0];
  if (!mortgagee) return unplannable("未载明抵押权人", "no mortgagee");
  const mortgagors = distinctPeople(withRole(draft.parties, "obligor"));
  const debtor = withRole(draft.parties, "debtor")[0];
  const m = draft.mortgage ?? {};
  const facts: EncumbranceFacts = {
    kind: "mortgage",
    holder: sealed(mortgagee),
    obligorName: namesOf(mortgagors) || null,
    documentNo: draft.documentNo ?? null,
    startsOn: ctx.today,
    endsOn: m.debtEnd ?? null,
    amount: (m.amount ?? 0) / 100,
    relatedUnitCode: null,
    particulars: {
      method: type.mortgageMethod ?? "general",
      mortgagorKeys: keysOf(mortgagors),
      transferBan: m.transferBan ?? false,
      construction: type.constructionMortgage ?? false,
      debtor: debtor?.name ?? mortgagors[0]?.name ?? null,
      caseId: ctx.caseId,
    },
  };
  const plan = created(draft, type, slice, ctx, facts, recipientsOf([mortgagee], "mortgagee"));
  plan.banks.push({
    event: "mortgage-registered",
    mortgageeKeys: [mortgagee.personId],
    details: { amountFen: m.amount ?? 0 },
  });
  return ok(plan);
}

/** 变更, 转移, 确定 (最高额) and 在建转现房: the mortgage changes in place, keeping its rank (R14). */
export function planMortgageUpdate(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  kind: "mortgage.change" | "mortgage.transfer" | "mortgage.fix" | "mortgage.convert",
): PlanResult {
  const m = draft.mortgage ?? {};
  const target = liveEncumbrance(slice, "mortgage", m.targetMortgageId);
  if (!target) return noLive("mortgage", m.targetMortgageId);
  const obligors = withRole(draft.parties, "obligor");
  const newMortgagee = withRole(draft.parties, "right-holder")[0];
  if (kind === "mortgage.transfer" && !newMortgagee) return unplannable("未载明受让抵押权人", "no mortgagee");
  const changes: EncumbranceChanges =
    kind === "mortgage.change"
      ? {
          ...(m.amount !== undefined ? { amount: m.amount / 100 } : {}),
          ...(m.debtEnd ? { endsOn: m.debtEnd } : {}),
          ...(obligors.length
            ? { obligorName: namesOf(obligors), particulars: { mortgagorKeys: keysOf(obligors) } }
            : {}),
        }
      : kind === "mortgage.transfer"
        ? { holder: sealed(newMortgagee!) }
        : kind === "mortgage.fix"
          ? { particulars: { fixed: true } }
          : { particulars: { construction: false } };
  return ok({
    ...emptyPlan(type),
    entries: [
      entryOn(slice, { kind: "mortgage.update", encumbranceSeq: target.seq, changes, reason: type.name_zh }),
    ],
    banks: [
      { event: "mortgage-changed", mortgageeKeys: [target.holderIdHash ?? ""], details: { change: kind } },
    ],
  });
}

const CANCEL_REASONS = {
  mortgage: "抵押权注销",
  "advance-notice": "预告登记注销",
  objection: "异议登记注销",
  seizure: "解除查封",
} as const;

/** 注销 of a mortgage, an advance notice or an objection, and 解封 (R8 promotes the next seizure). */
export function planRestrictionCancel(
  type: BusinessType,
  slice: UnitSlice,
  kind: keyof typeof CANCEL_REASONS,
  targetId: string | undefined,
  wholeUnit = false,
): PlanResult {
  const target = liveEncumbrance(slice, kind, targetId);
  if (!target) return noLive(kind, targetId);
  const plan = emptyPlan(type);
  const waiting = slice.encumbrances.filter((e) => e.kind === "seizure" && e.status === "waiting");
  // R8: the first court disposing of the whole unit ends the waiting seizures before its own is
  // released, so that none of them takes effect.
  if (kind === "seizure" && wholeUnit)
    for (const s of waiting.filter((e) => e.seq !== target.seq))
      plan.entries.push(
        entryOn(slice, {
          kind: "seizure.cancel",
          encumbranceSeq: s.seq,
          reason: "首封法院处分整个不动产，轮候查封失效",
        }),
      );
  plan.entries.push(
    entryOn(slice, { kind: `${kind}.cancel`, encumbranceSeq: target.seq, reason: CANCEL_REASONS[kind] }),
  );
  const mortgagees = mortgageesOf(slice);
  if (kind === "mortgage")
    plan.banks.push({ event: "mortgage-cancelled", mortgageeKeys: [target.holderIdHash ?? ""], details: {} });
  if (kind === "seizure" && !wholeUnit) {
    // R8: releasing the effective seizure makes the first waiting one effective: the collateral is
    // seized anew by that court, and the mortgagees are told.
    const next = [...waiting].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.seq - b.seq)[0];
    if (target.status === "effective" && next && mortgagees.length > 0)
      plan.banks.push({
        event: "collateral-seized",
        mortgageeKeys: mortgagees,
        details: { court: next.holderName, promotedFrom: "waiting", documentNo: next.documentNo },
      });
  }
  return ok(plan);
}

export function planAdvanceNotice(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  ctx: PlanContext,
): PlanResult {
  const holders = distinctPeople(acquirers(draft.parties));
  const obligors = withRole(draft.parties, "obligor");
  const first = holders[0];
  if (!first) return unplannable("未载明预告登记权利人", "no advance notice holder");
  const facts: EncumbranceFacts = {
    kind: "advance-notice",
    holder: sealed(first),
    obligorName: namesOf(obligors) || null,
    documentNo: draft.documentNo ?? null,
    startsOn: ctx.today,
    endsOn: null,
    amount: draft.mortgage?.amount !== undefined ? draft.mortgage.amount / 100 : null,
    relatedUnitCode: null,
    particulars: {
      noticeKind: type.advanceNoticeKind ?? "sale",
      holderKeys: keysOf(holders.slice(1)),
      obligorKeys: keysOf(obligors),
      registrablePossibleOn: draft.advanceNotice?.registrablePossibleOn ?? null,
    },
  };
  return ok(created(draft, type, slice, ctx, facts, recipientsOf(holders, "holder")));
}

/** 查封 and 轮候查封: the register ranks it and decides whether it waits (R8). */
export function planSeizure(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  ctx: PlanContext,
): PlanResult {
  const court = withRole(draft.parties, "instructing-authority")[0];
  const s = draft.seizure;
  if (!court || !s)
    return unplannable("查封须载明法院及查封期限", "a seizure names the court and its period");
  const facts: EncumbranceFacts = {
    kind: "seizure",
    holder: sealed(court),
    obligorName: namesOf(withRole(draft.parties, "obligor")) || null,
    documentNo: draft.documentNo ?? `${court.name}协助执行通知书`,
    startsOn: s.periodStart,
    endsOn: s.periodEnd,
    amount: null,
    relatedUnitCode: null,
    particulars: {
      court: s.court,
      deliveredAt: s.deliveredAt,
      seizureKind: type.seizureKind ?? "seizure",
      caseId: ctx.caseId,
    },
  };
  const plan = emptyPlan(type);
  plan.entries.push(entryOn(slice, { kind: "seizure.create", encumbrance: facts }));
  const mortgagees = mortgageesOf(slice);
  if (mortgagees.length > 0)
    plan.banks.push({
      event: "collateral-seized",
      mortgageeKeys: mortgagees,
      details: { court: court.name },
    });
  return ok(plan);
}

/** 续行查封: the seizure's period is extended in place. */
export function planSeizureExtension(draft: CaseDraft, type: BusinessType, slice: UnitSlice): PlanResult {
  const target = liveEncumbrance(slice, "seizure", draft.seizure?.targetSeizureId);
  if (!target) return noLive("seizure", draft.seizure?.targetSeizureId);
  return ok({
    ...emptyPlan(type),
    entries: [
      entryOn(slice, {
        kind: "seizure.update",
        encumbranceSeq: target.seq,
        changes: { endsOn: draft.seizure?.periodEnd ?? target.endsOn },
        reason: "续行查封",
      }),
    ],
  });
}

export function planObjection(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  ctx: PlanContext,
): PlanResult {
  const applicant = withRole(draft.parties, "interested-party")[0];
  if (!applicant) return unplannable("未载明异议申请人", "no objector");
  const facts: EncumbranceFacts = {
    kind: "objection",
    holder: sealed(applicant),
    obligorName: null,
    documentNo: draft.documentNo ?? null,
    startsOn: ctx.today,
    endsOn: null,
    amount: null,
    relatedUnitCode: null,
    particulars: { matter: draft.objection?.matter ?? "", grounds: draft.objection?.grounds ?? "" },
  };
  const plan = created(draft, type, slice, ctx, facts, recipientsOf([applicant], "holder"), []);
  const mortgagees = mortgageesOf(slice);
  if (mortgagees.length > 0)
    plan.banks.push({ event: "collateral-objection", mortgageeKeys: mortgagees, details: {} });
  return ok(plan);
}

/** 地役权 (on the servient unit) and 居住权. */
export function planServitude(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  ctx: PlanContext,
  kind: "easement" | "habitation",
): PlanResult {
  const holder = withRole(draft.parties, "right-holder")[0];
  if (!holder) return unplannable("未载明权利人", "no right holder");
  const facts: EncumbranceFacts = {
    kind,
    holder: sealed(holder),
    obligorName: namesOf(withRole(draft.parties, "obligor")) || null,
    documentNo: draft.documentNo ?? null,
    startsOn: ctx.today,
    endsOn: draft.termEnd ?? null,
    amount: null,
    relatedUnitCode: kind === "easement" ? (draft.easement?.dominantUnitCode ?? null) : null,
    particulars: {},
  };
  return ok(created(draft, type, slice, ctx, facts, recipientsOf([holder], "holder")));
}

export function planServitudeCancel(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  kind: "easement" | "habitation",
): PlanResult {
  const targetId =
    kind === "habitation"
      ? draft.habitation?.targetId
      : slice.encumbrances.find((e) => e.kind === "easement" && e.status !== "historic")?.seq.toString();
  const target = liveEncumbrance(slice, kind, targetId);
  if (!target) return noLive(kind, targetId);
  return ok({
    ...emptyPlan(type),
    entries: [entryOn(slice, { kind: `${kind}.cancel`, encumbranceSeq: target.seq, reason: type.name_zh })],
  });
}
