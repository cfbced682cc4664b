import type { InstitutionKind } from "../access/policy";
import type { CertificateKind } from "../identifiers/certificate-number";
import type { MaterialId } from "./materials";
import type { PartyRole } from "./parties";
import type { CaseStage } from "./stages";

/** 登记类型 dictionary codes: 100 首次 … 900 其他 (DOMAIN-REFERENCE §3). */
export type RegistrationClass = 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;

export const REGISTRATION_CLASS_NAMES: Record<RegistrationClass, { zh: string; en: string }> = {
  100: { zh: "首次登记", en: "first registration" },
  200: { zh: "转移登记", en: "transfer" },
  300: { zh: "变更登记", en: "change" },
  400: { zh: "注销登记", en: "cancellation" },
  500: { zh: "更正登记", en: "correction" },
  600: { zh: "异议登记", en: "objection" },
  700: { zh: "预告登记", en: "advance notice" },
  800: { zh: "查封登记", en: "seizure" },
  900: { zh: "其他登记", en: "other" },
};

/** What a registration is about; with `verb` it tells the rules what kind of act a type is. */
export type Subject =
  | "right"
  | "mortgage"
  | "advance-notice"
  | "seizure"
  | "objection"
  | "easement"
  | "habitation"
  | "certificate";
export type Verb =
  | "create"
  | "transfer"
  | "change"
  | "cancel"
  | "correct"
  | "release"
  | "extend"
  | "fix"
  | "convert"
  | "replace";

/**
 * Register entries a type produces, named `<thing>.<verb>` so the register projections can switch on
 * them. The time-driven ones (`*.lapse`, `seizure.promote`, `habitation.end`) are written by the
 * scheduler, not by a case.
 */
export type CaseEntryKind =
  | "right.create"
  | "right.transfer"
  | "right.change"
  | "right.cancel"
  | "right.correct"
  | "mortgage.create"
  | "mortgage.change"
  | "mortgage.transfer"
  | "mortgage.fix"
  | "mortgage.convert"
  | "mortgage.cancel"
  | "advance-notice.create"
  | "advance-notice.convert"
  | "advance-notice.cancel"
  | "advance-notice.lapse"
  | "seizure.create"
  | "seizure.wait"
  | "seizure.promote"
  | "seizure.release"
  | "seizure.extend"
  | "seizure.lapse"
  | "objection.create"
  | "objection.cancel"
  | "objection.lapse"
  | "easement.create"
  | "easement.transfer"
  | "easement.cancel"
  | "habitation.create"
  | "habitation.cancel"
  | "habitation.end"
  | "certificate.replace";

/** Categories the fee calculator prices (DOMAIN.md "Fees and taxes"); `by-use` resolves per unit. */
export type FeeCategory = "residential" | "non-residential" | "half" | "none" | "certificate-cost-only";
export type FeeBasis = FeeCategory | "by-use";

/**
 * R4 who applies. `joint`: one party of every listed role applies (双方申请). `single`: any one of the
 * listed roles may apply alone (单方申请, 条例 14). `instruction`: on a court's or authority's
 * instruction (嘱托), no application. `ex-officio`: by the registry's own authority (依职权).
 */
export type ApplicationRule = {
  mode: "joint" | "single" | "instruction" | "ex-officio";
  applicants: readonly PartyRole[];
  /** A statutory exception letting one role apply alone, e.g. the buyer under 细则 86. */
  alone?: { role: PartyRole; when: "developer-refused"; basis: string };
  basis: string;
};

/** A role the case must name, labelled for this type (the 权利人 of a mortgage is the 抵押权人). */
export type PartyRequirement = { role: PartyRole; label_zh: string; label_en: string; required: boolean };

/** When a material is needed only in some cases. */
export type MaterialCondition =
  | "agent-present"
  | "administrator-present"
  | "interested-party-present"
  | "holder-applies";

/**
 * A required material; `anyOf` lists equivalents (a will or the heirs' agreement or a court
 * document). `rule` says which rule reports it when missing (R25 for inheritance proofs, else R29).
 */
export type MaterialRequirement = {
  id: MaterialId;
  anyOf?: readonly MaterialId[];
  when?: MaterialCondition;
  rule?: "R25";
};

/** R20 公告 before registering, or the 15-working-day loss notice of a replacement (细则 22). */
export type AnnouncementRule = {
  kind: "announcement" | "loss-notice";
  workingDays: number;
  /** Working days the parties are given to act before the registry announces (细则 80: 30). */
  noticeWorkingDays?: number;
  basis: string;
};

/**
 * 即时办结 eligibility: local policy, not statute. `channel`: only when submitted through that kind of
 * institution account (a court's seizure). `eLicence`: only when that material came from e-licence
 * data (a name change verified against the licence).
 */
export type InstantRule = { channel?: InstitutionKind; eLicence?: MaterialId };

/** R7: what an effective seizure does to this type. */
export type SeizureTreatment = "refused" | "allowed" | "review";

export type BusinessType = {
  /** Stable id, e.g. `transfer.sale`; never reused. */
  id: string;
  class: RegistrationClass;
  subject: Subject;
  verb: Verb;
  name_zh: string;
  name_en: string;
  application: ApplicationRule;
  parties: readonly PartyRequirement[];
  materials: readonly MaterialRequirement[];
  fee: FeeBasis;
  /** Default promised limit in working days; offices override it per type (R23). */
  promisedDays: number;
  /** 条例 20: 30 working days from acceptance. */
  statutoryDays: number;
  announcement?: AnnouncementRule;
  instant?: InstantRule;
  /** Stages the system passes without a human when the case qualifies (instant) — else none. */
  automaticStages: readonly CaseStage[];
  entries: readonly CaseEntryKind[];
  /** 不动产权证书 (`certificate`), 不动产登记证明 (`certification`) or nothing. */
  yields: CertificateKind | "none";
  /** 处分: blocked by seizure (R7) and by an advance notice without its holder's consent (R10). */
  disposal: boolean;
  whileSeized: SeizureTreatment;
  /** R2 exceptions: allowed on a unit without first registration (presale notices, 在建 mortgages). */
  beforeFirstRegistration?: boolean;
  /** R22: deed tax must be cleared before registering (契税法 11). */
  deedTax?: boolean;
  /** 条例 19: site inspection during review. */
  siteInspection?: boolean;
  /** Specialisations the rules read. */
  mortgageMethod?: "general" | "maximum";
  constructionMortgage?: boolean;
  advanceNoticeKind?: AdvanceNoticeKind;
  seizureKind?: "seizure" | "pre-seizure";
  acquisition?:
    | "sale"
    | "gift"
    | "inheritance"
    | "bequest"
    | "exchange"
    | "decision"
    | "division"
    | "spouses";
  cancellation?: "perished" | "waiver" | "expropriation" | "decision" | "ex-officio";
};

/** 预告登记种类 [V]: 1 预售商品房买卖, 2 其它不动产买卖, 3 预售商品房抵押权, 4 其它不动产抵押权. */
export type AdvanceNoticeKind = "presale-sale" | "sale" | "presale-mortgage" | "mortgage";

/**
 * 组合业务 — several parts registered in one transaction, all or none, in the listed order
 * (ARCHITECTURE "Check at commit"). A part may convert an advance notice (预转本).
 */
export type CombinedType = {
  id: string;
  name_zh: string;
  name_en: string;
  parts: ReadonlyArray<{ typeId: string; convertsAdvanceNotice?: AdvanceNoticeKind; note_zh?: string }>;
  basis?: string;
  /**
   * 带押过户（分段模式）: after its parts are registered the case waits for the old mortgagee's
   * confirmation that the loan named by the mortgage part's `repaysMortgageId` is repaid (through
   * the bank connector); that mortgage is then cancelled, and only then is the case certified.
   */
  awaitsRepayment?: boolean;
};
