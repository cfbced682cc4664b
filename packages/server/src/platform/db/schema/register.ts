import type { ColumnType } from "kysely";
import type { CreatedAt, JsonOf, Numeric, Seq, Timestamp } from "./columns";

/** Kysely table types: the register: cadastre, ledger, projections, import (register/). Held to the migrations by test/db-schema.test.ts. */

// ── The register 登记簿 (register/): ledger, Merkle nodes, signed heads, projections, import ──
type RecordStatusColumn = "current" | "historic";

export type CadastralZonesTable = {
  jurisdiction: string;
  zone: string;
  subzone: string;
  name: string | null;
  created_at: CreatedAt;
};

export type CodeSequencesTable = { jurisdiction: string; scope: string; next_value: number };

export type LedgerHeadTable = {
  id: number;
  size: Seq;
  last_hash: string | null;
  frontier: JsonOf<unknown>;
};

export type RegisterEntriesTable = {
  seq: Seq;
  jurisdiction: string;
  kind: string;
  parcel_code: string;
  unit_code: string | null;
  recorded_at: Timestamp;
  body: JsonOf<unknown>;
};

/** The log: integrated entries in log order (log_index from 1; Merkle leaf index = log_index − 1). */
export type LedgerLeavesTable = { log_index: Seq; seq: Seq; prev_hash: string; hash: string };

/** Committed entries the sequencer has not integrated yet. */
export type LedgerQueueTable = { seq: Seq };

export type LedgerReceiptsTable = {
  first_seq: Seq;
  entries: JsonOf<Array<{ seq: number; contentHash: string }>>;
  issued_at: Timestamp;
  max_merge_delay_ms: number;
  public_key: string;
  signature: string;
};

export type MerkleNodesTable = { level: number; idx: Seq; hash: string };

export type SealKeysTable = { public_key: string; created_at: CreatedAt };

export type LedgerTreeHeadsTable = {
  tree_size: Seq;
  root_hash: string;
  signed_at: Timestamp;
  public_key: string;
  signature: string;
};

export type ParcelsTable = {
  jurisdiction: string;
  parcel_code: string;
  zone: string;
  subzone: string;
  feature: string;
  is_sea: boolean;
  area: Numeric;
  land_use: string | null;
  land_use_standard: string | null;
  land_grade: string | null;
  address: string;
  address_grams: string[];
  vertical_kind: "surface" | "above" | "below" | "between";
  z_min: number | null;
  z_max: number | null;
  geometry: JsonOf<unknown> | null;
  bbox: string | null;
  status: RecordStatusColumn;
  created_seq: Seq;
  updated_seq: Seq;
};

export type BuildingsTable = {
  jurisdiction: string;
  parcel_code: string;
  building_no: string;
  name: string | null;
  address: string;
  floors_above: number;
  floors_below: number;
  structure: string | null;
  completed_year: number | null;
  area: Numeric | null;
  geometry: JsonOf<unknown> | null;
  bbox: string | null;
  status: RecordStatusColumn;
  created_seq: Seq;
  updated_seq: Seq;
};

export type UnitsTable = {
  jurisdiction: string;
  unit_code: string;
  parcel_code: string;
  fixture: "F" | "L" | "Q" | "W";
  building_no: string | null;
  room_no: string | null;
  floor: number | null;
  room_label: string | null;
  building_area: Numeric | null;
  inner_area: Numeric | null;
  shared_area: Numeric | null;
  use: string | null;
  structure: string | null;
  address: string;
  address_grams: string[];
  status: RecordStatusColumn;
  created_seq: Seq;
  updated_seq: Seq;
};

export type RightsTable = {
  jurisdiction: string;
  unit_code: string;
  seq: Seq;
  right_type: string;
  nature: string | null;
  use: string | null;
  area: Numeric | null;
  term_start: string | null;
  term_end: string | null;
  source: string;
  certificate_no: string | null;
  co_ownership: "0" | "1" | "2" | "3";
  registered_at: Timestamp;
  status: RecordStatusColumn;
  ended_seq: Seq | null;
  end_reason: string | null;
};

export type RightHoldersTable = {
  jurisdiction: string;
  unit_code: string;
  right_seq: Seq;
  ordinal: number;
  name: string;
  holder_type: string;
  id_type: string;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  share: string | null;
};

export type EncumbrancesTable = {
  jurisdiction: string;
  unit_code: string;
  seq: Seq;
  kind: "mortgage" | "advance-notice" | "seizure" | "objection" | "habitation" | "easement";
  status: "effective" | "waiting" | "historic";
  rank: number | null;
  holder_name: string;
  holder_type: string;
  holder_id_type: string;
  holder_id_enc: string | null;
  holder_id_hash: string | null;
  holder_id_masked: string | null;
  obligor_name: string | null;
  document_no: string | null;
  starts_on: string | null;
  ends_on: string | null;
  amount: Numeric | null;
  related_unit_code: string | null;
  particulars: JsonOf<Record<string, string | number | boolean | null>>;
  registered_at: Timestamp;
  updated_seq: Seq;
  ended_seq: Seq | null;
  end_reason: string | null;
};

export type RegisterImportsTable = {
  id: string;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
  files: JsonOf<unknown>;
};

export type RegisterImportProgressTable = {
  import_id: string;
  file: string;
  rows_done: ColumnType<number, number | undefined, number>;
  loaded: ColumnType<number, number | undefined, number>;
  rejected: ColumnType<number, number | undefined, number>;
};

export type RegisterImportHoldersTable = {
  import_id: string;
  right_ref: string;
  row_number: Seq;
  holder: JsonOf<unknown>;
};

export type RegisterImportRejectionsTable = {
  import_id: string;
  file: string;
  row_number: Seq;
  record_key: string | null;
  codes: string;
  reason_zh: string;
  reason_en: string;
};
