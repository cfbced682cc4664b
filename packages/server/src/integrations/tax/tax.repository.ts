import { sql } from "kysely";
import type { Database, Tx } from "../../platform/db/database";
import { listDeadMessages } from "../../platform/outbox/outbox.repository";

type Db = Database | Tx;

export async function insertDeclaration(
  tx: Tx,
  v: {
    caseRef: string;
    jurisdiction: string;
    declarationNo: string;
    payload: string;
    summary: Record<string, unknown>;
    householdHomes: number;
    now: Date;
  },
): Promise<boolean> {
  const r = await tx
    .insertInto("tax_declarations")
    .values({
      case_ref: v.caseRef,
      jurisdiction: v.jurisdiction,
      declaration_no: v.declarationNo,
      payload: v.payload,
      summary: JSON.stringify(v.summary),
      household_homes: v.householdHomes,
      household_source: "register",
      status: "submitted",
      created_at: v.now,
      updated_at: v.now,
    })
    .onConflict((oc) => oc.column("case_ref").doNothing())
    .returning("case_ref")
    .executeTakeFirst();
  return r !== undefined;
}

export async function findDeclaration(db: Db, caseRef: string, options: { lock?: boolean } = {}) {
  let q = db.selectFrom("tax_declarations").selectAll().where("case_ref", "=", caseRef);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateDeclaration(
  tx: Tx,
  caseRef: string,
  set: {
    status?: "submitted" | "assessed" | "contested" | "cleared" | "registered";
    payload?: string;
    householdHomes?: number;
    householdSource?: "register" | "guarantee";
    contests?: number;
    now: Date;
  },
): Promise<void> {
  await tx
    .updateTable("tax_declarations")
    .set({
      ...(set.status ? { status: set.status } : {}),
      ...(set.payload ? { payload: set.payload } : {}),
      ...(set.householdHomes !== undefined ? { household_homes: set.householdHomes } : {}),
      ...(set.householdSource ? { household_source: set.householdSource } : {}),
      ...(set.contests !== undefined ? { contests: set.contests } : {}),
      updated_at: set.now,
    })
    .where("case_ref", "=", caseRef)
    .execute();
}

export async function findCurrentAssessment(db: Db, caseRef: string) {
  return db
    .selectFrom("tax_assessments")
    .selectAll()
    .where("case_ref", "=", caseRef)
    .where("superseded_at", "is", null)
    .executeTakeFirst();
}

/** Records an assessment as the current one (a re-assessment supersedes the previous). */
export async function insertAssessment(
  tx: Tx,
  v: {
    assessmentNo: string;
    caseRef: string;
    lines: Array<{ code: string; label_zh: string; label_en: string; amount: number }>;
    totalFen: number;
    householdHomes: number;
    category: string;
    rateBp: number;
    now: Date;
  },
): Promise<boolean> {
  const exists = await tx
    .selectFrom("tax_assessments")
    .select("assessment_no")
    .where("assessment_no", "=", v.assessmentNo)
    .executeTakeFirst();
  if (exists) return false;
  await tx
    .updateTable("tax_assessments")
    .set({ superseded_at: v.now })
    .where("case_ref", "=", v.caseRef)
    .where("superseded_at", "is", null)
    .execute();
  await tx
    .insertInto("tax_assessments")
    .values({
      assessment_no: v.assessmentNo,
      case_ref: v.caseRef,
      lines: JSON.stringify(v.lines),
      total_fen: v.totalFen,
      household_homes: v.householdHomes,
      category: v.category,
      rate_bp: v.rateBp,
      received_at: v.now,
    })
    .execute();
  return true;
}

export async function insertConfirmation(
  tx: Tx,
  v: {
    voucherNo: string;
    caseRef: string;
    assessmentNo: string;
    kind: "paid" | "exempt";
    amountFen: number;
    confirmedAt: Date;
    source: string;
    now: Date;
  },
): Promise<boolean> {
  const r = await tx
    .insertInto("tax_confirmations")
    .values({
      voucher_no: v.voucherNo,
      case_ref: v.caseRef,
      assessment_no: v.assessmentNo,
      kind: v.kind,
      amount_fen: v.amountFen,
      confirmed_at: v.confirmedAt,
      source: v.source,
      received_at: v.now,
    })
    .onConflict((oc) => oc.column("voucher_no").doNothing())
    .returning("voucher_no")
    .executeTakeFirst();
  return r !== undefined;
}

export async function listConfirmations(db: Db, caseRef: string) {
  return db
    .selectFrom("tax_confirmations")
    .selectAll()
    .where("case_ref", "=", caseRef)
    .orderBy("received_at")
    .execute();
}

export async function markConfirmationRegistered(tx: Tx, voucherNo: string, at: Date): Promise<void> {
  await tx
    .updateTable("tax_confirmations")
    .set({ registered_at: at })
    .where("voucher_no", "=", voucherNo)
    .where("registered_at", "is", null)
    .execute();
}

/** Inputs of the 完税 risk list: confirmations and paid orders that do not line up. */
export async function findRiskCandidates(db: Db, input: { confirmedBefore: Date; paidBefore: Date }) {
  const unregistered = await db
    .selectFrom("tax_confirmations as c")
    .leftJoin("tax_declarations as d", "d.case_ref", "c.case_ref")
    .select([
      "c.voucher_no",
      "c.case_ref",
      "c.amount_fen",
      "c.received_at",
      "c.assessment_no",
      "d.jurisdiction",
      "d.declaration_no",
    ])
    .where("c.registered_at", "is", null)
    .where("c.received_at", "<", input.confirmedBefore)
    .execute();
  const mismatched = await sql<{
    voucher_no: string;
    case_ref: string;
    amount_fen: number;
    assessment_no: string;
    received_at: Date;
    jurisdiction: string | null;
    declared: boolean;
    current_no: string | null;
    current_total: number | null;
  }>`
    select c.voucher_no, c.case_ref, c.amount_fen, c.assessment_no, c.received_at, d.jurisdiction,
      d.case_ref is not null as declared, a.assessment_no as current_no, a.total_fen as current_total
    from tax_confirmations c
    left join tax_declarations d on d.case_ref = c.case_ref
    left join tax_assessments a on a.case_ref = c.case_ref and a.superseded_at is null
    where d.case_ref is null or a.assessment_no is null
       or a.assessment_no <> c.assessment_no or a.total_fen <> c.amount_fen`.execute(db);
  const paidUnconfirmed = await sql<{
    case_ref: string;
    jurisdiction: string;
    order_no: string;
    paid_at: Date;
    treasury_fen: number;
  }>`
    select o.case_ref, o.jurisdiction, o.order_no, o.paid_at,
      (select coalesce(sum((l->>'amount')::bigint), 0) from jsonb_array_elements(o.lines) l
        where l->>'account' = 'treasury') as treasury_fen
    from payment_orders o
    where o.status = 'paid' and o.paid_at < ${input.paidBefore}
      and not exists (select 1 from tax_confirmations c where c.case_ref = o.case_ref)
      and exists (select 1 from jsonb_array_elements(o.lines) l where l->>'account' = 'treasury')`.execute(
    db,
  );
  const untold = await listDeadMessages(db, "tax.registered");
  return { unregistered, mismatched: mismatched.rows, paidUnconfirmed: paidUnconfirmed.rows, untold };
}
