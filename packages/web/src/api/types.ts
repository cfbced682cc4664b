import type { ResponseOf } from "./openapi";

/** Shapes of the server's HTTP API, as the web app relies on them. */

export type AccountKind = "citizen" | "company" | "institution" | "staff";

export type InstitutionKind = "bank" | "developer" | "agent" | "court" | "notary" | "tax" | "housing";

export type StaffRole =
  | "acceptor"
  | "reviewer"
  | "registrar"
  | "issuer"
  | "archivist"
  | "supervisor"
  | "admin";

export type RoleAssignment = {
  role: StaffRole;
  /** 6-digit administrative division code (行政区划代码) of the office the role is held in. */
  jurisdiction: string;
  jurisdictionName: string;
};

/** The logged-in account (`GET /api/auth/me`), as the server's OpenAPI document declares it. */
export type Account = ResponseOf<"/api/auth/me", "get">["account"];

/** Every error the server sends has this body (STYLE.md §6). */
export type ErrorBody = {
  code: string;
  message_zh: string;
  message_en: string;
  details: unknown;
};

export type LoginRequest = { username: string; password: string };
export type LoginResponse = { account: Account };
export type MeResponse = { account: Account };
