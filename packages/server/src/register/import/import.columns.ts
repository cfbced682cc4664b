/**
 * The CSV files of a data migration (数据整合) and how each row becomes a ledger entry of kind
 * `migrated`. Columns are documented in docs/register.md; values are checked here (codes,
 * checksums, numbers, dates) and by `applyEntry` (references, duplicates, shares).
 */
export const IMPORT_FILES = ["parcels", "buildings", "units", "holders", "rights", "restrictions"] as const;
export type ImportFile = (typeof IMPORT_FILES)[number];

export const COLUMNS: Record<ImportFile, { required: string[]; optional: string[] }> = {
  parcels: {
    required: ["parcel_code", "area", "address"],
    optional: [
      "zone_name",
      "land_use",
      "land_use_standard",
      "land_grade",
      "vertical_kind",
      "z_min",
      "z_max",
      "geometry",
    ],
  },
  buildings: {
    required: ["parcel_code", "building_no", "address"],
    optional: ["name", "floors_above", "floors_below", "structure", "completed_year", "area", "geometry"],
  },
  units: {
    required: ["unit_code", "address"],
    optional: ["floor", "room_label", "building_area", "inner_area", "shared_area", "use", "structure"],
  },
  holders: {
    required: ["right_ref", "name"],
    optional: ["holder_type", "id_type", "id_number", "share"],
  },
  rights: {
    required: ["right_ref", "unit_code", "right_type", "source"],
    optional: [
      "nature",
      "use",
      "area",
      "term_start",
      "term_end",
      "certificate_no",
      "co_ownership",
      "status",
      "end_reason",
    ],
  },
  restrictions: {
    required: ["unit_code", "kind", "holder_name"],
    optional: [
      "holder_type",
      "holder_id_type",
      "holder_id_number",
      "obligor_name",
      "document_no",
      "starts_on",
      "ends_on",
      "amount",
      "mortgage_type",
      "court",
      "notice_kind",
      "rank",
      "related_unit_code",
      "status",
      "end_reason",
    ],
  },
};

/** One CSV row: column name → text as read. */
export type Fields = Record<string, string>;
