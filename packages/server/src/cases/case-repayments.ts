import { type CaseDraft, findCombinedType, planPart, repaymentOf, type UnitSlice } from "@yulin/domain";
import type { CollateralEvent } from "../integrations/bank/bank.notifications";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { appendEntries, readForAppend } from "../register/ledger";
import { insertTransitions } from "./case.repository";
import type { CaseBundle } from "./case-bundle";
import { chinaDateOf } from "./case-clock";
import { insertRepayment, lockRepayment, markRepaid } from "./case-repayments.repository";
import { banksByKey } from "./mortgagee-banks";
import { loadUnitSlice, lockUnits } from "./unit-state.loader";

/**
 * 带押过户（新旧抵押权分段模式, 自然资发〔2023〕29号）: the transfer and the new mortgage are
 * registered first, the new loan held in a supervised account; the case then waits for the old
 * mortgagee's confirmation, through the bank connector, that the old loan was repaid from it; that
 * confirmation cancels the old mortgage, and only then is the case certified (CASE.AWAITING_REPAYMENT).
 */

/**
 * In the registering transaction, after the parts were recorded: for a segmented case, the old
 * mortgage it waits on and the old bank asked to confirm (outbox `repayment-requested`). An old
 * mortgagee that is no bank on the platform cannot confirm: the whole registration is refused.
 */
export async function awaitRepaymentInTx(
  tx: Tx,
  bundle: CaseBundle,
  drafts: readonly CaseDraft[],
  slice: UnitSlice,
  deps: { notifyBanks: (tx: Tx, event: CollateralEvent) => Promise<number>; now: Date },
  banks: ReadonlyMap<string, string>,
): Promise<void> {
  const combined = bundle.row.kind === "combined" ? findCombinedType(bundle.row.type_id) : undefined;
  const repayment = combined ? repaymentOf(combined, drafts) : null;
  if (!repayment) return;
  const old = slice.encumbrances.find(
    (e) => e.kind === "mortgage" && String(e.seq) === repayment.mortgageId && e.status !== "historic",
  );
  const bank = old?.holderIdHash ? banks.get(old.holderIdHash) : undefined;
  if (!old || !bank)
    throw new AppError("CASE.INVALID", {
      reason: "the mortgage the new loan repays is not held by a bank on the platform",
    });
  const { row } = bundle;
  await insertRepayment(tx, {
    caseId: row.id,
    unitCode: row.unit_code,
    mortgageSeq: old.seq,
    bankInstitutionId: bank,
    at: deps.now,
  });
  await deps.notifyBanks(tx, {
    event: "repayment-requested",
    eventId: `${row.id}:repayment-requested`,
    occurredAt: deps.now,
    caseRef: row.id,
    unitCode: row.unit_code,
    jurisdiction: row.jurisdiction,
    registerEntry: String(old.seq),
    details: {
      mortgageSeq: old.seq,
      certificationNo: old.particulars?.certificationNo ?? null,
      confirmWith: "POST /api/integrations/bank/callbacks type repayment-confirmed {caseRef}",
    },
    mortgagees: [
      { institutionId: bank, certificationNo: (old.particulars?.certificationNo as string) ?? null },
    ],
  });
}

export type RepaymentConfirmation = { caseRef: string; status: "cancelled"; cancelEntry: number };

/**
 * The old bank's signed confirmation (bank connector callback `repayment-confirmed`), inside the
 * callback's transaction: lock the case's repayment row and the unit, re-check that the old
 * mortgage is still current and held by this bank, then record its cancellation with the domain's
 * part plan, a timeline line and the audit row. A second confirmation answers the first result.
 */
export function createRepaymentConfirmations(deps: { pii: PiiCipher }) {
  async function confirm(
    tx: Tx,
    ctx: RequestContext,
    input: { caseRef: string; institutionId: string; messageId: string; now: Date },
  ): Promise<RepaymentConfirmation> {
    const awaited = await lockRepayment(tx, input.caseRef);
    if (!awaited || awaited.bank_institution_id !== input.institutionId)
      throw new AppError("CASE.NOT_AWAITING_REPAYMENT", { caseRef: input.caseRef });
    if (awaited.confirmed_at)
      return { caseRef: input.caseRef, status: "cancelled", cancelEntry: awaited.cancel_seq! };
    await lockUnits(tx, [awaited.unit_code]);
    const slice = await loadUnitSlice(tx, awaited.unit_code);
    const old = slice?.encumbrances.find((e) => e.seq === awaited.mortgage_seq && e.status !== "historic");
    const banks = await banksByKey(tx, deps.pii);
    if (!slice || !old?.holderIdHash || banks.get(old.holderIdHash) !== input.institutionId)
      throw new AppError("CASE.NOT_AWAITING_REPAYMENT", { caseRef: input.caseRef });
    const draft: CaseDraft = {
      typeId: "mortgage.cancel",
      unitCode: awaited.unit_code,
      parties: [{ personId: old.holderIdHash, name: old.holderName, role: "right-holder", signed: true }],
      materials: [],
      consents: [],
      riskStatements: [],
      taxCleared: true,
      feePaid: true,
      mortgage: { targetMortgageId: String(old.seq) },
      documentNo: input.messageId,
    };
    const planned = planPart(draft, slice, { caseId: input.caseRef, today: chinaDateOf(input.now) });
    if (!planned.ok)
      throw new AppError("CASE.INVALID", { reason: planned.error[0]?.message_en, findings: planned.error });
    const entries = planned.value.entries;
    const read = await readForAppend(tx, entries);
    const { entries: appended } = await appendEntries(tx, entries, { now: input.now, read });
    const cancelEntry = appended[0]!.seq;
    await markRepaid(tx, input.caseRef, {
      at: input.now,
      messageId: input.messageId,
      cancelSeq: cancelEntry,
    });
    await insertTransitions(tx, [
      {
        case_id: input.caseRef,
        action: "repayment-confirmed",
        from_stage: "registered",
        to_stage: "registered",
        actor_id: null,
        actor_role: "system",
        office: null,
        at: input.now,
        reasons: JSON.stringify([`原抵押权人确认旧贷款已结清（${input.messageId}），原抵押权已注销`]),
        findings: null,
      },
    ]);
    await writeAudit(tx, ctx, {
      action: "case.repayment-confirmed",
      outcome: "success",
      targetType: "case",
      targetId: input.caseRef,
      jurisdiction: input.caseRef.slice(0, 6),
      details: { mortgageSeq: old.seq, cancelEntry, messageId: input.messageId },
    });
    return { caseRef: input.caseRef, status: "cancelled", cancelEntry };
  }
  return { confirm };
}

export type RepaymentConfirmations = ReturnType<typeof createRepaymentConfirmations>;
