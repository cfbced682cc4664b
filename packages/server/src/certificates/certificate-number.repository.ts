import {
  type CertificateKind,
  certificateNumberIn,
  type NumberingScope,
  numberingScopeOf,
} from "@yulin/domain";
import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";

export type AllocatedNumber = {
  number: string;
  kind: CertificateKind;
  scopeCode: string;
  year: number;
  sequence: number;
};

/**
 * Allocates the next certificate or certification number of the office's registry for `year`,
 * INSIDE the caller's (registering) transaction.
 *
 * The series row is created on first use and incremented with one upsert; `ON CONFLICT DO UPDATE`
 * takes the same row lock as `SELECT … FOR UPDATE`, held until the caller commits or rolls back.
 * A concurrent registration in the same registry waits on that lock, then reads the committed
 * value; a rolled-back registration rolls back its increment. So numbers are gapless and never
 * duplicated, at the cost of serialising the tail of registrations per registry, year and kind.
 */
export async function allocateNumber(
  tx: Tx,
  input: { office: string; year: number; kind: CertificateKind },
): Promise<AllocatedNumber> {
  const scope = scopeOrThrow(input.office);
  const row = await sql<{ last_sequence: number; registry: string }>`
    insert into certificate_number_series (scope_code, year, kind, registry, last_sequence)
    values (${scope.scopeCode}, ${input.year}, ${input.kind}, ${scope.registry}, 1)
    on conflict (scope_code, year, kind)
      do update set last_sequence = certificate_number_series.last_sequence + 1
    returning last_sequence, registry
  `
    .execute(tx)
    .catch((error: { code?: string }) => {
      // 23514: the check constraint caps the 7-digit sequence.
      if (error.code === "23514") throw new AppError("CERTIFICATE.NUMBERS_EXHAUSTED", { ...input });
      throw error;
    });
  const { last_sequence: sequence, registry } = row.rows[0]!;
  return {
    // The series keeps the name it started the year with, so one year's numbers read alike.
    number: certificateNumberIn({ ...scope, registry }, input.kind, input.year, sequence),
    kind: input.kind,
    scopeCode: scope.scopeCode,
    year: input.year,
    sequence,
  };
}

export function scopeOrThrow(office: string): NumberingScope {
  const scope = numberingScopeOf(office);
  if (!scope) throw new AppError("CERTIFICATE.OFFICE_UNKNOWN", { office });
  return scope;
}

/** The last number issued in a series (0 when none): for operators and tests. */
export async function lastSequence(
  tx: Tx | Database,
  input: { office: string; year: number; kind: CertificateKind },
): Promise<number> {
  const scope = scopeOrThrow(input.office);
  const row = await tx
    .selectFrom("certificate_number_series")
    .select("last_sequence")
    .where("scope_code", "=", scope.scopeCode)
    .where("year", "=", input.year)
    .where("kind", "=", input.kind)
    .executeTakeFirst();
  return row?.last_sequence ?? 0;
}
