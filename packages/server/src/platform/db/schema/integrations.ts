import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Int8, Json, Timestamp } from "./columns";

/** Kysely table types: outbox and department collaboration (platform/outbox, integrations/). Held to the migrations by test/db-schema.test.ts. */

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

/** 水电气网视联动过户: the utility transfers a buyer chose, and each company's answer. */
export type UtilityTransfersTable = {
  case_id: string;
  service: "water" | "power" | "gas" | "network" | "tv";
  account_no: string;
  status: "chosen" | "requested" | "done" | "rejected";
  chosen_by: string;
  chosen_at: Timestamp;
  requested_at: Timestamp | null;
  answered_at: Timestamp | null;
  company_ref: string | null;
  reason: string | null;
  connector_mode: string | null;
};
