import type { IsoDate } from "../calendar/iso-date";
import type { AdvanceNoticeKind } from "./business-type";
import type { Fraction } from "./fraction";
import type { CoOwnershipMode } from "./parties";

/**
 * The rules' view of the register for one unit, as the register projections provide it at the moment
 * of checking (at submit, and again under lock at commit). Plain values, no IO; ids are the register's.
 */
export type HolderView = { personId: string; name: string; share?: Fraction; deceased?: boolean };

/** 权利类型 grouped as the rules need them (QLLX 1–18). */
export type RightKind =
  | "land-ownership"
  | "state-construction"
  | "state-construction+house"
  | "collective-construction"
  | "collective-construction+building"
  | "homestead"
  | "homestead+house"
  | "contracted-land"
  | "forest"
  | "sea-area"
  | "island"
  | "other";

/** 权属状态 (QSZT): 临时 before 登簿, 现势, 历史 (replaced), 终止 (cancelled). */
export type RightStatus = "provisional" | "current" | "historic" | "terminated";

export type RightView = {
  id: string;
  kind: RightKind;
  status: RightStatus;
  holders: readonly HolderView[];
  coOwnership: CoOwnershipMode;
  /** End of a use right's term; none for ownership. */
  termEnd?: IsoDate;
  landUse?: "residential" | "industrial" | "commercial" | "other";
  certificateNumber?: string;
  registeredOn: IsoDate;
};

export type MortgageView = {
  id: string;
  mortgageeId: string;
  mortgagorIds: readonly string[];
  method: "general" | "maximum";
  /** In fen; the maximum amount for a 最高额 mortgage. */
  amount: number;
  rank: number;
  registeredOn: IsoDate;
  debtEnd?: IsoDate;
  transferBan: boolean;
  /** 最高额: debts fixed (确定) and registered as such. */
  fixed?: boolean;
  /** 最高额: the agreed determination period ends (民法典 423(一)). */
  fixingPeriodEnd?: IsoDate;
  /** 在建建筑物抵押 not yet converted (细则 77). */
  construction?: boolean;
  status: "current" | "cancelled";
};

export type AdvanceNoticeView = {
  id: string;
  kind: AdvanceNoticeKind;
  holderIds: readonly string[];
  obligorIds: readonly string[];
  registeredOn: IsoDate;
  /** When formal registration became possible (e.g. the building's first registration): R11's 90 days. */
  registrablePossibleOn?: IsoDate;
  /** The secured claim ended (contract rescinded): lapses at once (民法典 221). */
  claimEnded?: boolean;
  status: "effective" | "lapsed" | "cancelled" | "converted";
};

export type SeizureView = {
  id: string;
  court: string;
  kind: "seizure" | "pre-seizure";
  status: "effective" | "waiting" | "released" | "lapsed";
  /** Delivery of the 协助执行通知书, ISO date-time: ranks waiting seizures (R8, 细则 91). */
  deliveredAt: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  effectiveFrom?: IsoDate;
};

export type ObjectionView = {
  id: string;
  applicantId: string;
  matter: string;
  grounds: string;
  registeredOn: IsoDate;
  /** A court or arbitration acceptance notice filed within 15 days keeps it (细则 83). */
  courtAcceptanceFiledOn?: IsoDate;
  status: "effective" | "lapsed" | "cancelled";
};

export type HabitationView = {
  id: string;
  holderId: string;
  holderDeceased?: boolean;
  termEnd?: IsoDate;
  status: "current" | "cancelled";
};

export type EasementView = {
  id: string;
  /** This unit's side: 供役地 (servient, where it is registered) or 需役地 (dominant, noted). */
  side: "servient" | "dominant";
  otherUnitCode: string;
  termEnd: IsoDate;
  status: "current" | "cancelled";
};

/** R16: the planned units of a building under construction. */
export type PlannedUnitView = { unitCode: string; presaleFiled: boolean; advanceNotice: boolean };

/** R21: what was registered on the unit, and when. */
export type HistoryEntryView = { entryKind: string; registeredOn: IsoDate };

export type UnitState = {
  unitCode: string;
  firstRegistered: boolean;
  /** The parcel's use right under a building (R3); for a land unit, its own right. */
  landRight?: { registered: boolean; holderIds: readonly string[]; termEnd?: IsoDate };
  rights: readonly RightView[];
  use: "residential" | "non-residential";
  mortgages: readonly MortgageView[];
  advanceNotices: readonly AdvanceNoticeView[];
  seizures: readonly SeizureView[];
  objections: readonly ObjectionView[];
  habitations: readonly HabitationView[];
  easements: readonly EasementView[];
  /** R15: a public-interest school, kindergarten or hospital facility. */
  publicInterest?: boolean;
  /** R15, 条例 22: title unclear or disputed. */
  disputed?: boolean;
  /** R16: a building under construction with its planned units. */
  plannedUnits?: readonly PlannedUnitView[];
  history: readonly HistoryEntryView[];
  /** R26: certificates voided by later registrations. */
  voidedCertificates: readonly string[];
};

export const currentRights = (state: UnitState): RightView[] =>
  state.rights.filter((right) => right.status === "current");

/**
 * The right a case acts on: the named one, or the unit's current right (else one still pending 登簿,
 * so that R1 can say why it cannot be disposed of yet).
 */
export const targetRight = (state: UnitState, rightId?: string): RightView | undefined =>
  rightId
    ? state.rights.find((right) => right.id === rightId)
    : (currentRights(state)[0] ?? state.rights.find((right) => right.status === "provisional"));

export const holderIdsOf = (right: RightView | undefined): string[] =>
  right ? right.holders.map((holder) => holder.personId) : [];
