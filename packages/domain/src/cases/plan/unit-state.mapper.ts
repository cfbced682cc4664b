/**
 * The rules' view of a unit (`UnitState`) derived from its register slice: at submit from a plain
 * read, at commit from the rows locked in the registering transaction, and for each later part of a
 * combined case from the slice as the earlier parts' planned entries leave it. Ids are ledger seqs
 * as strings; person ids are the keyed SM3 of the holder's ID number or credit code, the same
 * `personId` the case parties carry.
 */

import type { EncumbranceRecord, HolderRecord, RightRecord } from "../../register/register.types";
import type { AdvanceNoticeKind } from "../business-type";
import { parseFraction } from "../fraction";
import type {
  AdvanceNoticeView,
  EasementView,
  HabitationView,
  HistoryEntryView,
  MortgageView,
  ObjectionView,
  RightKind,
  RightView,
  SeizureView,
  UnitState,
} from "../unit-state";
import { chinaDateOfInstant, type UnitSlice } from "./unit-slice";

/** 权利类型 (QLLX) grouped as the rules read them. */
const RIGHT_KINDS: Record<string, RightKind> = {
  "1": "land-ownership",
  "2": "land-ownership",
  "3": "state-construction",
  "4": "state-construction+house",
  "5": "homestead",
  "6": "homestead+house",
  "7": "collective-construction",
  "8": "collective-construction+building",
  "9": "contracted-land",
  "10": "forest",
  "11": "forest",
  "12": "forest",
  "13": "other",
  "14": "other",
  "15": "sea-area",
  "16": "sea-area",
  "17": "island",
  "18": "island",
};

/** Rights that are land and building in one (房地一体): they carry the land right themselves (R3). */
const LAND_AND_BUILDING = new Set(["4", "6", "8", "10", "12", "16", "18"]);

const landUseOf = (code: string | null): RightView["landUse"] => {
  if (!code) return undefined;
  if (code.startsWith("07") || code === "071" || code === "072") return "residential";
  if (code.startsWith("06")) return "industrial";
  if (code.startsWith("05")) return "commercial";
  return "other";
};

const keys = (value: unknown): string[] =>
  typeof value === "string" && value !== "" ? value.split(",").filter(Boolean) : [];
const str = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** The stable person id of a register holder: its ID lookup hash, else its name (legacy data). */
const personIdOf = (hash: string | null, name: string) => hash ?? `name:${name}`;

const rightView = (right: RightRecord, holders: HolderRecord[]): RightView => {
  const share = (text: string | null) => (text ? parseFraction(text) : undefined);
  return {
    id: String(right.seq),
    kind: RIGHT_KINDS[right.rightType] ?? "other",
    status:
      right.status === "current"
        ? "current"
        : right.endReason && /注销|灭失|放弃|征收|终止/.test(right.endReason)
          ? "terminated"
          : "historic",
    holders: holders.map((h) => ({
      personId: personIdOf(h.idNumberHash, h.name),
      name: h.name,
      ...(share(h.share) ? { share: share(h.share)! } : {}),
    })),
    coOwnership: ({ "0": "sole", "1": "joint", "2": "shares", "3": "other" } as const)[right.coOwnership],
    ...(right.termEnd ? { termEnd: right.termEnd } : {}),
    ...(landUseOf(right.use) ? { landUse: landUseOf(right.use)! } : {}),
    ...(right.certificateNo ? { certificateNumber: right.certificateNo } : {}),
    registeredOn: chinaDateOfInstant(right.registeredAt),
  };
};

const endedAs = <T extends string>(e: EncumbranceRecord, table: Array<[RegExp, T]>, fallback: T): T =>
  table.find(([pattern]) => pattern.test(e.endReason ?? ""))?.[1] ?? fallback;

const mortgageView = (e: EncumbranceRecord): MortgageView => {
  const p = e.particulars;
  return {
    id: String(e.seq),
    mortgageeId: personIdOf(e.holderIdHash, e.holderName),
    mortgagorIds: keys(p.mortgagorKeys),
    method: p.method === "maximum" ? "maximum" : "general",
    amount: Math.round((e.amount ?? 0) * 100),
    rank: e.rank ?? 1,
    registeredOn: chinaDateOfInstant(e.registeredAt),
    ...(e.endsOn ? { debtEnd: e.endsOn } : {}),
    transferBan: p.transferBan === true,
    ...(p.fixed === true ? { fixed: true } : {}),
    ...(str(p.fixingPeriodEnd) ? { fixingPeriodEnd: str(p.fixingPeriodEnd)! } : {}),
    ...(p.construction === true ? { construction: true } : {}),
    status: e.status === "historic" ? "cancelled" : "current",
  };
};

const noticeView = (e: EncumbranceRecord): AdvanceNoticeView => {
  const p = e.particulars;
  return {
    id: String(e.seq),
    kind: (str(p.noticeKind) as AdvanceNoticeKind | undefined) ?? "sale",
    holderIds: [personIdOf(e.holderIdHash, e.holderName), ...keys(p.holderKeys)],
    obligorIds: keys(p.obligorKeys),
    registeredOn: chinaDateOfInstant(e.registeredAt),
    ...(str(p.registrablePossibleOn) ? { registrablePossibleOn: str(p.registrablePossibleOn)! } : {}),
    ...(p.claimEnded === true ? { claimEnded: true } : {}),
    status:
      e.status === "historic"
        ? endedAs(
            e,
            [
              [/失效/, "lapsed"],
              [/转/, "converted"],
            ],
            "cancelled",
          )
        : "effective",
  };
};

const seizureView = (e: EncumbranceRecord): SeizureView => {
  const p = e.particulars;
  return {
    id: String(e.seq),
    court: str(p.court) ?? personIdOf(e.holderIdHash, e.holderName),
    kind: p.seizureKind === "pre-seizure" ? "pre-seizure" : "seizure",
    status:
      e.status === "historic"
        ? endedAs(
            e,
            [
              [/失效|届满/, "lapsed"],
              [/解/, "released"],
            ],
            "released",
          )
        : e.status,
    deliveredAt: str(p.deliveredAt) ?? e.registeredAt,
    periodStart: e.startsOn ?? chinaDateOfInstant(e.registeredAt),
    periodEnd: e.endsOn ?? "9999-12-31",
    ...(str(p.effectiveFrom) ? { effectiveFrom: str(p.effectiveFrom)! } : {}),
  };
};

const objectionView = (e: EncumbranceRecord): ObjectionView => {
  const p = e.particulars;
  return {
    id: String(e.seq),
    applicantId: personIdOf(e.holderIdHash, e.holderName),
    matter: str(p.matter) ?? "",
    grounds: str(p.grounds) ?? "",
    registeredOn: chinaDateOfInstant(e.registeredAt),
    ...(str(p.courtAcceptanceFiledOn) ? { courtAcceptanceFiledOn: str(p.courtAcceptanceFiledOn)! } : {}),
    status: e.status === "historic" ? endedAs(e, [[/失效/, "lapsed"]], "cancelled") : "effective",
  };
};

const habitationView = (e: EncumbranceRecord): HabitationView => ({
  id: String(e.seq),
  holderId: personIdOf(e.holderIdHash, e.holderName),
  ...(e.particulars.holderDeceased === true ? { holderDeceased: true } : {}),
  ...(e.endsOn ? { termEnd: e.endsOn } : {}),
  status: e.status === "historic" ? "cancelled" : "current",
});

const easementView = (e: EncumbranceRecord, side: EasementView["side"]): EasementView => ({
  id: String(e.seq),
  side,
  otherUnitCode: side === "servient" ? (e.relatedUnitCode ?? "") : e.unitCode,
  termEnd: e.endsOn ?? "9999-12-31",
  status: e.status === "historic" ? "cancelled" : "current",
});

/** Register entry kinds as the case rules name them (R21 reads what was registered after an error). */
const historyKind = (kind: string, body: unknown): string => {
  if (kind === "right.create") {
    const ends = (body as { ends?: unknown[] } | null)?.ends;
    return Array.isArray(ends) && ends.length > 0 ? "right.transfer" : "right.create";
  }
  return kind;
};

/** The rules' view of the unit the slice holds. */
export function unitStateOf(slice: UnitSlice): UnitState {
  const { unit, parcel, rights, encumbrances } = slice;
  const views = rights.map(({ right, holders }) => rightView(right, holders));
  const current = rights.filter((r) => r.right.status === "current");
  const currentLand = slice.landRights.find((r) => r.right.status === "current");
  const ownCombined = current.find((r) => LAND_AND_BUILDING.has(r.right.rightType));
  const landSource = currentLand ?? ownCombined;
  const landRight: UnitState["landRight"] = landSource
    ? {
        registered: true,
        holderIds: landSource.holders.map((h) => personIdOf(h.idNumberHash, h.name)),
        ...(landSource.right.termEnd ? { termEnd: landSource.right.termEnd } : {}),
      }
    : { registered: false, holderIds: [] };
  const of = (kind: EncumbranceRecord["kind"]) => encumbrances.filter((e) => e.kind === kind);
  const residential =
    unit.fixture === "W"
      ? (landUseOf(parcel?.landUse ?? null) ?? "residential") === "residential"
      : !unit.use || unit.use.startsWith("1");
  const history: HistoryEntryView[] = slice.history.map((h) => ({
    entryKind: historyKind(h.kind, h.body),
    registeredOn: chinaDateOfInstant(h.recordedAt),
  }));
  return {
    unitCode: unit.unitCode,
    firstRegistered: rights.length > 0,
    landRight,
    rights: views,
    use: residential ? "residential" : "non-residential",
    mortgages: of("mortgage").map(mortgageView),
    advanceNotices: of("advance-notice").map(noticeView),
    seizures: of("seizure").map(seizureView),
    objections: of("objection").map(objectionView),
    habitations: of("habitation").map(habitationView),
    easements: [
      ...of("easement").map((e) => easementView(e, "servient")),
      ...slice.benefiting.filter((e) => e.kind === "easement").map((e) => easementView(e, "dominant")),
    ],
    ...(unit.use === "41" || unit.use === "42" ? { publicInterest: true } : {}),
    // 所有权未确定或有争议 (Z) and 使用权未确定或有争议 (W) parcels (GB/T 37346).
    ...(parcel && (parcel.feature.startsWith("Z") || parcel.feature.endsWith("W")) ? { disputed: true } : {}),
    history,
    voidedCertificates: views
      .filter((r) => r.status !== "current" && r.certificateNumber)
      .map((r) => r.certificateNumber!),
  };
}
