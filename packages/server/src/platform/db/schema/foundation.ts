import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json, Timestamp } from "./columns";

/** Kysely table types: identity, audit, calendar and settings (identity/, platform/audit, calendar/, platform/db). Held to the migrations by test/db-schema.test.ts. */

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
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  /** How a self-registered account proved who it is; null when an operator made it. */
  verified_by: Generated<"real-name" | "real-name+face" | null>;
  /** A company's agent (经办人): the company account it acts for. */
  acts_for: Generated<string | null>;
};

/** One-time codes sent by SMS (sign-up, password reset): only the code's keyed hash is kept. */
export type SmsChallengesTable = {
  id: Generated<string>;
  purpose: "sign-up" | "password-reset";
  phone_hash: string;
  code_hash: string;
  attempts: Generated<number>;
  /** SM4-sealed JSON of a pending sign-up (name, ID number, phone). */
  pending_sealed: string | null;
  account_id: string | null;
  expires_at: Date;
  consumed_at: Date | null;
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
  /** What the token may do (identity/api-token-scopes.ts); never token management. */
  scopes: string[];
  expires_at: Timestamp;
  /** The token a rotation issued in its place. */
  replaced_by: string | null;
};

/** Failed logins per throttle key (IP, username at IP, username): each slows the next attempt. */
export type LoginThrottlesTable = {
  key: string;
  failures: number;
  last_failed_at: Timestamp;
};

/** The first answer to a POST sent with an Idempotency-Key (platform/http/idempotency.ts). */
export type IdempotencyKeysTable = {
  account_id: string;
  key: string;
  /** SHA-256 of the method, path and body: the same key with another request is refused. */
  fingerprint: string;
  state: "pending" | "done";
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
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

/** 节假日安排 proposals: a year's schedule waiting for (or decided by) a second administrator. */
export type HolidaySchedulesTable = {
  id: Generated<string>;
  year: number;
  days: Json<Array<{ date: string; kind: "off" | "work"; name: string }>>;
  /** The notice it comes from, e.g. 国办发明电〔2026〕12号. */
  source_ref: string;
  status: "pending" | "approved" | "rejected";
  proposed_by: string;
  proposed_at: CreatedAt;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  /** Open cases whose deadlines were recomputed on approval. */
  recomputed_cases: number | null;
};

export type SettingsTable = {
  key: string;
  value: ColumnType<unknown, string, string>;
};

// ── Department collaboration (integrations/, platform/outbox/) ──────────────────────────────
