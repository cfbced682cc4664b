import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, JsonColumn, Seq, Timestamp } from "./columns";

/** Kysely table types: cases and workflow (cases/). Held to the migrations by test/db-schema.test.ts. */

// ── Cases and workflow (cases/) ─────────────────────────────────────────────────────────────

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
  /** 零材料: the department the registry fetched it from, and the document's own number. */
  fetched_from: "elicence" | "register" | "housing" | "tax" | null;
  document_no: string | null;
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

/** 带押过户（分段）: the old mortgage a case waits on, until its bank confirms repayment. */
export type CaseRepaymentsTable = {
  case_id: string;
  unit_code: string;
  mortgage_seq: Seq;
  bank_institution_id: string;
  requested_at: Timestamp;
  confirmed_at: Timestamp | null;
  message_id: string | null;
  cancel_seq: Seq | null;
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
