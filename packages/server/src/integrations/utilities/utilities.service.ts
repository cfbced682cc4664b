import {
  duplicateServices,
  isTransferCase,
  isUtilityAccountNo,
  UTILITY_NAMES,
  type UtilityService,
  utilityChoiceOpen,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import type { Outbox } from "../../platform/outbox/outbox";
import type { UtilityReply, UtilityTransferRequest, ZUtilityTransferRequest } from "./utilities.connector";
import {
  listUtilityTransfers,
  markUtilityRequested,
  recordUtilityAnswer,
  replaceUtilityChoice,
  type UtilityTransferRow,
} from "./utility-transfers.repository";

/** What the utilities need to know of a case, from the cases capability (a port wired in setup). */
export type UtilityCaseFacts = {
  id: string;
  stage: string;
  jurisdiction: string;
  partTypeIds: string[];
  /** The applicant side (buyer, their agent, the creator) may choose; anyone who reads may look. */
  mayChoose: boolean;
};
/** Reads the case as the caller may see it (CASE.NOT_FOUND otherwise); `lock` in the caller's tx. */
export type UtilityCasePort = (
  db: Database | Tx,
  ctx: RequestContext,
  caseId: string,
  lock: boolean,
) => Promise<UtilityCaseFacts>;

export type UtilityChoice = { service: UtilityService; accountNo: string };

/** Registered transfer → the chosen utility transfers, through the outbox, one per company. */
export function createUtilitiesService(deps: {
  db: Database;
  outbox: Outbox<{ "utility.transfer": typeof ZUtilityTransferRequest }>;
  caseOf: UtilityCasePort;
  now: () => Date;
  wake: () => void;
}) {
  const { db, now } = deps;

  const present = (facts: UtilityCaseFacts, rows: UtilityTransferRow[]) => ({
    caseId: facts.id,
    eligible: isTransferCase(facts.partTypeIds),
    open: isTransferCase(facts.partTypeIds) && utilityChoiceOpen(facts.stage),
    mayChoose: facts.mayChoose,
    transfers: rows.map((r) => ({
      service: r.service,
      name_zh: UTILITY_NAMES[r.service].zh,
      name_en: UTILITY_NAMES[r.service].en,
      accountNo: r.account_no,
      status: r.status,
      chosenAt: r.chosen_at.toISOString(),
      requestedAt: r.requested_at?.toISOString() ?? null,
      answeredAt: r.answered_at?.toISOString() ?? null,
      companyRef: r.company_ref,
      reason: r.reason,
      mode: r.connector_mode,
    })),
  });

  return {
    async listOfCase(ctx: RequestContext, caseId: string) {
      const facts = await deps.caseOf(db, ctx, caseId, false);
      return present(facts, await listUtilityTransfers(db, caseId));
    },

    /** The buyer's choice, replaced as a whole; checked against the case's stage in the same tx. */
    async choose(ctx: RequestContext, caseId: string, choices: UtilityChoice[]) {
      const dup = duplicateServices(choices);
      if (dup.length > 0)
        throw new AppError("UTILITY.INVALID", { reason: "service named twice", services: dup });
      const bad = choices.filter((c) => !isUtilityAccountNo(c.accountNo)).map((c) => c.service);
      if (bad.length > 0)
        throw new AppError("UTILITY.INVALID", { reason: "bad account number", services: bad });
      const result = await inTransaction(db, async (tx) => {
        const facts = await deps.caseOf(tx, ctx, caseId, true);
        if (!facts.mayChoose) throw new AppError("CASE.NOT_FOUND");
        if (!isTransferCase(facts.partTypeIds)) throw new AppError("UTILITY.NOT_TRANSFER");
        if (!utilityChoiceOpen(facts.stage))
          throw new AppError("UTILITY.CHOICE_CLOSED", { stage: facts.stage });
        await replaceUtilityChoice(tx, caseId, choices, { accountId: ctx.actor!.accountId, at: now() });
        await writeAudit(tx, ctx, {
          action: "utility.choose",
          outcome: "success",
          targetType: "case",
          targetId: caseId,
          jurisdiction: facts.jurisdiction,
          details: { services: choices.map((c) => c.service) },
        });
        return present(facts, await listUtilityTransfers(tx, caseId));
      });
      return result;
    },

    /**
     * Called by the registering transaction of a transfer: each chosen service becomes a request
     * to its company, enqueued in that transaction (it exists exactly when the registration does).
     */
    async requestTransfers(
      tx: Tx,
      input: {
        caseRef: string;
        unitCode: string;
        jurisdiction: string;
        registeredAt: Date;
        certificateNo: string | null;
        newHolders: Array<{ name: string; idNumber: string }>;
      },
    ): Promise<number> {
      if (input.newHolders.length === 0) return 0;
      const rows = await markUtilityRequested(tx, input.caseRef, input.registeredAt);
      for (const r of rows) {
        const requestNo = `utility:${input.caseRef}:${r.service}`;
        const payload: UtilityTransferRequest = {
          requestNo,
          caseRef: input.caseRef,
          service: r.service,
          accountNo: r.account_no,
          unitCode: input.unitCode,
          jurisdiction: input.jurisdiction,
          registeredAt: input.registeredAt.toISOString(),
          certificateNo: input.certificateNo,
          newHolders: input.newHolders,
        };
        await deps.outbox.enqueue(tx, "utility.transfer", payload, {
          connector: `utility:${r.service}`,
          idempotencyKey: requestNo,
          summary: { caseRef: input.caseRef, service: r.service, unitCode: input.unitCode },
          jurisdiction: input.jurisdiction,
        });
      }
      if (rows.length > 0) deps.wake();
      return rows.length;
    },

    /** The company's answer, in the transaction that marks the message delivered. */
    async recordAnswer(tx: Tx, request: UtilityTransferRequest, reply: UtilityReply, mode: string) {
      if (reply.requestNo !== request.requestNo)
        throw new Error(`answer for ${reply.requestNo}, not ${request.requestNo}`);
      await recordUtilityAnswer(
        tx,
        { caseId: request.caseRef, service: request.service },
        {
          status: reply.status,
          companyRef: reply.companyRef,
          reason: reply.reason,
          at: new Date(reply.answeredAt),
          mode,
        },
      );
    },
  };
}

export type UtilitiesService = ReturnType<typeof createUtilitiesService>;
