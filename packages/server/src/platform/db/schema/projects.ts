import type { Generated } from "kysely";
import type { CreatedAt, JsonColumn, Timestamp } from "./columns";

/** A party of a presale notice, sealed: the ID number encrypted and keyed, as the register keeps it. */
export type NoticeParty = {
  personKey: string;
  name: string;
  holderType: string;
  idType: string;
  idNumberEnc: string | null;
  idNumberMasked: string | null;
  institutionId: string | null;
  accountId: string | null;
};

/** Kysely table types: developer projects (projects/). Held to the migrations by test/db-schema.test.ts. */

export type ProjectsTable = {
  id: Generated<string>;
  institution_id: string;
  name: string;
  jurisdiction: string;
  parcel_code: string;
  presale_permit: string | null;
  created_by: string;
  created_at: CreatedAt;
};

export type ProjectBuildingsTable = {
  project_id: string;
  building_no: string;
  name: string;
  unit_codes: JsonColumn<string[]>;
  case_id: string | null;
  registered_at: Timestamp | null;
  certificates: JsonColumn<string[]>;
};

export type ProjectNoticesTable = {
  project_id: string;
  unit_code: string;
  contract_no: string;
  /** The buyers as sealed parties (the ID number encrypted, as the register keeps it). */
  buyers: JsonColumn<NoticeParty[]>;
  mortgage: JsonColumn<{ bank: NoticeParty; amountFen: number }> | null;
  notice_seqs: JsonColumn<number[]>;
  case_id: string;
  status: "filed" | "converted" | "failed";
  findings: JsonColumn<unknown[]>;
  certificates: JsonColumn<string[]>;
  filed_at: CreatedAt;
  settled_at: Timestamp | null;
};
