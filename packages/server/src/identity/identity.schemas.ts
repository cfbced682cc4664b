import { INSTITUTION_KINDS, STAFF_ROLES } from "@yulin/domain";
import { z } from "zod";
import { API_TOKEN_SCOPES } from "./api-token-scopes";

export const ZAccount = z
  .object({
    id: z.string(),
    username: z.string(),
    kind: z.enum(["citizen", "company", "institution", "staff"]),
    displayName: z.string(),
    institutionKind: z.enum(INSTITUTION_KINDS).nullable(),
    institutionName: z.string().nullable(),
    roles: z.array(
      z.object({ role: z.enum(STAFF_ROLES), jurisdiction: z.string(), jurisdictionName: z.string() }),
    ),
    idNumberMasked: z.string().nullable(),
    phoneMasked: z.string().nullable(),
  })
  .describe("Account");

export const ZLoginRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZAccountResponse = z.object({ account: ZAccount });

export const ZRevealRequest = z.strictObject({
  purpose: z.string().min(2).max(200).describe("Why the full numbers are needed (recorded in the audit log)"),
});

export const ZAddStaffRequest = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/),
  displayName: z.string().min(1).max(64),
  password: z.string().min(10).max(256),
  roles: z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length),
  phone: z
    .string()
    .regex(/^1[3-9]\d{9}$/)
    .optional(),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dXx]$/)
    .optional(),
});
export type TAddStaffRequest = z.infer<typeof ZAddStaffRequest>;

export const ZStaffMember = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
});

export const ZOffice = z.object({
  code: z.string(),
  name: z.string(),
  city_code: z.string(),
  province_code: z.string(),
});

export const ZIssueTokenRequest = z.strictObject({
  name: z.string().min(1).max(64),
  scopes: z
    .array(z.enum(API_TOKEN_SCOPES))
    .min(1)
    .max(API_TOKEN_SCOPES.length)
    .optional()
    .describe("What the token may do; default cases:read, cases:write, register:read, certificates:read"),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe("Lifetime in days, at most YULIN_API_TOKEN_TTL_DAYS (the default)"),
});
export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.date(),
  last_used_at: z.date().nullable().optional(),
  revoked_at: z.date().nullable().optional(),
  scopes: z.array(z.string()),
  expires_at: z.date(),
  replaced_by: z.string().nullable(),
});
