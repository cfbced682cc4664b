import type { ColumnType, Generated } from "kysely";

/**
 * Kysely table types. One section per capability; keep in step with migrations/: written by hand
 * (the string unions and comments say more than information_schema), and held to a freshly
 * migrated database by test/db-schema.test.ts (every table and column, type and nullability).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Set by the database on insert. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type OfficesTable = {
  /** 6-digit GB/T 2260 county code of the registration office (登记机构). */
  code: string;
  name: string;
  city_code: string;
  province_code: string;
  created_at: CreatedAt;
};

export type InstitutionsTable = {
  id: Generated<string>;
  kind: "bank" | "developer" | "agent" | "court" | "notary" | "tax" | "housing";
  name: string;
  credit_code: string | null;
  /** Home county (courts and departments act across jurisdictions through their accounts). */
  jurisdiction: string | null;
  created_at: CreatedAt;
};

export type AccountsTable = {
  id: Generated<string>;
  username: string;
  kind: "citizen" | "company" | "institution" | "staff";
  display_name: string;
  institution_id: string | null;
  /** SM4-encrypted resident ID number (公民身份号码) and its keyed SM3 lookup hash. */
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  /** Unified social credit code of a company account (public, not encrypted). */
  credit_code: string | null;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
};

export type StaffRolesTable = {
  account_id: string;
  role: "acceptor" | "reviewer" | "registrar" | "issuer" | "archivist" | "supervisor" | "admin";
  jurisdiction: string;
};

export type SessionsTable = {
  /** SM3 of the cookie token: a database leak does not leak live sessions. */
  token_hash: string;
  account_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
};

export type ApiTokensTable = {
  id: Generated<string>;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type AuditLogTable = {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  actor_kind: string | null;
  actor_role: string | null;
  jurisdiction: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  purpose: string | null;
  outcome: "success" | "denied" | "failed";
  request_id: string | null;
  ip: string | null;
  details: ColumnType<unknown, string | undefined, never>;
};

export type HolidaysTable = {
  date: string;
  kind: "off" | "work";
  name: string;
  source: "chinese-days" | "admin";
  updated_at: CreatedAt;
  updated_by: string | null;
};

export type HolidayYearsTable = {
  /** A year whose official State Council schedule is loaded; other years count weekends only. */
  year: number;
  source: "chinese-days" | "admin";
};

export type SettingsTable = {
  key: string;
  value: ColumnType<unknown, string, string>;
};

// ── Department collaboration (integrations/, platform/outbox/) ──────────────────────────────
/** bigint columns come back as numbers (safe integers: fen and counts). */
type Int8 = ColumnType<number, number, number>;
type Json<T> = ColumnType<T, string, string>;

export type OutboxStatus = "pending" | "sending" | "delivered" | "dead" | "skipped";

export type OutboxTable = {
  id: Generated<number>;
  topic: string;
  connector: string;
  idempotency_key: string;
  payload: string;
  summary: Json<Record<string, unknown>>;
  jurisdiction: string | null;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  delivered_at: Timestamp | null;
};

export type ConnectorHealthTable = {
  connector: string;
  last_success_at: Timestamp | null;
  last_failure_at: Timestamp | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  delivered_count: ColumnType<number, number | undefined, number>;
  failed_count: ColumnType<number, number | undefined, number>;
};

export type InstitutionConnectionsTable = {
  institution_id: string;
  public_key: string | null;
  endpoint_url: string | null;
  updated_at: CreatedAt;
};

export type InboundNoncesTable = { institution_id: string; nonce: string; seen_at: CreatedAt };

export type InboundMessagesTable = {
  institution_id: string;
  message_id: string;
  department: string;
  type: string;
  body_digest: string;
  result: Json<unknown>;
  received_at: CreatedAt;
};

export type TaxDeclarationsTable = {
  case_ref: string;
  jurisdiction: string;
  declaration_no: string;
  payload: string;
  summary: Json<Record<string, unknown>>;
  household_homes: number;
  household_source: "register" | "guarantee";
  status: "submitted" | "assessed" | "contested" | "cleared" | "registered";
  contests: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type TaxAssessmentsTable = {
  assessment_no: string;
  case_ref: string;
  lines: Json<Array<{ code: string; label_zh: string; label_en: string; amount: number }>>;
  total_fen: Int8;
  household_homes: number;
  category: string;
  rate_bp: number;
  received_at: CreatedAt;
  superseded_at: Timestamp | null;
};

export type TaxConfirmationsTable = {
  voucher_no: string;
  case_ref: string;
  assessment_no: string;
  kind: "paid" | "exempt";
  amount_fen: Int8;
  confirmed_at: Timestamp;
  received_at: CreatedAt;
  source: string;
  registered_at: Timestamp | null;
};

export type PaymentOrdersTable = {
  id: Generated<string>;
  order_no: string;
  case_ref: string;
  jurisdiction: string;
  lines: Json<
    Array<{
      code: string;
      label_zh: string;
      label_en: string;
      amount: number;
      account: "treasury" | "non-tax";
    }>
  >;
  total_fen: Int8;
  status: "open" | "paid" | "cancelled";
  created_at: CreatedAt;
  paid_at: Timestamp | null;
  closed_reason: ColumnType<RefundReason | null, RefundReason | null | undefined, RefundReason | null>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type PaymentPartsTable = {
  id: Generated<string>;
  order_id: string;
  part_no: string;
  seq: number;
  payer: string;
  amount_fen: Int8;
  status: "pending" | "paid";
  pay_token: string;
  pay_url: string | null;
  gateway_txn_id: string | null;
  paid_at: Timestamp | null;
  paid_on: string | null;
  receipt_no: string | null;
  receipt: ColumnType<unknown, string | null | undefined, string | null>;
};

export type PaymentAllocationsTable = {
  id: Generated<number>;
  part_id: string;
  line_code: string;
  account: "treasury" | "non-tax";
  account_no: string;
  amount_fen: Int8;
  paid_on: string;
};

/** Why a paid case's fee is refunded: it ended without registration. */
export type RefundReason = "refused" | "not-accepted" | "withdrawn";

/** 退费: one per paid part of an order whose case ended without registration. */
export type PaymentRefundsTable = {
  id: Generated<string>;
  refund_no: string;
  order_no: string;
  part_no: string;
  payer: string;
  txn_id: string;
  amount_fen: Int8;
  tax_fen: Int8;
  reason: RefundReason;
  status: "requested" | "succeeded" | "failed";
  gateway_refund_id: string | null;
  failure: string | null;
  receipt_no: string | null;
  receipt: ColumnType<unknown, string | null | undefined, string | null>;
  requested_at: Timestamp;
  refunded_at: Timestamp | null;
  refunded_on: string | null;
  updated_at: CreatedAt;
};

export type ReconciliationReportsTable = {
  date: string;
  balanced: boolean;
  report: Json<unknown>;
  created_at: CreatedAt;
};

export type FetchedMaterialKind =
  | "id-card"
  | "household-register"
  | "marriage-certificate"
  | "business-licence"
  | "housing-contract"
  | "purchase-eligibility";

export type FetchedMaterialsTable = {
  id: Generated<string>;
  case_ref: string | null;
  jurisdiction: string | null;
  kind: FetchedMaterialKind;
  holder_hash: string | null;
  holder_masked: string | null;
  document_no: string;
  issuer: string;
  content: string;
  digest: string;
  source: string;
  consent: Json<Record<string, unknown>>;
  fetched_by: string | null;
  fetched_at: CreatedAt;
};

export type SimulatorRecordsTable = {
  department: string;
  kind: string;
  key: string;
  data: Json<Record<string, unknown>>;
  sealed: string | null;
  created_at: CreatedAt;
};

// ── The register 登记簿 (register/): ledger, Merkle nodes, signed heads, projections, import ──
/** bigint seq columns come back as numbers (safe integers). */
type Seq = ColumnType<number, number, number>;
/** numeric columns come back as strings; written as numbers. */
type Numeric = ColumnType<string, number | string, number | string>;
type JsonOf<T> = ColumnType<T, string, string>;
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

// ── Cases and workflow (cases/) ─────────────────────────────────────────────────────────────
type JsonColumn<T> = ColumnType<T, string, string>;

export type CasesTable = {
  id: string;
  jurisdiction: string;
  kind: "single" | "combined";
  type_id: string;
  unit_code: string;
  accepting_office: string | null;
  stage: string;
  state: JsonColumn<Record<string, unknown>>;
  content_sm3: string;
  created_by: string;
  creator_kind: string;
  created_at: CreatedAt;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  registered_at: Timestamp | null;
  closed_at: Timestamp | null;
  deadline: string | null;
  statutory_deadline: string | null;
  deadline_provisional: ColumnType<boolean, boolean | undefined, boolean>;
  clock_paused: ColumnType<boolean, boolean | undefined, boolean>;
  instant_route: JsonColumn<unknown> | null;
  findings: ColumnType<unknown, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: CreatedAt;
};

export type CasePartsTable = {
  case_id: string;
  part_no: number;
  type_id: string;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  entry_seqs: ColumnType<number[], string | undefined, string>;
};

export type CasePartiesTable = {
  id: Generated<string>;
  case_id: string;
  part_no: number;
  role: string;
  person_key: string;
  name: string;
  holder_type: string;
  id_type: string;
  id_number_enc: string;
  id_number_masked: string;
  account_id: string | null;
  institution_id: string | null;
  acts_for: string | null;
  share: string | null;
  heir_order: number | null;
  unregistered_acquisition: string | null;
  added_by: string;
  added_at: CreatedAt;
};

export type CaseSignaturesTable = {
  id: Generated<number>;
  case_id: string;
  person_key: string;
  method: "sm2" | "witnessed";
  account_id: string;
  content_sm3: string;
  public_key: string;
  signature: string;
  signed_at: CreatedAt;
};

export type CaseFilesTable = {
  sm3: string;
  media_type: string;
  size: number;
  bytes: Buffer;
  created_at: CreatedAt;
};

export type CaseMaterialsTable = {
  id: Generated<string>;
  case_id: string;
  material_id: string;
  source: "upload" | "e-licence" | "commitment";
  file_name: string | null;
  file_sm3: string | null;
  licence_ref: string | null;
  licence_digest: string | null;
  added_by: string;
  added_at: CreatedAt;
  removed_at: Timestamp | null;
};

export type CaseTransitionsTable = {
  id: Generated<number>;
  case_id: string;
  action: string;
  from_stage: string;
  to_stage: string;
  actor_id: string | null;
  actor_role: string;
  office: string | null;
  at: Timestamp;
  reasons: JsonColumn<string[]> | null;
  findings: JsonColumn<unknown> | null;
};

/** 好差评: one rating per case and applicant-side account. */
export type CaseRatingsTable = {
  case_id: string;
  account_id: string;
  jurisdiction: string;
  score: number;
  comment: string;
  created_at: CreatedAt;
};

export type AccountKeysTable = {
  account_id: string;
  public_key: string;
  private_key_enc: string;
  created_at: CreatedAt;
};

export type ScheduledEffectsTable = {
  id: Generated<number>;
  jurisdiction: string;
  unit_code: string;
  kind: string;
  ref: string;
  due_on: string;
  status: ColumnType<"pending" | "done" | "obsolete", "pending" | undefined, "pending" | "done" | "obsolete">;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  done_at: Timestamp | null;
  result: JsonColumn<unknown> | null;
};

export type SchedulerRunsTable = {
  name: string;
  swept_through: string | null;
  last_run_at: Timestamp | null;
  last_result: JsonColumn<unknown> | null;
};

// ── Certificates (certificates/) ─────────────────────────────────────────────────────────────
export type CertificateKindColumn = "certificate" | "certification";
export type CertificateStatusColumn = "current" | "replaced" | "void";

export type CertificateNumberSeriesTable = {
  /** County code, or the city (`xxxx00`) whose districts share one printed registry name. */
  scope_code: string;
  year: number;
  kind: CertificateKindColumn;
  /** 市县名 as printed in the numbers. */
  registry: string;
  last_sequence: ColumnType<number, number | undefined, number>;
};

export type CertificateFilesTable = {
  /** SM3 of `bytes`, hex. */
  sm3: string;
  bytes: Buffer;
  size: number;
  created_at: CreatedAt;
};

export type CertificatesTable = {
  id: Generated<string>;
  number: string;
  kind: CertificateKindColumn;
  office: string;
  scope_code: string;
  year: number;
  sequence: number;
  unit_code: string;
  case_id: string | null;
  register_seq: number | null;
  /** The canonical certificate data (`CertificateData` in the domain). */
  data: ColumnType<unknown, string, never>;
  data_sm3: string;
  /** Render input for the 附图页 (`CertificatePlans`). */
  plans: ColumnType<unknown, string | undefined, never>;
  verify_token: string;
  status: ColumnType<CertificateStatusColumn, CertificateStatusColumn | undefined, CertificateStatusColumn>;
  void_reason: string | null;
  voided_at: Timestamp | null;
  voided_case_id: string | null;
  replaces_id: string | null;
  replaced_by_id: string | null;
  replacement_reason: "lost" | "damaged" | null;
  /** The stored, sealed PDF (`certificate_files.sm3`). */
  file_sm3: string | null;
  /** SM3 of the PDF body before the seal trailer: what the seal signs. */
  pdf_sm3: string | null;
  seal_public_key: string | null;
  seal_signature: string | null;
  sealed_at: Timestamp | null;
  render_attempts: Generated<number>;
  render_error: string | null;
  render_lease_until: Timestamp | null;
  created_at: CreatedAt;
};

export type CertificateRecipientsTable = {
  id: Generated<number>;
  certificate_id: string;
  role: "holder" | "mortgagee";
  account_id: string | null;
  institution_id: string | null;
  issued_at: Timestamp | null;
};

export type CertificatePrintsTable = {
  id: Generated<string>;
  certificate_id: string;
  /** Where the paper is printed: the registering office or, remotely, the accepting office. */
  office: string;
  status: ColumnType<
    "queued" | "printed" | "spoiled" | "cancelled",
    "queued" | undefined,
    "printed" | "spoiled" | "cancelled"
  >;
  /** 印制号 of the paper form. */
  form_serial: string | null;
  requested_at: CreatedAt;
  requested_by: string | null;
  printed_at: Timestamp | null;
  printed_by: string | null;
  note: string | null;
};

export type CertificateDeliveriesTable = {
  id: Generated<string>;
  certificate_id: string;
  method: "pickup" | "post";
  status: ColumnType<
    "pending" | "dispatched" | "delivered" | "collected" | "returned",
    "pending" | undefined,
    "pending" | "dispatched" | "delivered" | "collected" | "returned"
  >;
  office: string;
  recipient_name: string;
  address_enc: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  carrier: string | null;
  tracking_number: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type DB = {
  offices: OfficesTable;
  institutions: InstitutionsTable;
  accounts: AccountsTable;
  staff_roles: StaffRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  holidays: HolidaysTable;
  holiday_years: HolidayYearsTable;
  settings: SettingsTable;
  cadastral_zones: CadastralZonesTable;
  code_sequences: CodeSequencesTable;
  ledger_head: LedgerHeadTable;
  register_entries: RegisterEntriesTable;
  ledger_leaves: LedgerLeavesTable;
  ledger_queue: LedgerQueueTable;
  ledger_receipts: LedgerReceiptsTable;
  merkle_nodes: MerkleNodesTable;
  seal_keys: SealKeysTable;
  ledger_tree_heads: LedgerTreeHeadsTable;
  parcels: ParcelsTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  rights: RightsTable;
  right_holders: RightHoldersTable;
  encumbrances: EncumbrancesTable;
  register_imports: RegisterImportsTable;
  register_import_progress: RegisterImportProgressTable;
  register_import_rejections: RegisterImportRejectionsTable;
  register_import_holders: RegisterImportHoldersTable;
  outbox: OutboxTable;
  connector_health: ConnectorHealthTable;
  institution_connections: InstitutionConnectionsTable;
  inbound_nonces: InboundNoncesTable;
  inbound_messages: InboundMessagesTable;
  tax_declarations: TaxDeclarationsTable;
  tax_assessments: TaxAssessmentsTable;
  tax_confirmations: TaxConfirmationsTable;
  payment_orders: PaymentOrdersTable;
  payment_parts: PaymentPartsTable;
  payment_allocations: PaymentAllocationsTable;
  payment_refunds: PaymentRefundsTable;
  reconciliation_reports: ReconciliationReportsTable;
  fetched_materials: FetchedMaterialsTable;
  simulator_records: SimulatorRecordsTable;
  cases: CasesTable;
  case_parts: CasePartsTable;
  case_parties: CasePartiesTable;
  case_signatures: CaseSignaturesTable;
  case_files: CaseFilesTable;
  case_materials: CaseMaterialsTable;
  case_transitions: CaseTransitionsTable;
  case_ratings: CaseRatingsTable;
  account_keys: AccountKeysTable;
  scheduled_effects: ScheduledEffectsTable;
  scheduler_runs: SchedulerRunsTable;
  certificate_number_series: CertificateNumberSeriesTable;
  certificate_files: CertificateFilesTable;
  certificates: CertificatesTable;
  certificate_recipients: CertificateRecipientsTable;
  certificate_prints: CertificatePrintsTable;
  certificate_deliveries: CertificateDeliveriesTable;
};
