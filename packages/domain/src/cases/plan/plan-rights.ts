/** Plans of the parts that record rights: 首次登记, 转移, 变更, 更正, 注销, 补发/换发. */
import { REPLACEMENT_MARKS } from "../../certificates/certificate.content";
import type { HolderFacts, RightFacts, RightRecord } from "../../register/register.types";
import { err, type Finding, ok, type Result } from "../../result";
import type { BusinessType } from "../business-type";
import type { CaseDraft } from "../case-draft";
import { mortgageesOf } from "./mortgagees";
import type { PartPlan, PlannedBody, PlannedEntry } from "./part-plan";
import {
  acquirers,
  coOwnershipOf,
  distinctPeople,
  holderFacts,
  recipientsOf,
  sealed,
  titleOf,
  withRole,
} from "./plan-documents";
import type { RightWithHolders, UnitSlice } from "./unit-slice";

export type PlanResult = Result<PartPlan, Finding[]>;

/** A part that cannot be planned against the unit as it stands (the rules say why, where they can). */
export const unplannable = (zh: string, en: string): PlanResult =>
  err([{ code: "CASE.INVALID", severity: "block", message_zh: zh, message_en: en }]);

export const entryOn = (slice: UnitSlice, body: PlannedBody): PlannedEntry => ({
  parcel: slice.unit.parcelCode,
  unit: slice.unit.unitCode,
  body,
});

export const emptyPlan = (type: BusinessType): PartPlan => ({
  entries: [],
  taxed: type.deedTax === true,
  banks: [],
});

const currentRight = (slice: UnitSlice, id?: string): RightWithHolders | undefined => {
  const found = slice.rights.find((r) => (id ? String(r.right.seq) === id : r.right.status === "current"));
  return found?.right.status === "current" ? found : undefined;
};

const NO_CURRENT_RIGHT = () => unplannable("该单元没有现势权利", "no current right");

const SOURCES: Record<string, string> = {
  sale: "买卖",
  gift: "赠与",
  inheritance: "继承",
  bequest: "受遗赠",
  exchange: "互换",
  decision: "生效法律文书",
  division: "共有物分割",
  spouses: "夫妻间转移",
};

/** 首次登记: the right as the application states it. */
export function planFirstRegistration(draft: CaseDraft, type: BusinessType, slice: UnitSlice): PlanResult {
  const f = draft.right;
  if (!f)
    return unplannable("首次登记须载明权利事项", "a first registration states the right (details.right)");
  const incoming = distinctPeople(acquirers(draft.parties));
  const mode = coOwnershipOf(draft, incoming);
  const holders = incoming.map((p) => holderFacts(p, mode));
  const right: RightFacts = {
    rightType: f.rightType,
    nature: f.nature ?? null,
    use: f.use ?? null,
    area: f.area ?? null,
    termStart: f.termStart ?? null,
    termEnd: f.termEnd ?? draft.termEnd ?? null,
    source: "首次登记",
    certificateNo: null,
    coOwnership: mode,
  };
  return ok({
    ...emptyPlan(type),
    entries: [entryOn(slice, { kind: "right.create", right, holders, ends: [] })],
    certificate: {
      content: { kind: "certificate", title: titleOf(slice, right, holders) },
      recipients: recipientsOf(incoming, "holder"),
      entryIndex: 0,
    },
  });
}

/** Who holds the right after a transfer, a co-ownership change or a change of a holder's identity. */
function holdersAfter(draft: CaseDraft, type: BusinessType, found: RightWithHolders): HolderFacts[] {
  const incoming = distinctPeople(acquirers(draft.parties));
  const mode = coOwnershipOf(draft, incoming);
  if (type.verb === "transfer") {
    const leaving = new Set(withRole(draft.parties, "obligor").map((p) => p.personId));
    const staying = draft.ownShareOnly
      ? found.holders.filter((h) => !leaving.has(h.idNumberHash ?? "")).map(holderFactsOf)
      : [];
    return [...staying, ...incoming.map((p) => holderFacts(p, mode))];
  }
  // 共有性质变更: the co-owners, all applying, state the new form and their shares (R6).
  if (type.id === "change.co-ownership") return incoming.map((p) => holderFacts(p, mode));
  // A change of the holder's name or ID: the party's identity as now verified replaces the old one.
  const byKey = new Map(incoming.map((p) => [p.personId, p]));
  return found.holders.map((h) => {
    const now = h.idNumberHash ? byKey.get(h.idNumberHash) : undefined;
    return now ? { ...sealed(now), share: h.share } : holderFactsOf(h);
  });
}

const holderFactsOf = (h: HolderFacts): HolderFacts => ({
  name: h.name,
  holderType: h.holderType,
  idType: h.idType,
  idNumberEnc: h.idNumberEnc,
  idNumberHash: h.idNumberHash,
  idNumberMasked: h.idNumberMasked,
  share: h.share,
});

/** The new right a transfer, change or correction records in place of the old one. */
function replacementRight(
  draft: CaseDraft,
  type: BusinessType,
  old: RightRecord,
  holders: readonly HolderFacts[],
  source: string,
): RightFacts {
  const facts = draft.right;
  const reshaped = type.verb === "transfer" || type.id === "change.co-ownership";
  return {
    rightType: facts?.rightType ?? old.rightType,
    nature: facts?.nature ?? old.nature,
    use: facts?.use ?? old.use,
    area: facts?.area ?? old.area,
    termStart: facts?.termStart ?? old.termStart,
    termEnd: facts?.termEnd ?? old.termEnd,
    source,
    certificateNo: null,
    coOwnership: reshaped
      ? holders.length > 1
        ? coOwnershipOf(draft, distinctPeople(acquirers(draft.parties)))
        : "0"
      : old.coOwnership,
  };
}

/** 转移, 变更, 更正: the old right ends and the new one is recorded (R5, R26). */
export function planReplacement(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  kind: "right.transfer" | "right.change" | "right.correct",
): PlanResult {
  const found = currentRight(slice, draft.targetRightId);
  if (!found) return NO_CURRENT_RIGHT();
  const source =
    kind === "right.transfer"
      ? (SOURCES[type.acquisition ?? "sale"] ?? "转移")
      : kind === "right.change"
        ? "变更登记"
        : "更正登记";
  const holders = holdersAfter(draft, type, found);
  const right = replacementRight(draft, type, found.right, holders, source);
  const plan = emptyPlan(type);
  // 自然状况变更: the unit's recorded facts change first, then the right is recorded anew.
  const changes = Object.fromEntries(Object.entries(draft.unit ?? {}).filter(([, v]) => v !== undefined));
  if (kind !== "right.transfer" && Object.keys(changes).length > 0)
    plan.entries.push(entryOn(slice, { kind: "unit.update", changes }));
  const after = { ...slice, unit: { ...slice.unit, ...changes } };
  plan.entries.push(entryOn(slice, { kind: "right.create", right, holders, ends: [found.right.seq] }));
  plan.certificate = {
    content: { kind: "certificate", title: titleOf(after, right, holders) },
    recipients: recipientsOf(
      acquirers(draft.parties).length ? acquirers(draft.parties) : draft.parties,
      "holder",
    ),
    entryIndex: plan.entries.length - 1,
  };
  plan.voidsCertificate =
    kind === "right.transfer" ? "transfer" : kind === "right.change" ? "change" : "correction";
  const mortgagees = mortgageesOf(slice);
  if (kind === "right.transfer" && mortgagees.length > 0)
    plan.banks.push({ event: "collateral-transferred", mortgageeKeys: mortgagees, details: { source } });
  // R8: a court disposing of the whole unit ends the waiting seizures.
  if (draft.decision?.wholeUnit)
    for (const s of slice.encumbrances.filter((e) => e.kind === "seizure" && e.status === "waiting"))
      plan.entries.push(
        entryOn(slice, {
          kind: "seizure.cancel",
          encumbranceSeq: s.seq,
          reason: "首封法院处分整个不动产，轮候查封失效",
        }),
      );
  return ok(plan);
}

/** 注销登记: the right ends (R26 voids its certificate). */
export function planCancellation(draft: CaseDraft, type: BusinessType, slice: UnitSlice): PlanResult {
  const found = currentRight(slice, draft.targetRightId);
  if (!found) return NO_CURRENT_RIGHT();
  return ok({
    ...emptyPlan(type),
    entries: [
      entryOn(slice, { kind: "right.end", rightSeq: found.right.seq, reason: `注销登记（${type.name_zh}）` }),
    ],
    voidsCertificate: "cancellation",
  });
}

/**
 * 补发/换发 (细则 22): the right stays; the register records the new certificate's number. Registering
 * asks the certificates capability to replace the unit's current e-certificate first; this plan is
 * what happens when there is none (a paper certificate).
 */
export function planCertificateReplacement(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
): PlanResult {
  const found = currentRight(slice, draft.targetRightId);
  if (!found) return NO_CURRENT_RIGHT();
  const reason = type.announcement?.kind === "loss-notice" ? "lost" : "damaged";
  const right = found.right;
  return ok({
    ...emptyPlan(type),
    entries: [
      entryOn(slice, {
        kind: "right.certificate",
        rightSeq: right.seq,
        certificateNo: "",
        replaces: right.certificateNo,
        reason: REPLACEMENT_MARKS[reason],
      }),
    ],
    certificate: {
      content: { kind: "certificate", title: titleOf(slice, right, found.holders) },
      recipients: recipientsOf(withRole(draft.parties, "right-holder"), "holder"),
      entryIndex: 0,
    },
    replacement: { reason, replaces: right.certificateNo },
  });
}
