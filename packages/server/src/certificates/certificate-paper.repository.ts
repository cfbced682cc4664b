import type { DeliveryStatus } from "@yulin/domain";
import type { Insertable, Selectable, Updateable } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { CertificateDeliveriesTable, CertificatePrintsTable } from "../platform/db/schema";

type Db = Database | Tx;

// ── 缮证: print jobs (certificate_prints) ──

export async function findPrintJob(db: Db, id: string) {
  return db.selectFrom("certificate_prints").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A queued or printed job of the certificate, if any: a certificate is printed once at a time. */
export async function findOpenPrintJob(db: Db, certificateId: string) {
  return db
    .selectFrom("certificate_prints")
    .select(["status"])
    .where("certificate_id", "=", certificateId)
    .where("status", "in", ["queued", "printed"])
    .executeTakeFirst();
}

export async function hasPrintedJob(db: Db, certificateId: string): Promise<boolean> {
  const row = await db
    .selectFrom("certificate_prints")
    .select("id")
    .where("certificate_id", "=", certificateId)
    .where("status", "=", "printed")
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPrintJob(
  db: Db,
  values: Insertable<CertificatePrintsTable>,
): Promise<{ id: string }> {
  return db.insertInto("certificate_prints").values(values).returning("id").executeTakeFirstOrThrow();
}

/** The office's queued jobs with their certificate, oldest first. */
export async function listQueuedPrintJobs(db: Db, office: string) {
  return db
    .selectFrom("certificate_prints as p")
    .innerJoin("certificates as c", "c.id", "p.certificate_id")
    .select([
      "p.id",
      "p.certificate_id",
      "c.number",
      "c.kind",
      "c.office as registering_office",
      "p.office",
      "p.status",
      "p.form_serial",
      "p.requested_at",
      "p.printed_at",
    ])
    .where("p.office", "=", office)
    .where("p.status", "=", "queued")
    .orderBy("p.requested_at")
    .limit(500)
    .execute();
}

export async function isFormSerialUsed(db: Db, formSerial: string): Promise<boolean> {
  const row = await db
    .selectFrom("certificate_prints")
    .select("id")
    .where("form_serial", "=", formSerial)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves a job on only from the status it was read in; false when another request moved it first. */
export async function updatePrintJobFrom(
  db: Db,
  id: string,
  fromStatus: Selectable<CertificatePrintsTable>["status"],
  set: Updateable<CertificatePrintsTable>,
): Promise<boolean> {
  const updated = await db
    .updateTable("certificate_prints")
    .set(set)
    .where("id", "=", id)
    .where("status", "=", fromStatus)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

// ── 发证: deliveries (certificate_deliveries) ──

export async function findDelivery(db: Db, id: string) {
  return db.selectFrom("certificate_deliveries").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertDelivery(db: Db, values: Insertable<CertificateDeliveriesTable>) {
  return db.insertInto("certificate_deliveries").values(values).returningAll().executeTakeFirstOrThrow();
}

/** Moves a delivery on only from the status it was read in; undefined when it had moved. */
export async function updateDeliveryFrom(
  db: Db,
  id: string,
  fromStatus: DeliveryStatus,
  set: Updateable<CertificateDeliveriesTable>,
) {
  return db
    .updateTable("certificate_deliveries")
    .set(set)
    .where("id", "=", id)
    .where("status", "=", fromStatus)
    .returningAll()
    .executeTakeFirst();
}

export async function listDeliveries(db: Db, certificateId: string) {
  return db
    .selectFrom("certificate_deliveries")
    .selectAll()
    .where("certificate_id", "=", certificateId)
    .orderBy("created_at")
    .execute();
}

/** The certificate's state, locked: a print request waits for a concurrent void or replacement. */
export async function lockCertificateState(tx: Tx, certificateId: string) {
  return tx
    .selectFrom("certificates")
    .select(["status", "number", "office"])
    .where("id", "=", certificateId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Every print job of the certificate, oldest first (the access check reads the printing offices). */
export async function listPrintJobs(db: Db, certificateId: string) {
  return db
    .selectFrom("certificate_prints")
    .selectAll()
    .where("certificate_id", "=", certificateId)
    .orderBy("requested_at")
    .execute();
}
