import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Int8, JsonColumn, Timestamp } from "./columns";

/** Kysely table types: queries (queries/). Held to the migrations by test/db-schema.test.ts. */

export type QueryApplicationsTable = {
  id: Generated<string>;
  number: string;
  account_id: string;
  institution_id: string | null;
  querent_kind: string;
  querent_name: string;
  purpose: string;
  scope: "status" | "results" | "full" | "holdings";
  subject_kind: "unit" | "certificate" | "address" | "person";
  subject: string;
  unit_codes: ColumnType<string[], string | undefined, string>;
  jurisdiction: string | null;
  proof: ColumnType<string[], string | undefined, string>;
  status: "answered" | "pending" | "refused";
  refusal: JsonColumn<unknown> | null;
  due_on: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  result: JsonColumn<unknown> | null;
  register_version: Int8 | null;
  verify_token: string | null;
  pdf: Buffer | null;
  pdf_sm3: string | null;
  seal_public_key: string | null;
  seal_signature: string | null;
  sealed_at: Timestamp | null;
  created_at: CreatedAt;
};

export type QueryLogTable = {
  id: Generated<string>;
  at: CreatedAt;
  account_id: string | null;
  querent_kind: string;
  querent_label: string;
  channel: "hall" | "api";
  purpose: string | null;
  scope: string;
  subject: string;
  unit_code: string | null;
  outcome: "answered" | "queued" | "refused" | "approved";
  intent_only: ColumnType<boolean, boolean | undefined, boolean>;
  application_id: string | null;
};

export type QueryBlocksTable = {
  account_id: string;
  day: string;
  reason: string;
  created_at: CreatedAt;
  followed_up_by: string | null;
  followed_up_at: Timestamp | null;
  follow_up_note: string | null;
};
