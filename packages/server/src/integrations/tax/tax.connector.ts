import { z } from "zod";
import type { SignedClient } from "../shared/http-client";
import { envelope } from "../shared/signed-message";

/** What the case pushes to the tax department (税务申报). Personal data: sealed in the outbox. */
export const ZTaxParty = z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(8).max(30) });

export const ZTaxDeclaration = z.object({
  caseRef: z.string(),
  declarationNo: z.string(),
  jurisdiction: z.string().regex(/^\d{6}$/),
  contractNo: z.string().nullable(),
  unit: z.object({
    unitCode: z.string(),
    address: z.string(),
    areaSqm: z.number().positive(),
    use: z.enum(["residential", "non-residential"]),
  }),
  priceFen: z.number().int().nonnegative(),
  transfer: z.enum(["sale", "gift", "inheritance", "bequest", "between-spouses"]),
  statutoryHeir: z.boolean().nullable(),
  onDate: z.string(),
  buyerKind: z.enum(["individual", "organisation"]),
  buyers: z.array(ZTaxParty).min(1),
  sellers: z.array(ZTaxParty),
  household: z.object({
    members: z.number().int().positive(),
    homesBefore: z.number().int().nonnegative(),
    source: z.enum(["register", "guarantee"]),
    /** 诚信保证: the buyer's signed statement of the household's homes, sealed by the platform. */
    guarantee: z
      .object({
        statement: z.object({
          caseRef: z.string(),
          declarationNo: z.string(),
          claimedHomesBefore: z.number().int().nonnegative(),
          text_zh: z.string(),
          signedBy: z.string(),
          signedAt: z.string(),
        }),
        seal: z.string(),
      })
      .nullable(),
  }),
});
export type TaxDeclaration = z.infer<typeof ZTaxDeclaration>;

export const ZTaxAssessment = z
  .object({
    assessmentNo: z.string().min(1).max(64),
    caseRef: z.string(),
    lines: z.array(
      z.object({
        code: z.string(),
        label_zh: z.string(),
        label_en: z.string(),
        amountFen: z.number().int().nonnegative(),
      }),
    ),
    totalFen: z.number().int().nonnegative(),
    householdHomesBefore: z.number().int().nonnegative(),
    category: z.string(),
    rateBp: z.number().int().nonnegative(),
    assessedAt: z.string(),
  })
  .refine(
    (a) => a.totalFen === a.lines.reduce((s, l) => s + l.amountFen, 0),
    "totalFen must equal the lines",
  );
export type TaxAssessment = z.infer<typeof ZTaxAssessment>;

/** 完税凭证 / 免税证明: the tax department's confirmation. */
export const ZTaxConfirmation = z.object({
  caseRef: z.string(),
  voucherNo: z.string().min(1).max(64),
  assessmentNo: z.string(),
  kind: z.enum(["paid", "exempt"]),
  amountFen: z.number().int().nonnegative(),
  confirmedAt: z.string(),
});
export type TaxConfirmation = z.infer<typeof ZTaxConfirmation>;

export const ZAssessmentAnswer = z.object({
  assessment: ZTaxAssessment,
  confirmation: ZTaxConfirmation.nullable().optional(),
});
export type AssessmentAnswer = z.infer<typeof ZAssessmentAnswer>;

export const ZTaxPaymentNotice = z.object({
  caseRef: z.string(),
  assessmentNo: z.string(),
  amountFen: z.number().int().positive(),
  paidAt: z.string(),
  orderNo: z.string(),
  treasuryAccount: z.string(),
  transactions: z.array(z.object({ txnId: z.string(), amountFen: z.number().int().positive() })),
});
export type TaxPaymentNotice = z.infer<typeof ZTaxPaymentNotice>;

export const ZTaxRegisteredNotice = z.object({
  caseRef: z.string(),
  voucherNo: z.string(),
  registeredAt: z.string(),
  certificateNo: z.string().nullable(),
});
export type TaxRegisteredNotice = z.infer<typeof ZTaxRegisteredNotice>;

/**
 * The case ended without registration (不予登记, 不予受理, 撤回): the platform refunds the fee; the
 * deed tax its payers paid into the treasury is for the tax department to refund (退税).
 */
export const ZTaxClosedNotice = z.object({
  caseRef: z.string(),
  reason: z.enum(["refused", "not-accepted", "withdrawn"]),
  closedAt: z.string(),
  orderNo: z.string(),
  assessmentNo: z.string().nullable(),
  /** Deed tax paid into the treasury, and by which channel transactions. */
  taxPaidFen: z.number().int().nonnegative(),
  treasuryAccount: z.string(),
  transactions: z.array(
    z.object({ txnId: z.string(), payer: z.string(), taxFen: z.number().int().nonnegative() }),
  ),
});
export type TaxClosedNotice = z.infer<typeof ZTaxClosedNotice>;

export const ZPaymentAnswer = z.object({ confirmation: ZTaxConfirmation.nullable().optional() });

/** The tax department (税务). Every call is safe to repeat with the same idempotency key. */
export type TaxConnector = {
  mode: "simulator" | "http";
  declare(declaration: TaxDeclaration, key: string): Promise<AssessmentAnswer>;
  /** Re-assessment after the buyer contests the household count with a signed guarantee. */
  contest(declaration: TaxDeclaration, key: string): Promise<AssessmentAnswer>;
  notifyPayment(notice: TaxPaymentNotice, key: string): Promise<z.infer<typeof ZPaymentAnswer>>;
  notifyRegistered(notice: TaxRegisteredNotice, key: string): Promise<void>;
  /** The case will not be registered: the bureau refunds the deed tax paid (退税). */
  notifyClosedUnregistered(notice: TaxClosedNotice, key: string): Promise<void>;
};

/**
 * HTTP: POST {base}/declarations | /contests | /payments | /registrations | /unregistered-closures,
 * signed envelopes.
 */
export function createHttpTaxConnector(client: SignedClient, now: () => Date): TaxConnector {
  const post = (path: string, type: string, data: unknown, key: string) =>
    client.post<unknown>(path, envelope(type, key, data, now()), key);
  return {
    mode: "http",
    async declare(declaration, key) {
      return ZAssessmentAnswer.parse(await post("declarations", "tax.declaration", declaration, key));
    },
    async contest(declaration, key) {
      return ZAssessmentAnswer.parse(await post("contests", "tax.contest", declaration, key));
    },
    async notifyPayment(notice, key) {
      return ZPaymentAnswer.parse(await post("payments", "tax.payment", notice, key));
    },
    async notifyRegistered(notice, key) {
      await post("registrations", "tax.registered", notice, key);
    },
    async notifyClosedUnregistered(notice, key) {
      await post("unregistered-closures", "tax.case-closed-unregistered", notice, key);
    },
  };
}
