import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Int8, JsonColumn, Numeric, Timestamp } from "./columns";

/** Kysely table types: dashboards/ and transparency/. Held to the migrations by test/db-schema.test.ts. */

type Count = ColumnType<number, number | undefined, number>;

// ── 一屏智判: daily figures kept by triggers on the live tables (dashboards/) ────────────────

export type CaseDayFiguresTable = {
  day: string;
  jurisdiction: string;
  type_id: string;
  submitted: Count;
  online: Count;
  registered: Count;
  instant: Count;
  on_time: Count;
  processing_seconds: ColumnType<number, number | undefined, number>;
  transfers: Count;
  transfer_price_fen: ColumnType<string, number | string | undefined, number | string>;
};

export type StaffDayFiguresTable = {
  day: string;
  office: string;
  actor_id: string;
  actions: Count;
};

export type EncumbranceDayFiguresTable = {
  day: string;
  jurisdiction: string;
  kind: string;
  holder_name: string;
  registered: Count;
  amount: ColumnType<string, Numeric | undefined, Numeric>;
};

// ── 阳光登记: complaints and compensation claims (transparency/) ─────────────────────────────

export type ComplaintsTable = {
  id: Generated<string>;
  tracking_no: string;
  office: string;
  topic: "registry" | "cadastre";
  case_ref: string | null;
  content: string;
  contact_name: string;
  contact_phone_enc: string;
  filed_at: CreatedAt;
  answer_due: string;
  status: ColumnType<"open" | "answered", "open" | undefined, "open" | "answered">;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
};

export type CompensationClaimsTable = {
  id: Generated<string>;
  number: string;
  office: string;
  case_ref: string | null;
  claimant_account: string;
  claimant_name: string;
  loss_fen: Int8;
  description: string;
  filed_at: CreatedAt;
  status: ColumnType<
    "filed" | "reviewed" | "decided" | "paid",
    "filed" | undefined,
    "filed" | "reviewed" | "decided" | "paid"
  >;
  review: JsonColumn<unknown> | null;
  decision: JsonColumn<unknown> | null;
  payment: JsonColumn<unknown> | null;
  updated_at: CreatedAt;
};
