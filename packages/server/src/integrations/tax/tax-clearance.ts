import type { Database, Tx } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import type { TaxClosedNotice, TaxConfirmation } from "./tax.connector";
import {
  findCurrentAssessment,
  findDeclaration,
  insertConfirmation,
  listConfirmations,
  markConfirmationRegistered,
  updateDeclaration,
} from "./tax.repository";
import type { TaxOutbox } from "./tax.topics";

export type TaxClearance = {
  voucherNo: string;
  kind: "paid" | "exempt";
  amountFen: number;
  assessmentNo: string;
};

export const TAX_CONNECTOR = "tax";

/**
 * 完税双向核验 — the two-way check. The tax bureau's confirmations are recorded once (by voucher
 * number); the registering transaction refuses a taxable transfer without one that matches the
 * current assessment (R22, 契税法 11), and tells the bureau when the case is registered.
 */
export function createTaxClearance(deps: { db: Database; outbox: TaxOutbox; now: () => Date }) {
  /** Stores a 完税/免税 confirmation once (by voucher number); clears the case when it matches. */
  async function recordConfirmation(tx: Tx, c: TaxConfirmation, source: string) {
    const now = deps.now();
    const created = await insertConfirmation(tx, {
      voucherNo: c.voucherNo,
      caseRef: c.caseRef,
      assessmentNo: c.assessmentNo,
      kind: c.kind,
      amountFen: c.amountFen,
      confirmedAt: new Date(c.confirmedAt),
      source,
      now,
    });
    const current = await findCurrentAssessment(tx, c.caseRef);
    const matches = current?.assessment_no === c.assessmentNo && current.total_fen === c.amountFen;
    const declaration = await findDeclaration(tx, c.caseRef);
    if (matches && declaration && declaration.status !== "registered") {
      await updateDeclaration(tx, c.caseRef, { status: "cleared", now });
    }
    return { voucherNo: c.voucherNo, recorded: created, matches };
  }

  /**
   * R22 (契税法 11): the registering transaction calls this before recording a taxable transfer.
   * It locks the declaration, so a re-assessment cannot slip in between the check and the commit.
   */
  async function requireTaxCleared(tx: Tx, caseRef: string): Promise<TaxClearance> {
    const declaration = await findDeclaration(tx, caseRef, { lock: true });
    if (!declaration) throw new AppError("TAX.NOT_DECLARED", { caseRef });
    const assessment = await findCurrentAssessment(tx, caseRef);
    if (!assessment) throw new AppError("TAX.NOT_ASSESSED", { caseRef });
    const confirmations = await listConfirmations(tx, caseRef);
    const match = confirmations.find(
      (c) => c.assessment_no === assessment.assessment_no && c.amount_fen === assessment.total_fen,
    );
    if (!match) {
      if (confirmations.length > 0) {
        throw new AppError("TAX.CONFIRMATION_MISMATCH", {
          caseRef,
          assessmentNo: assessment.assessment_no,
          assessedFen: assessment.total_fen,
          confirmed: confirmations.map((c) => ({
            voucherNo: c.voucher_no,
            assessmentNo: c.assessment_no,
            amountFen: c.amount_fen,
          })),
        });
      }
      throw new AppError("TAX.NOT_CLEARED", { caseRef, assessmentNo: assessment.assessment_no });
    }
    return {
      voucherNo: match.voucher_no,
      kind: match.kind,
      amountFen: match.amount_fen,
      assessmentNo: match.assessment_no,
    };
  }

  /** After registering: tells the tax department (closing the 完税 loop) in the same transaction. */
  async function notifyTaxRegistered(
    tx: Tx,
    input: { caseRef: string; registeredAt: Date; certificateNo?: string | null },
  ): Promise<void> {
    const clearance = await requireTaxCleared(tx, input.caseRef);
    await markConfirmationRegistered(tx, clearance.voucherNo, input.registeredAt);
    await updateDeclaration(tx, input.caseRef, { status: "registered", now: deps.now() });
    const declaration = await findDeclaration(tx, input.caseRef);
    const payload = {
      caseRef: input.caseRef,
      voucherNo: clearance.voucherNo,
      registeredAt: input.registeredAt.toISOString(),
      certificateNo: input.certificateNo ?? null,
    };
    await deps.outbox.enqueue(tx, "tax.registered", payload, {
      connector: TAX_CONNECTOR,
      idempotencyKey: `tax.registered:${input.caseRef}`,
      summary: { caseRef: input.caseRef, voucherNo: clearance.voucherNo },
      jurisdiction: declaration?.jurisdiction ?? null,
    });
  }

  /** Tells the tax department the taxes of a paid order reached the treasury. */
  async function notifyTaxPaid(
    tx: Tx,
    input: {
      caseRef: string;
      orderNo: string;
      amountFen: number;
      paidAt: Date;
      treasuryAccount: string;
      transactions: Array<{ txnId: string; amountFen: number }>;
    },
  ): Promise<void> {
    const assessment = await findCurrentAssessment(tx, input.caseRef);
    const declaration = await findDeclaration(tx, input.caseRef);
    if (!assessment) return;
    const payload = {
      caseRef: input.caseRef,
      assessmentNo: assessment.assessment_no,
      amountFen: input.amountFen,
      paidAt: input.paidAt.toISOString(),
      orderNo: input.orderNo,
      treasuryAccount: input.treasuryAccount,
      transactions: input.transactions,
    };
    await deps.outbox.enqueue(tx, "tax.payment", payload, {
      connector: TAX_CONNECTOR,
      idempotencyKey: `tax.payment:${input.orderNo}`,
      summary: { caseRef: input.caseRef, orderNo: input.orderNo, amountFen: input.amountFen },
      jurisdiction: declaration?.jurisdiction ?? null,
    });
  }

  /**
   * The case ended without registration after deed tax was paid: the tax department refunds it
   * (退税). One notice per set of paid transactions, so a part paid late is told as well.
   */
  async function notifyTaxClosedUnregistered(
    tx: Tx,
    input: Omit<TaxClosedNotice, "assessmentNo" | "closedAt"> & { closedAt: Date },
  ): Promise<void> {
    const assessment = await findCurrentAssessment(tx, input.caseRef);
    const declaration = await findDeclaration(tx, input.caseRef);
    const payload: TaxClosedNotice = {
      ...input,
      closedAt: input.closedAt.toISOString(),
      assessmentNo: assessment?.assessment_no ?? null,
    };
    await deps.outbox.enqueue(tx, "tax.case-closed-unregistered", payload, {
      connector: TAX_CONNECTOR,
      idempotencyKey: `tax.case-closed-unregistered:${input.orderNo}:${input.transactions.length}`,
      summary: { caseRef: input.caseRef, reason: input.reason, taxPaidFen: input.taxPaidFen },
      jurisdiction: declaration?.jurisdiction ?? null,
    });
  }

  return {
    recordConfirmation,
    requireTaxCleared,
    notifyTaxRegistered,
    notifyTaxPaid,
    notifyTaxClosedUnregistered,
  };
}
