import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, JsonColumn } from "./columns";

/** Kysely table types: supervision (supervision/). Held to the migrations by test/db-schema.test.ts. */

export type IntegrityAlertsTable = {
  id: Generated<string>;
  office: string;
  rule: string;
  subject_key: string;
  case_ids: JsonColumn<string[]>;
  transition_ids: JsonColumn<string[]>;
  audit_ids: JsonColumn<string[]>;
  summary_zh: string;
  summary_en: string;
  figures: JsonColumn<Record<string, string | number>>;
  status: ColumnType<
    "open" | "assigned" | "explained" | "justified" | "escalated",
    "open" | undefined,
    "open" | "assigned" | "explained" | "justified" | "escalated"
  >;
  assignee: string | null;
  raised_at: CreatedAt;
  updated_at: CreatedAt;
};

export type IntegrityAlertFollowUpsTable = {
  id: Generated<number>;
  alert_id: string;
  action: "assign" | "explain" | "close-justified" | "escalate";
  note: string;
  assignee: string | null;
  by_account: string;
  at: CreatedAt;
};

export type IntegrityThresholdsTable = {
  office: string;
  name: string;
  value: number;
  updated_by: string;
  updated_at: CreatedAt;
};
