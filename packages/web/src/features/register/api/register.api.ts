import { api } from "../../../api/client";

import type { ResponseOf } from "../../../api/openapi";

/** Shapes of the register read API (`/api/register/*`), from the server's OpenAPI document. */

export type UnitView = ResponseOf<"/api/register/units/{code}", "get">;
export type Unit = UnitView["unit"];
export type Parcel = NonNullable<UnitView["parcel"]>;
export type Flags = UnitView["flags"];
export type Right = NonNullable<UnitView["rights"]>[number];
export type Holder = Right["holders"][number];
export type Encumbrance = NonNullable<UnitView["encumbrances"]>[number];
export type RecordStatus = Unit["status"];
export type UnitHistory = ResponseOf<"/api/register/units/{code}/history", "get">;
export type TimelineEvent = UnitHistory["timeline"][number];
export type ParcelView = ResponseOf<"/api/register/parcels/{code}", "get">;
export type Building = ParcelView["buildings"][number];
export type UnitCell = ParcelView["units"][number];
export type BuildingTable = ResponseOf<"/api/register/buildings/{code}/table", "get">;
export type ParcelFeatures = ResponseOf<"/api/register/map", "get">;
export type CertificateUnit = ResponseOf<"/api/register/units/by-certificate", "get">;
export type HeldRestriction = ResponseOf<"/api/register/restrictions/held", "get">["restrictions"][number];

export const FLAG_NAMES = [
  "mortgaged",
  "seized",
  "advanceNotice",
  "objection",
  "habitation",
  "easement",
  "coOwned",
] as const;

const enc = encodeURIComponent;
const compact = (code: string) => code.replace(/\s+/g, "");

export const registerKeys = {
  unit: (code: string) => ["register", "unit", compact(code)] as const,
  history: (code: string) => ["register", "history", compact(code)] as const,
  parcel: (code: string) => ["register", "parcel", code] as const,
  building: (code: string) => ["register", "building", code] as const,
  search: (text: string) => ["register", "search", text] as const,
  map: (bbox: string) => ["register", "map", bbox] as const,
  held: (kind: string) => ["register", "held", kind] as const,
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

/** 按证书号查单元: the unit a certificate or certification number was issued for, and its status. */
export const fetchUnitByCertificate = (number: string, signal?: AbortSignal) =>
  api.get<CertificateUnit>(`/api/register/units/by-certificate?number=${enc(number.trim())}`, { signal });

/** The restrictions the caller holds (a bank's mortgages, a court's seizures), live ones. */
export const fetchHeldRestrictions = async (kind: "mortgage" | "seizure", signal?: AbortSignal) =>
  (
    await api.get<{ restrictions: HeldRestriction[] }>(`/api/register/restrictions/held?kind=${kind}`, {
      signal,
    })
  ).restrictions;

/** A 不动产权证书号 or 不动产登记证明号 as typed (either bracket style, spaces allowed). */
export const looksLikeCertificateNumber = (text: string) =>
  /^.[（(]\d{4}[）)].+不动产(权|证明)第\d{7}号$/.test(compact(text));

/** The building code (parcel code + F + 4 digits) a house unit belongs to, or null for land. */
export function buildingCodeOf(unit: Pick<Unit, "parcelCode" | "buildingNo" | "fixture">): string | null {
  return unit.fixture === "F" && unit.buildingNo ? `${unit.parcelCode}F${unit.buildingNo}` : null;
}

/** A 28-character unit code typed with or without spaces. */
export const looksLikeUnitCode = (text: string) => /^[0-9A-Za-z]{28}$/.test(compact(text));
