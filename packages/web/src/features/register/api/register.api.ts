import { api } from "../../../api/client";

/** Shapes of the register read API (`/api/register/*`), as the web app uses them. */

export type RecordStatus = "current" | "historic";

export type Flags = {
  coOwned: boolean;
  mortgaged: boolean;
  advanceNotice: boolean;
  seized: boolean;
  objection: boolean;
  habitation: boolean;
  easement: boolean;
};
export const FLAG_NAMES = [
  "mortgaged",
  "seized",
  "advanceNotice",
  "objection",
  "habitation",
  "easement",
  "coOwned",
] as const;

export type Unit = {
  code: string;
  codeDisplay: string;
  parcelCode: string;
  fixture: "F" | "L" | "Q" | "W";
  buildingNo: string | null;
  roomNo: string | null;
  floor: number | null;
  roomLabel: string | null;
  buildingArea: number | null;
  innerArea: number | null;
  sharedArea: number | null;
  use: string | null;
  structure: string | null;
  address: string;
  status: RecordStatus;
};

export type Parcel = {
  code: string;
  zone: string;
  subzone: string;
  feature: string;
  isSea: boolean;
  area: number;
  landUse: string | null;
  landUseStandard: string | null;
  landGrade: string | null;
  address: string;
  vertical: { kind: "surface" | "above" | "below" | "between"; min: number | null; max: number | null };
  status: RecordStatus;
};

export type Holder = {
  ordinal: number;
  name: string;
  holderType: string;
  idType: string;
  idNumberMasked: string | null;
  share: string | null;
};

export type Right = {
  seq: number;
  rightType: string;
  rightTypeName: string;
  nature: string | null;
  natureName: string | null;
  use: string | null;
  area: number | null;
  termStart: string | null;
  termEnd: string | null;
  source: string;
  certificateNo: string | null;
  coOwnership: string;
  coOwnershipName: string;
  registeredAt: string;
  status: RecordStatus;
  endedSeq: number | null;
  endReason: string | null;
  holders: Holder[];
};

export type Encumbrance = {
  seq: number;
  kind: string;
  kindName: string;
  status: "effective" | "waiting" | "historic";
  rank: number | null;
  holderName: string;
  holderIdMasked: string | null;
  obligorName: string | null;
  documentNo: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amount: number | null;
  relatedUnitCode: string | null;
  particulars: Record<string, unknown>;
  registeredAt: string;
  endedSeq: number | null;
  endReason: string | null;
};

export type UnitView = {
  view: "full" | "public";
  unit: Unit;
  parcel: Parcel | null;
  flags: Flags;
  rights: Right[] | null;
  encumbrances: Encumbrance[] | null;
  easementsBenefiting: Encumbrance[] | null;
};

export type TimelineEvent = {
  seq: number;
  at: string;
  kind: string;
  scope: "unit" | "land" | "building" | "parcel";
  hash: string;
  title_zh: string;
  title_en: string;
};

export type UnitHistory = {
  unit: Unit;
  timeline: TimelineEvent[];
  rights: Right[];
  encumbrances: Encumbrance[];
};

export type UnitCell = {
  code: string;
  buildingNo: string | null;
  roomNo: string | null;
  floor: number | null;
  roomLabel: string | null;
  buildingArea: number | null;
  use: string | null;
  status: RecordStatus;
  registered: boolean;
  flags: Flags;
};

export type Building = {
  buildingNo: string;
  code: string;
  name: string | null;
  address: string;
  floorsAbove: number;
  floorsBelow: number;
  structure: string | null;
  completedYear: number | null;
  area: number | null;
  status: RecordStatus;
};

export type ParcelView = { parcel: Parcel & { geometry: unknown }; buildings: Building[]; units: UnitCell[] };

export type BuildingTable = {
  building: Omit<Building, "status"> & { parcelCode: string };
  floors: { floor: number | null; units: UnitCell[] }[];
};

export type ParcelFeatures = {
  type: "FeatureCollection";
  features: { type: "Feature"; id: string; geometry: unknown; properties: Record<string, unknown> }[];
};

const enc = encodeURIComponent;
const compact = (code: string) => code.replace(/\s+/g, "");

export const registerKeys = {
  unit: (code: string) => ["register", "unit", compact(code)] as const,
  history: (code: string) => ["register", "history", compact(code)] as const,
  parcel: (code: string) => ["register", "parcel", code] as const,
  building: (code: string) => ["register", "building", code] as const,
  search: (text: string) => ["register", "search", text] as const,
  map: (bbox: string) => ["register", "map", bbox] as const,
};

export const fetchUnit = (code: string, signal?: AbortSignal) =>
  api.get<UnitView>(`/api/register/units/${enc(compact(code))}`, { signal });
export const fetchUnitHistory = (code: string, signal?: AbortSignal) =>
  api.get<UnitHistory>(`/api/register/units/${enc(compact(code))}/history`, { signal });
export const fetchParcel = (code: string, signal?: AbortSignal) =>
  api.get<ParcelView>(`/api/register/parcels/${enc(code)}`, { signal });
export const fetchBuildingTable = (code: string, signal?: AbortSignal) =>
  api.get<BuildingTable>(`/api/register/buildings/${enc(code)}/table`, { signal });
export const searchUnits = async (address: string, signal?: AbortSignal) =>
  (await api.get<{ units: Unit[] }>(`/api/register/search?address=${enc(address)}&limit=50`, { signal }))
    .units;
export const fetchParcelsInBox = (bbox: readonly [number, number, number, number], signal?: AbortSignal) =>
  api.get<ParcelFeatures>(`/api/register/map?bbox=${bbox.join(",")}&limit=500`, { signal });

/** The building code (parcel code + F + 4 digits) a house unit belongs to, or null for land. */
export function buildingCodeOf(unit: Pick<Unit, "parcelCode" | "buildingNo" | "fixture">): string | null {
  return unit.fixture === "F" && unit.buildingNo ? `${unit.parcelCode}F${unit.buildingNo}` : null;
}

/** A 28-character unit code typed with or without spaces. */
export const looksLikeUnitCode = (text: string) => /^[0-9A-Za-z]{28}$/.test(compact(text));
