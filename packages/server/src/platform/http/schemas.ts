import { z } from "zod";

/**
 * A schema that mirrors a domain type (the domain has no zod): its parsed value must be a `T`, so
 * the two cannot drift apart: `mirrorOf<UnitFacts>()(ZUnit)` fails to compile when they differ.
 */
export const mirrorOf =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S): S =>
    schema;

/**
 * A calendar date `YYYY-MM-DD` that exists (no 2026-13-45: the fuzz suite found such a date
 * reaching the database as a 500). The check is a refinement, so the OpenAPI schema is unchanged.
 */
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

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
