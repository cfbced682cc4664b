import { z } from "zod";

/**
 * A schema that mirrors a domain type (the domain has no zod): its parsed value must be a `T`, so
 * the two cannot drift apart: `mirrorOf<UnitFacts>()(ZUnit)` fails to compile when they differ.
 */
export const mirrorOf =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S): S =>
    schema;

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
  403: ZError,
  404: ZError,
  409: ZError,
  413: ZError,
  423: ZError,
  429: ZError,
} as const;

export const ZCountyCode = z.string().regex(/^\d{6}$/, "6-digit division code");
