/**
 * The pieces a part plan is made of: the parties as the register records them, and the text of the
 * certificate or certification a part yields (printed from what the register will hold).
 */
import type {
  CertificateHolder,
  CertificationFields,
  TitleFields,
} from "../../certificates/certificate.content";
import { CO_OWNERSHIP_NAMES, RIGHT_NATURES, RIGHT_TYPES } from "../../register/code-lists";
import type {
  CoOwnership,
  EncumbranceFacts,
  HolderFacts,
  RightFacts,
  SealedIdentity,
} from "../../register/register.types";
import type { BusinessType } from "../business-type";
import type { CaseDraft, DraftParty, PartyIdentity } from "../case-draft";
import { formatFraction } from "../fraction";
import type { CertificateRecipient, PlanContext } from "./part-plan";
import type { UnitSlice } from "./unit-slice";

/** A rule-only draft (no identity): a name-only party whose person id is its lookup key. */
const identityOf = (p: DraftParty): PartyIdentity =>
  p.identity ?? {
    holderType: "1",
    idType: "1",
    idNumberEnc: "",
    idNumberMasked: null,
    shareText: p.share ? formatFraction(p.share) : null,
    institutionId: null,
  };

export const sealed = (p: DraftParty): SealedIdentity => {
  const id = identityOf(p);
  return {
    name: p.name,
    holderType: id.holderType,
    idType: id.idType,
    idNumberEnc: id.idNumberEnc,
    idNumberHash: p.personId,
    idNumberMasked: id.idNumberMasked,
  };
};

export const holderFacts = (p: DraftParty, coOwnership: CoOwnership): HolderFacts => ({
  ...sealed(p),
  share: coOwnership === "2" ? identityOf(p).shareText : null,
});

const printed = (h: {
  name: string;
  holderType: string;
  idType: string;
  idNumberMasked: string | null;
  share: string | null;
}): CertificateHolder => ({
  name: h.name,
  kind: h.holderType === "1" ? "person" : "organisation",
  idType: h.idType === "1" ? "居民身份证" : h.idType === "8" ? "统一社会信用代码" : "其他证件",
  idNumberMasked: h.idNumberMasked ?? "",
  share: h.share,
});

const printedParty = (p: DraftParty): CertificateHolder => printed({ ...sealed(p), share: null });

export const CO_OWNERSHIP: Record<string, CoOwnership> = { sole: "0", joint: "1", shares: "2", other: "3" };

/** The co-ownership form the incoming holders will have (R6). */
export const coOwnershipOf = (draft: CaseDraft, incoming: readonly DraftParty[]): CoOwnership =>
  CO_OWNERSHIP[draft.coOwnership ?? (incoming.length > 1 ? "shares" : "sole")] ?? "0";

export const acquirers = (parties: readonly DraftParty[]) =>
  parties.filter((p) => p.role === "right-holder" || p.role === "heir" || p.role === "legatee");
export const withRole = (parties: readonly DraftParty[], role: DraftParty["role"]) =>
  parties.filter((p) => p.role === role);
export const distinctPeople = (parties: readonly DraftParty[]) =>
  parties.filter((p, i) => parties.findIndex((q) => q.personId === p.personId) === i);
export const namesOf = (parties: readonly DraftParty[]) =>
  distinctPeople(parties)
    .map((p) => p.name)
    .join("、");
export const keysOf = (parties: readonly DraftParty[]) =>
  distinctPeople(parties)
    .map((p) => p.personId)
    .join(",");

export const recipientsOf = (
  parties: readonly DraftParty[],
  role: CertificateRecipient["role"],
): CertificateRecipient[] =>
  distinctPeople(parties)
    .filter((p) => p.accountId || p.identity?.institutionId)
    .map((p) => {
      const institutionId = p.identity?.institutionId ?? null;
      return { role, accountId: institutionId ? null : (p.accountId ?? null), institutionId };
    });

const LAND_USES: Record<string, string> = {
  "0701": "城镇住宅用地",
  "071": "城镇住宅用地",
  "0702": "农村宅基地",
  "072": "农村宅基地",
  "0501": "零售商业用地",
  "0601": "工业用地",
  "061": "工业用地",
};
const HOUSE_USES: Record<string, string> = {
  "10": "住宅",
  "11": "成套住宅",
  "12": "非成套住宅",
  "21": "工业",
  "31": "商业服务",
  "60": "办公",
};

/** The 不动产权证书 text of a right as it will be recorded. */
export function titleOf(
  slice: Pick<UnitSlice, "unit" | "parcel">,
  right: RightFacts,
  holders: readonly HolderFacts[],
): TitleFields {
  const { unit, parcel } = slice;
  const landUse = right.use ? (LAND_USES[right.use] ?? right.use) : "";
  const houseUse = unit.use ? (HOUSE_USES[unit.use] ?? unit.use) : "";
  const area = [
    parcel ? `宗地面积 ${parcel.area}㎡` : null,
    unit.buildingArea !== null ? `房屋建筑面积 ${unit.buildingArea}㎡` : null,
  ].filter(Boolean);
  const other = [
    unit.innerArea !== null ? `专有建筑面积 ${unit.innerArea}㎡` : null,
    unit.sharedArea !== null ? `分摊建筑面积 ${unit.sharedArea}㎡` : null,
    unit.floor !== null ? `所在层 ${unit.floor}` : null,
  ].filter((x): x is string => x !== null);
  return {
    holders: holders.map((h) => printed(h)),
    coOwnership: CO_OWNERSHIP_NAMES[right.coOwnership],
    location: unit.address,
    unitCode: unit.unitCode,
    rightType: RIGHT_TYPES[right.rightType] ?? right.rightType,
    rightNature: [right.nature ? (RIGHT_NATURES[right.nature] ?? right.nature) : null, "市场化商品房"]
      .filter(Boolean)
      .join("/"),
    use: [landUse, houseUse].filter(Boolean).join("/") || "—",
    area: area.join("/") || "—",
    term:
      right.termStart && right.termEnd
        ? `${(RIGHT_TYPES[right.rightType] ?? "").split("/")[0]} ${right.termStart}起${right.termEnd}止`
        : "—",
    otherState: other,
  };
}

const NOTICE_KINDS = {
  "presale-sale": "presale-purchase",
  "presale-mortgage": "presale-mortgage",
  sale: "transfer",
  mortgage: "mortgage",
} as const;

/** The 不动产登记证明 text of a restriction as it will be recorded. */
export function certificationOf(
  draft: CaseDraft,
  type: BusinessType,
  slice: UnitSlice,
  facts: EncumbranceFacts,
  obligors: readonly DraftParty[],
  ctx: PlanContext,
): CertificationFields {
  const holderParty = withRole(
    draft.parties,
    facts.kind === "objection" ? "interested-party" : "right-holder",
  )[0];
  const base = {
    holders: [holderParty ? printedParty(holderParty) : printed({ ...facts.holder, share: null })],
    obligors: distinctPeople(obligors).map(printedParty),
    location: slice.unit.address,
    unitCode: slice.unit.unitCode,
    other: [`业务号 ${ctx.caseId}`],
  };
  switch (facts.kind) {
    case "mortgage":
      return {
        ...base,
        matter: {
          type: "mortgage",
          mortgageKind: type.mortgageMethod ?? "general",
          amountFen: Math.round((facts.amount ?? 0) * 100),
          debtor: String(facts.particulars.debtor ?? ""),
          termStart: facts.startsOn ?? ctx.today,
          termEnd: facts.endsOn ?? ctx.today,
        },
      };
    case "advance-notice":
      return {
        ...base,
        matter: { type: "advance-notice", noticeKind: NOTICE_KINDS[type.advanceNoticeKind ?? "sale"] },
      };
    case "objection":
      return { ...base, matter: { type: "objection", grounds: draft.objection?.grounds ?? "" } };
    case "easement":
      return {
        ...base,
        matter: {
          type: "easement",
          servientUnitCode: slice.unit.unitCode,
          purpose: draft.documentNo ?? "通行",
          termStart: ctx.today,
          termEnd: facts.endsOn,
        },
      };
    default:
      return { ...base, matter: { type: "residence", termStart: ctx.today, termEnd: facts.endsOn } };
  }
}
