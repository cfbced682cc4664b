import type { AccountKind, InstitutionKind } from "../access/policy";
import type { IsoDate } from "../calendar/iso-date";
import type { AdvanceNoticeKind } from "./business-type";
import type { Fraction } from "./fraction";
import type { MaterialId } from "./materials";
import type { CoOwnershipMode, PartyRole } from "./parties";

/**
 * A party named on a case. `personId` is the stable key of a person or organisation (the server's
 * person record), the same key the register view uses for holders.
 */
export type DraftParty = {
  personId: string;
  name: string;
  role: PartyRole;
  /** The platform account that confirmed for this party, if any (a citizen, company or institution). */
  accountId?: string;
  /** Confirmed and signed (SM2 e-signature or witnessed at the counter), by themselves or their agent. */
  signed: boolean;
  /** For a right holder under 按份共有: the share they will hold. */
  share?: Fraction;
  /** R25: 第一顺序 (spouse, children, parents) or 第二顺序 (siblings, grandparents) heir (民法典 1127). */
  heirOrder?: 1 | 2;
  /** For agents, helpers, guardians and administrators: whom they act for. */
  actsFor?: string;
  /** R2: the obligor claims the right by an unregistered inheritance or decision (民法典 229–232). */
  unregisteredAcquisition?: "inheritance" | "decision";
  /** What the register records of the party when a part is planned (absent in rule-only drafts). */
  identity?: PartyIdentity;
};

/** A party as the register records it: sealed ID, its kind, the share as written, its institution. */
export type PartyIdentity = {
  /** 权利人类型: 1 个人, 2 企业 … */
  holderType: string;
  /** 证件种类: 1 身份证 … 8 统一社会信用代码. */
  idType: string;
  idNumberEnc: string | null;
  idNumberMasked: string | null;
  /** 按份共有 share as written on the application (`1/2`, `50%`). */
  shareText: string | null;
  /** The institution (bank, court …) the party is, when it is one on the platform. */
  institutionId: string | null;
};

/** First registration and correction: the right's facts (权利类型, 性质, 用途, 面积, 期限). */
export type RightFactsInput = {
  rightType: string;
  nature?: string | null;
  use?: string | null;
  area?: number | null;
  termStart?: string | null;
  termEnd?: string | null;
};

/** 自然状况变更: the unit's facts as they now are (坐落, 面积, 用途 …). */
export type UnitFactsInput = {
  address?: string;
  buildingArea?: number | null;
  innerArea?: number | null;
  sharedArea?: number | null;
  use?: string | null;
  floor?: number | null;
  roomLabel?: string | null;
  structure?: string | null;
};

/** A material on file: uploaded, referenced from e-licence data, or replaced by a commitment (告知承诺). */
export type DraftMaterial = { id: MaterialId; source: "upload" | "e-licence" | "commitment" };

/** A written consent on file (R10, R13, R14, 细则 28). `refId` names the mortgage or notice it concerns. */
export type Consent = {
  kind: "advance-notice-holder" | "mortgagee" | "later-mortgagee" | "co-owners";
  personId: string;
  refId?: string;
};

/** R12: the applicant's signed statement that they know of the objection and bear the risk (细则 84). */
export type RiskStatement = { objectionId: string; personId: string; signedOn: IsoDate };

/** A period the case clock stood still (R23): correction, announcement or suspension. */
export type Pause = { kind: "correction" | "announcement" | "suspension"; from: IsoDate; to?: IsoDate };

export type MortgageDetails = {
  /** In fen (0.01 yuan), an integer: the debt, or the maximum amount of a 最高额 mortgage. */
  amount?: number;
  debtEnd?: IsoDate;
  /** Agreed ban on transferring the property (民法典 406 "另有约定"). */
  transferBan?: boolean;
  /** For change, transfer, fixing, conversion and cancellation: the mortgage concerned. */
  targetMortgageId?: string;
  /** 带押过户（分段）: the seller's mortgage this new loan repays, cancelled once its bank confirms. */
  repaysMortgageId?: string;
  /** R14 for a change: the new rank, when the parties change it. */
  rank?: number;
  /** R16: the planned units a 在建 mortgage covers. */
  collateralUnits?: readonly string[];
  /** R15: what is mortgaged when not the unit's ownership or use right. */
  collateral?: "right" | "easement";
  /** R15: a law allows mortgaging this collective use right (e.g. 土地经营权, 民法典 342). */
  lawAllows?: boolean;
  /** R17: the parties agreed that assigning part of the debt moves the mortgage (民法典 421). */
  assignmentAgreed?: boolean;
  /** R17: the 民法典 423 event that fixed the debts. */
  fixingEvent?: "period-ended" | "two-years-request" | "no-new-debt" | "seizure-known" | "bankruptcy";
};

export type SeizureDetails = {
  /** Institution id of the court. */
  court: string;
  /** When the 协助执行通知书 was delivered: ranks waiting seizures (R8). ISO date-time. */
  deliveredAt: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** For release and extension: the seizure concerned. */
  targetSeizureId?: string;
};

export type CaseDraft = {
  typeId: string;
  unitCode: string;
  parties: readonly DraftParty[];
  /** Co-ownership form of the right holders after registering (R6). */
  coOwnership?: CoOwnershipMode;
  materials: readonly DraftMaterial[];
  consents: readonly Consent[];
  riskStatements: readonly RiskStatement[];
  /** R22: the tax department confirmed deed tax paid or exempt (契税法 11). */
  taxCleared: boolean;
  /** R22: fees paid (before certificates are issued). */
  feePaid: boolean;
  /** Who submitted, for instant channels (a court account) and R4. */
  submittedBy?: { kind: AccountKind; institutionKind: InstitutionKind | null };
  /** The current right disposed of; default: the unit's only current right. */
  targetRightId?: string;
  /** R3: a house and its land go together; anything else splits them. */
  scope?: "house-and-land" | "house-only" | "land-only";
  /** R6: a co-owner transferring only their own share (民法典 305). */
  ownShareOnly?: boolean;
  /** R6: the co-owners agreed a different majority (民法典 301 "另有约定"). */
  coOwnerAgreement?: boolean;
  /** R1, R26: the certificate number the applicant presents. */
  presentedCertificate?: string;
  /** R27: the term of the right being created, extended or burdened. */
  termEnd?: IsoDate;
  /** R27: the land use that caps a granted term. */
  landUse?: "residential" | "industrial" | "commercial" | "other";
  /** R11 预转本: the advance notice this registration converts. */
  fromAdvanceNoticeId?: string;
  /** R4, 细则 86: the developer refused to apply for the presale advance notice. */
  developerRefused?: boolean;
  /** R28: when the applicant withdrew (ISO date-time), if they did. */
  withdrawnAt?: string;
  /** R23: acceptance date and clock pauses. */
  acceptedOn?: IsoDate;
  pauses?: readonly Pause[];
  /** R20: the announcement (or loss notice) and what it produced. */
  announcement?: { startedOn: IsoDate; objectionsReceived: number };
  /** R20, R21: dates for corrections. */
  correction?: { errorRegisteredOn?: IsoDate; noticeServedOn?: IsoDate };
  mortgage?: MortgageDetails;
  advanceNotice?: { kind?: AdvanceNoticeKind; targetId?: string; registrablePossibleOn?: IsoDate };
  seizure?: SeizureDetails;
  objection?: { matter: string; grounds: string; targetId?: string };
  easement?: { dominantUnitCode: string; dominantTermEnd?: IsoDate; withDominantTransfer?: boolean };
  habitation?: { byWill?: boolean; targetId?: string; ended?: "term" | "death" | "agreement" };
  /** R8: a court decision disposing of the whole unit (waiting seizures lapse). */
  decision?: { court?: string; wholeUnit?: boolean };
  /** What the register will record (planning only; the rules do not read these). */
  right?: RightFactsInput;
  unit?: UnitFactsInput;
  /** Contract, ruling or other document number recorded in the register. */
  documentNo?: string;
};
