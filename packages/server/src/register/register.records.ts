import {
  addressGrams,
  type Box,
  type BuildingRecord,
  boundingBox,
  type EncumbranceRecord,
  type HolderRecord,
  type ParcelRecord,
  type Polygon,
  type RegisterRecordOf,
  type RegisterTable,
  type RightRecord,
  type UnitRecord,
} from "@yulin/domain";
import type { Insertable, Selectable } from "kysely";
import type { DB } from "../platform/db/schema";

/**
 * Records (domain) ↔ rows (tables). One mapping per table, used to write projections and, in
 * `yulin verify`, to read them back for comparison with the replayed ledger: the two directions
 * are exact inverses, and the derived columns (address bigrams, bounding boxes) are recomputed.
 */
type Row<T extends RegisterTable> = Selectable<DB[T]>;
type Insert<T extends RegisterTable> = Insertable<DB[T]>;

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const boxText = (b: Box | null): string | null =>
  b === null ? null : `(${b.maxX},${b.maxY}),(${b.minX},${b.minY})`;
const bboxOf = (geometry: Polygon | null): Box | null => (geometry ? boundingBox(geometry) : null);

/** PostgreSQL prints a box as `(x2,y2),(x1,y1)` with the upper-right corner first. */
export function parseBox(text: string | null): Box | null {
  if (text === null) return null;
  const n = text.match(/-?[\d.]+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
  if (n.length !== 4) return null;
  const [x1, y1, x2, y2] = n as [number, number, number, number];
  return { minX: Math.min(x1, x2), minY: Math.min(y1, y2), maxX: Math.max(x1, x2), maxY: Math.max(y1, y2) };
}

export const toRow = {
  parcels: (r: ParcelRecord): Insert<"parcels"> => ({
    jurisdiction: r.jurisdiction,
    parcel_code: r.parcelCode,
    zone: r.zone,
    subzone: r.subzone,
    feature: r.feature,
    is_sea: r.isSea,
    area: r.area,
    land_use: r.landUse,
    land_use_standard: r.landUseStandard,
    land_grade: r.landGrade,
    address: r.address,
    address_grams: addressGrams(r.address),
    vertical_kind: r.vertical.kind,
    z_min: r.vertical.min,
    z_max: r.vertical.max,
    geometry: r.geometry ? JSON.stringify(r.geometry) : null,
    bbox: boxText(bboxOf(r.geometry)),
    status: r.status,
    created_seq: r.createdSeq,
    updated_seq: r.updatedSeq,
  }),
  buildings: (r: BuildingRecord): Insert<"buildings"> => ({
    jurisdiction: r.jurisdiction,
    parcel_code: r.parcelCode,
    building_no: r.buildingNo,
    name: r.name,
    address: r.address,
    floors_above: r.floorsAbove,
    floors_below: r.floorsBelow,
    structure: r.structure,
    completed_year: r.completedYear,
    area: r.area,
    geometry: r.geometry ? JSON.stringify(r.geometry) : null,
    bbox: boxText(bboxOf(r.geometry)),
    status: r.status,
    created_seq: r.createdSeq,
    updated_seq: r.updatedSeq,
  }),
  units: (r: UnitRecord): Insert<"units"> => ({
    jurisdiction: r.jurisdiction,
    unit_code: r.unitCode,
    parcel_code: r.parcelCode,
    fixture: r.fixture,
    building_no: r.buildingNo,
    room_no: r.roomNo,
    floor: r.floor,
    room_label: r.roomLabel,
    building_area: r.buildingArea,
    inner_area: r.innerArea,
    shared_area: r.sharedArea,
    use: r.use,
    structure: r.structure,
    address: r.address,
    address_grams: addressGrams(r.address),
    status: r.status,
    created_seq: r.createdSeq,
    updated_seq: r.updatedSeq,
  }),
  rights: (r: RightRecord): Insert<"rights"> => ({
    jurisdiction: r.jurisdiction,
    unit_code: r.unitCode,
    seq: r.seq,
    right_type: r.rightType,
    nature: r.nature,
    use: r.use,
    area: r.area,
    term_start: r.termStart,
    term_end: r.termEnd,
    source: r.source,
    certificate_no: r.certificateNo,
    co_ownership: r.coOwnership,
    registered_at: r.registeredAt,
    status: r.status,
    ended_seq: r.endedSeq,
    end_reason: r.endReason,
  }),
  right_holders: (r: HolderRecord): Insert<"right_holders"> => ({
    jurisdiction: r.jurisdiction,
    unit_code: r.unitCode,
    right_seq: r.rightSeq,
    ordinal: r.ordinal,
    name: r.name,
    holder_type: r.holderType,
    id_type: r.idType,
    id_number_enc: r.idNumberEnc,
    id_number_hash: r.idNumberHash,
    id_number_masked: r.idNumberMasked,
    share: r.share,
  }),
  encumbrances: (r: EncumbranceRecord): Insert<"encumbrances"> => ({
    jurisdiction: r.jurisdiction,
    unit_code: r.unitCode,
    seq: r.seq,
    kind: r.kind,
    status: r.status,
    rank: r.rank,
    holder_name: r.holderName,
    holder_type: r.holderType,
    holder_id_type: r.holderIdType,
    holder_id_enc: r.holderIdEnc,
    holder_id_hash: r.holderIdHash,
    holder_id_masked: r.holderIdMasked,
    obligor_name: r.obligorName,
    document_no: r.documentNo,
    starts_on: r.startsOn,
    ends_on: r.endsOn,
    amount: r.amount,
    related_unit_code: r.relatedUnitCode,
    particulars: JSON.stringify(r.particulars),
    registered_at: r.registeredAt,
    updated_seq: r.updatedSeq,
    ended_seq: r.endedSeq,
    end_reason: r.endReason,
  }),
} satisfies { [T in RegisterTable]: (r: RegisterRecordOf[T]) => Insert<T> };

export const fromRow = {
  parcels: (r: Row<"parcels">): ParcelRecord => ({
    jurisdiction: r.jurisdiction,
    parcelCode: r.parcel_code,
    zone: r.zone,
    subzone: r.subzone,
    feature: r.feature,
    isSea: r.is_sea,
    area: Number(r.area),
    landUse: r.land_use,
    landUseStandard: r.land_use_standard,
    landGrade: r.land_grade,
    address: r.address,
    vertical: { kind: r.vertical_kind, min: r.z_min, max: r.z_max },
    geometry: (r.geometry as Polygon | null) ?? null,
    status: r.status,
    createdSeq: r.created_seq,
    updatedSeq: r.updated_seq,
  }),
  buildings: (r: Row<"buildings">): BuildingRecord => ({
    jurisdiction: r.jurisdiction,
    parcelCode: r.parcel_code,
    buildingNo: r.building_no,
    name: r.name,
    address: r.address,
    floorsAbove: r.floors_above,
    floorsBelow: r.floors_below,
    structure: r.structure,
    completedYear: r.completed_year,
    area: num(r.area),
    geometry: (r.geometry as Polygon | null) ?? null,
    status: r.status,
    createdSeq: r.created_seq,
    updatedSeq: r.updated_seq,
  }),
  units: (r: Row<"units">): UnitRecord => ({
    jurisdiction: r.jurisdiction,
    unitCode: r.unit_code,
    parcelCode: r.parcel_code,
    fixture: r.fixture,
    buildingNo: r.building_no,
    roomNo: r.room_no,
    floor: r.floor,
    roomLabel: r.room_label,
    buildingArea: num(r.building_area),
    innerArea: num(r.inner_area),
    sharedArea: num(r.shared_area),
    use: r.use,
    structure: r.structure,
    address: r.address,
    status: r.status,
    createdSeq: r.created_seq,
    updatedSeq: r.updated_seq,
  }),
  rights: (r: Row<"rights">): RightRecord => ({
    jurisdiction: r.jurisdiction,
    unitCode: r.unit_code,
    seq: r.seq,
    rightType: r.right_type,
    nature: r.nature,
    use: r.use,
    area: num(r.area),
    termStart: r.term_start,
    termEnd: r.term_end,
    source: r.source,
    certificateNo: r.certificate_no,
    coOwnership: r.co_ownership,
    registeredAt: iso(r.registered_at),
    status: r.status,
    endedSeq: r.ended_seq,
    endReason: r.end_reason,
  }),
  right_holders: (r: Row<"right_holders">): HolderRecord => ({
    jurisdiction: r.jurisdiction,
    unitCode: r.unit_code,
    rightSeq: r.right_seq,
    ordinal: r.ordinal,
    name: r.name,
    holderType: r.holder_type,
    idType: r.id_type,
    idNumberEnc: r.id_number_enc,
    idNumberHash: r.id_number_hash,
    idNumberMasked: r.id_number_masked,
    share: r.share,
  }),
  encumbrances: (r: Row<"encumbrances">): EncumbranceRecord => ({
    jurisdiction: r.jurisdiction,
    unitCode: r.unit_code,
    seq: r.seq,
    kind: r.kind,
    status: r.status,
    rank: r.rank,
    holderName: r.holder_name,
    holderType: r.holder_type,
    holderIdType: r.holder_id_type,
    holderIdEnc: r.holder_id_enc,
    holderIdHash: r.holder_id_hash,
    holderIdMasked: r.holder_id_masked,
    obligorName: r.obligor_name,
    documentNo: r.document_no,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    amount: num(r.amount),
    relatedUnitCode: r.related_unit_code,
    particulars: r.particulars,
    registeredAt: iso(r.registered_at),
    updatedSeq: r.updated_seq,
    endedSeq: r.ended_seq,
    endReason: r.end_reason,
  }),
} satisfies { [T in RegisterTable]: (r: Row<T>) => RegisterRecordOf[T] };

/**
 * Derived columns that must match the record (verify names them when they do not): address
 * bigrams for search and the bounding box the map and overlap queries use.
 */
export function derivedColumnProblems(table: RegisterTable, row: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if ("address_grams" in row) {
    const expected = addressGrams(String(row.address));
    const actual = row.address_grams as string[];
    if (expected.length !== actual.length || expected.some((g, i) => g !== actual[i]))
      problems.push("address_grams");
  }
  if ((table === "parcels" || table === "buildings") && "bbox" in row) {
    const expected = bboxOf((row.geometry as Polygon | null) ?? null);
    const actual = parseBox(row.bbox as string | null);
    const same =
      expected === null || actual === null
        ? expected === actual
        : expected.minX === actual.minX &&
          expected.minY === actual.minY &&
          expected.maxX === actual.maxX &&
          expected.maxY === actual.maxY;
    if (!same) problems.push("bbox");
  }
  return problems;
}
