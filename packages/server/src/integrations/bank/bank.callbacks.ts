import { z } from "zod";
import type { RequestContext } from "../../platform/audit/audit";
import { systemContext } from "../../platform/audit/audit";
import type { Tx } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { inboundHandler } from "../shared/inbound.service";

/** 带押过户（分段）: the old lender confirms its loan was repaid from the buyer's supervised loan. */
export const ZRepaymentConfirmed = z.object({
  caseRef: z.string().min(1).max(40),
  /** When the old loan was settled (the bank's own record). */
  repaidAt: z.string().max(40),
  /** The bank's settlement reference (结清证明编号). */
  settlementNo: z.string().min(1).max(100),
});

/** The cases capability's answer to a confirmation (wired in entrypoints/setup.ts). */
export type RepaymentPort = {
  confirm(
    tx: Tx,
    ctx: RequestContext,
    input: { caseRef: string; institutionId: string; messageId: string; now: Date },
  ): Promise<unknown>;
};

/**
 * Banks' signed callbacks: `repayment-confirmed` cancels the old mortgage of a segmented
 * 带押过户 case, in the callback's transaction. The port is bound once the cases capability exists.
 */
export function bankCallbacks(port: () => RepaymentPort | undefined) {
  return [
    inboundHandler({
      department: "bank",
      type: "repayment-confirmed",
      schema: ZRepaymentConfirmed,
      handle: (tx, data, meta) => {
        const repayments = port();
        if (!repayments) throw new AppError("INTEGRATION.UNKNOWN_MESSAGE", { type: "repayment-confirmed" });
        return repayments.confirm(tx, systemContext(`bank-callback:${meta.messageId}`), {
          caseRef: data.caseRef,
          institutionId: meta.institutionId,
          messageId: meta.messageId,
          now: meta.now,
        });
      },
    }),
  ];
}
