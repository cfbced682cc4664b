import type { ErrorOf, RequestOf, ResponseOf } from "./openapi";

/** Shapes of the server's HTTP API, as the web app relies on them: named from its OpenAPI document. */

/** The logged-in account (`GET /api/auth/me`), as the server's OpenAPI document declares it. */
export type Account = ResponseOf<"/api/auth/me", "get">["account"];

export type AccountKind = Account["kind"];

export type InstitutionKind = NonNullable<Account["institutionKind"]>;

/** A staff role held in an office (`jurisdiction`: its 6-digit 行政区划代码). */
export type RoleAssignment = Account["roles"][number];

export type StaffRole = RoleAssignment["role"];

/** Every error the server sends has this body (STYLE.md §6). */
export type ErrorBody = ErrorOf<"/api/auth/login", "post">;

export type LoginRequest = RequestOf<"/api/auth/login", "post">;
export type LoginResponse = ResponseOf<"/api/auth/login", "post">;
export type MeResponse = ResponseOf<"/api/auth/me", "get">;
