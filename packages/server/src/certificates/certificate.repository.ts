import type { CertificateData, VoidReason } from "@yulin/domain";
import { type Insertable, type Selectable, sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { CertificateRecipientsTable, CertificatesTable } from "../platform/db/schema";

type Db = Database | Tx;

export type CertificateRow = Omit<Selectable<CertificatesTable>, "data" | "plans"> & {
  data: CertificateData;
  plans: unknown;
};

export type RecipientRow = Selectable<CertificateRecipientsTable>;

export async function insertCertificate(tx: Tx, values: Insertable<CertificatesTable>): Promise<string> {
  const row = await tx.insertInto("certificates").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRecipients(
  tx: Tx,
  certificateId: string,
  recipients: ReadonlyArray<{
    role: "holder" | "mortgagee";
    accountId?: string | null;
    institutionId?: string | null;
  }>,
): Promise<void> {
  if (recipients.length === 0) return;
  await tx
    .insertInto("certificate_recipients")
    .values(
      recipients.map((r) => ({
        certificate_id: certificateId,
        role: r.role,
        account_id: r.accountId ?? null,
        institution_id: r.institutionId ?? null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

const columns = [
  "id",
  "number",
  "kind",
  "office",
  "scope_code",
  "year",
  "sequence",
  "unit_code",
  "case_id",
  "register_seq",
  "data",
  "data_sm3",
  "plans",
  "verify_token",
  "status",
  "void_reason",
  "voided_at",
  "voided_case_id",
  "replaces_id",
  "replaced_by_id",
  "replacement_reason",
  "file_sm3",
  "pdf_sm3",
  "seal_public_key",
  "seal_signature",
  "sealed_at",
  "render_attempts",
  "render_error",
  "render_lease_until",
  "created_at",
] as const;

export async function findCertificate(
  db: Db,
  by: { id: string } | { token: string } | { number: string },
  options: { lock?: boolean } = {},
): Promise<CertificateRow | undefined> {
  let q = db.selectFrom("certificates").select(columns);
  if ("id" in by) {
    if (!/^[0-9a-f-]{36}$/i.test(by.id)) return undefined;
    q = q.where("id", "=", by.id);
  } else if ("token" in by) q = q.where("verify_token", "=", by.token);
  else q = q.where("number", "=", by.number);
  if (options.lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as CertificateRow | undefined;
}

export async function findCertificatesByIds(db: Db, ids: readonly string[]): Promise<CertificateRow[]> {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom("certificates")
    .select(columns)
    .where("id", "in", ids)
    .orderBy("created_at")
    .execute()) as CertificateRow[];
}

/** The current certificates on a unit (the ones a transfer or cancellation voids). */
export async function listCurrentOnUnit(
  tx: Tx,
  unitCode: string,
  kind?: "certificate" | "certification",
): Promise<CertificateRow[]> {
  let q = tx
    .selectFrom("certificates")
    .select(columns)
    .where("unit_code", "=", unitCode)
    .where("status", "=", "current");
  if (kind) q = q.where("kind", "=", kind);
  return (await q.orderBy("created_at").forUpdate().execute()) as CertificateRow[];
}

export async function listRecipients(db: Db, certificateId: string): Promise<RecipientRow[]> {
  return db
    .selectFrom("certificate_recipients")
    .selectAll()
    .where("certificate_id", "=", certificateId)
    .orderBy("id")
    .execute();
}

export async function markIssued(tx: Tx, certificateId: string, at: Date): Promise<number> {
  const result = await tx
    .updateTable("certificate_recipients")
    .set({ issued_at: at })
    .where("certificate_id", "=", certificateId)
    .where("issued_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Certificates the account or institution received, newest first. */
export async function listForRecipient(
  db: Db,
  who: { accountId: string | null; institutionId: string | null },
): Promise<CertificateRow[]> {
  return (await db
    .selectFrom("certificates")
    .select(columns.map((c) => `certificates.${c}` as const))
    .innerJoin("certificate_recipients as r", "r.certificate_id", "certificates.id")
    .where((eb) =>
      eb.or([
        ...(who.accountId ? [eb("r.account_id", "=", who.accountId)] : []),
        ...(who.institutionId ? [eb("r.institution_id", "=", who.institutionId)] : []),
      ]),
    )
    .orderBy("certificates.created_at", "desc")
    .limit(200)
    .execute()) as CertificateRow[];
}

export async function setVoid(
  tx: Tx,
  id: string,
  input: { reason: VoidReason; at: Date; caseId: string | null; replacedById?: string | null },
): Promise<void> {
  await tx
    .updateTable("certificates")
    .set({
      status: input.reason === "replacement" ? "replaced" : "void",
      void_reason: input.reason,
      voided_at: input.at,
      voided_case_id: input.caseId,
      replaced_by_id: input.replacedById ?? null,
    })
    .where("id", "=", id)
    .where("status", "=", "current")
    .execute();
}

// ── rendering (the render job) ──────────────────────────────────────────────────────────────

/** Leases up to `limit` unsealed certificates for rendering (a lease runs out if a worker dies). */
export async function leaseUnsealed(db: Database, limit: number, leaseSeconds: number): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    update certificates set render_lease_until = now() + make_interval(secs => ${leaseSeconds}::double precision),
      render_attempts = render_attempts + 1
    where id in (
      select id from certificates
      where file_sm3 is null and (render_lease_until is null or render_lease_until < now())
      order by created_at
      limit ${limit}
      for update skip locked
    )
    returning id
  `.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function storeFile(tx: Tx, sm3: string, bytes: Buffer): Promise<void> {
  await tx
    .insertInto("certificate_files")
    .values({ sm3, bytes, size: bytes.length })
    .onConflict((oc) => oc.column("sm3").doNothing())
    .execute();
}

/** Records the seal unless another worker sealed it first; true when this one won. */
export async function setSealed(
  tx: Tx,
  id: string,
  seal: { fileSm3: string; pdfSm3: string; publicKey: string; signature: string; at: Date },
): Promise<boolean> {
  const result = await tx
    .updateTable("certificates")
    .set({
      file_sm3: seal.fileSm3,
      pdf_sm3: seal.pdfSm3,
      seal_public_key: seal.publicKey,
      seal_signature: seal.signature,
      sealed_at: seal.at,
      render_error: null,
      render_lease_until: null,
    })
    .where("id", "=", id)
    .where("file_sm3", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setRenderError(db: Database, id: string, message: string): Promise<void> {
  await db
    .updateTable("certificates")
    .set({ render_error: message.slice(0, 500), render_lease_until: sql`now() + interval '5 seconds'` })
    .where("id", "=", id)
    .execute();
}

export async function readFile(db: Db, sm3: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom("certificate_files")
    .select("bytes")
    .where("sm3", "=", sm3)
    .executeTakeFirst();
  return row?.bytes;
}

export async function countUnsealed(db: Db): Promise<number> {
  const row = await db
    .selectFrom("certificates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("file_sm3", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Links the certificate to the ledger entry that recorded its right (the QR page proves it). */
export async function setRegisterSeq(tx: Tx, id: string, registerSeq: number): Promise<void> {
  await tx.updateTable("certificates").set({ register_seq: registerSeq }).where("id", "=", id).execute();
}

/** The certificates a case produced, oldest first: what the case page lists. */
export async function listCaseCertificates(db: Db, caseId: string) {
  return db
    .selectFrom("certificates")
    .select(["id", "number", "kind", "status"])
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .execute();
}
