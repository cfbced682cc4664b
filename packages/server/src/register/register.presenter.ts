import {
  CO_OWNERSHIP_NAMES,
  ENCUMBRANCE_NAMES,
  type EncumbranceRecord,
  formatUnitCode,
  type HolderRecord,
  type ParcelRecord,
  RIGHT_NATURES,
  RIGHT_TYPES,
  type RightRecord,
  type UnitRecord,
} from "@yulin/domain";

/**
 * What callers see. `full`: staff of the office and the holders themselves (ID numbers masked; the
 * full number is an audited reveal). `public`: anyone with an intent to buy, rent or lend sees the
 * natural state and which restrictions exist, never who holds the property (R30).
 */
export type RegisterView = "full" | "public";

export const presentUnit = (u: UnitRecord) => ({
  code: u.unitCode,
  codeDisplay: formatUnitCode(u.unitCode),
  parcelCode: u.parcelCode,
  fixture: u.fixture,
  buildingNo: u.buildingNo,
  roomNo: u.roomNo,
  floor: u.floor,
  roomLabel: u.roomLabel,
  buildingArea: u.buildingArea,
  innerArea: u.innerArea,
  sharedArea: u.sharedArea,
  use: u.use,
  structure: u.structure,
  address: u.address,
  status: u.status,
});

export const presentParcel = (p: ParcelRecord) => ({
  code: p.parcelCode,
  zone: p.zone,
  subzone: p.subzone,
  feature: p.feature,
  isSea: p.isSea,
  area: p.area,
  landUse: p.landUse,
  landUseStandard: p.landUseStandard,
  landGrade: p.landGrade,
  address: p.address,
  vertical: p.vertical,
  status: p.status,
});

export const presentHolder = (h: HolderRecord) => ({
  ordinal: h.ordinal,
  name: h.name,
  holderType: h.holderType,
  idType: h.idType,
  idNumberMasked: h.idNumberMasked,
  share: h.share,
});

export const presentRight = (r: RightRecord, holders: HolderRecord[]) => ({
  seq: r.seq,
  rightType: r.rightType,
  rightTypeName: RIGHT_TYPES[r.rightType] ?? r.rightType,
  nature: r.nature,
  natureName: r.nature ? (RIGHT_NATURES[r.nature] ?? r.nature) : null,
  use: r.use,
  area: r.area,
  termStart: r.termStart,
  termEnd: r.termEnd,
  source: r.source,
  certificateNo: r.certificateNo,
  coOwnership: r.coOwnership,
  coOwnershipName: CO_OWNERSHIP_NAMES[r.coOwnership],
  registeredAt: r.registeredAt,
  status: r.status,
  endedSeq: r.endedSeq,
  endReason: r.endReason,
  holders: holders.map(presentHolder),
});

export const presentEncumbrance = (e: EncumbranceRecord) => ({
  seq: e.seq,
  kind: e.kind,
  kindName: ENCUMBRANCE_NAMES[e.kind].zh,
  status: e.status,
  rank: e.rank,
  holderName: e.holderName,
  holderIdMasked: e.holderIdMasked,
  obligorName: e.obligorName,
  documentNo: e.documentNo,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  amount: e.amount,
  relatedUnitCode: e.relatedUnitCode,
  particulars: e.particulars,
  registeredAt: e.registeredAt,
  endedSeq: e.endedSeq,
  endReason: e.endReason,
});

/** Which restrictions exist, and whether the property is co-owned: the public view's content. */
export function restrictionFlags(
  encumbrances: ReadonlyArray<Pick<EncumbranceRecord, "kind" | "status">>,
  coOwned: boolean,
) {
  const live = (kind: EncumbranceRecord["kind"]) =>
    encumbrances.some((e) => e.kind === kind && e.status !== "historic");
  return {
    coOwned,
    mortgaged: live("mortgage"),
    advanceNotice: live("advance-notice"),
    seized: live("seizure"),
    objection: live("objection"),
    habitation: live("habitation"),
    easement: live("easement"),
  };
}
