import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Int8, JsonColumn, Timestamp } from "./columns";

/** Kysely table types: the electronic archive (archive/). Held to the migrations by test/db-schema.test.ts. */

export type ArchiveStatus = "transferred" | "archived" | "lent" | "destroyed";

export type ArchiveRecordsTable = {
  archive_no: string;
  kind: "case" | "legacy";
  case_id: string | null;
  jurisdiction: string;
  unit_code: string | null;
  title: string;
  category: string;
  retention: "permanent" | "30y" | "10y";
  year: number;
  status: ArchiveStatus;
  package_dir: string;
  manifest_sm3: string;
  signature: string;
  public_key: string;
  files: number;
  bytes: Int8;
  transferred_by: string | null;
  transferred_at: Timestamp;
  signed_off_by: string | null;
  signed_off_at: Timestamp | null;
  check_ok: boolean | null;
  last_check: JsonColumn<unknown> | null;
  last_check_at: Timestamp | null;
  destroyed_by: string | null;
  destroyed_at: Timestamp | null;
  destroy_reason: string | null;
  created_at: CreatedAt;
};

export type ArchiveLoansTable = {
  id: Generated<number>;
  archive_no: string;
  borrower_id: string;
  purpose: string;
  status: "requested" | "lent" | "returned" | "refused";
  requested_by: string;
  requested_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
  due_on: string | null;
  returned_at: Timestamp | null;
  received_by: string | null;
};

export type ArchiveEventsTable = {
  id: Generated<number>;
  archive_no: string;
  action: string;
  actor_id: string | null;
  at: Timestamp;
  details: ColumnType<unknown, string | undefined, string>;
};
