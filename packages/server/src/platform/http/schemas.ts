import { z } from "zod";

/** The error shape every endpoint returns on failure. */
export const ZError = z
  .object({
    code: z.string().describe("Stable error code, e.g. AUTH.FORBIDDEN"),
    message_zh: z.string(),
    message_en: z.string(),
    details: z.unknown(),
  })
  .describe("Error");

export const errorResponses = {
  400: ZError,
  401: ZError,
  404: ZError,
  409: ZError,
  413: ZError,
  423: ZError,
  429: ZError,
} as const;

export const ZCountyCode = z.string().regex(/^\d{6}$/, "6-digit division code");
