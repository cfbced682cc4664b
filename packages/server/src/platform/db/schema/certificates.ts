import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Timestamp } from "./columns";

/** Kysely table types: certificates (certificates/). Held to the migrations by test/db-schema.test.ts. */

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
