import type { Selectable } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { CaseRepaymentsTable } from "../platform/db/schema/cases";

/** 带押过户（分段）: the old mortgage a case waits on (the only file that queries case_repayments). */
type Db = Database | Tx;

export type RepaymentRow = Selectable<CaseRepaymentsTable>;

export async function insertRepayment(
  tx: Tx,
  row: { caseId: string; unitCode: string; mortgageSeq: number; bankInstitutionId: string; at: Date },
): Promise<void> {
  await tx
    .insertInto("case_repayments")
    .values({
      case_id: row.caseId,
      unit_code: row.unitCode,
      mortgage_seq: row.mortgageSeq,
      bank_institution_id: row.bankInstitutionId,
      requested_at: row.at,
    })
    .execute();
}

export async function findRepayment(db: Db, caseId: string): Promise<RepaymentRow | undefined> {
  return db.selectFrom("case_repayments").selectAll().where("case_id", "=", caseId).executeTakeFirst();
}

/** Locks the case's repayment row (the confirmation is processed once). */
export async function lockRepayment(tx: Tx, caseId: string): Promise<RepaymentRow | undefined> {
  return tx
    .selectFrom("case_repayments")
    .selectAll()
    .where("case_id", "=", caseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRepaid(
  tx: Tx,
  caseId: string,
  done: { at: Date; messageId: string; cancelSeq: number },
): Promise<void> {
  await tx
    .updateTable("case_repayments")
    .set({ confirmed_at: done.at, message_id: done.messageId, cancel_seq: done.cancelSeq })
    .where("case_id", "=", caseId)
    .execute();
}

/** The cases a bank is asked to confirm a repayment for, oldest first. */
export async function listAwaitedBy(db: Db, institutionId: string): Promise<RepaymentRow[]> {
  return db
    .selectFrom("case_repayments")
    .selectAll()
    .where("bank_institution_id", "=", institutionId)
    .where("confirmed_at", "is", null)
    .orderBy("requested_at")
    .execute();
}
