import { COMPENSATION_BASES } from "@yulin/domain";
import { z } from "zod";
import { ZCountyCode } from "../platform/http/schemas";

const ZRates = {
  submitted: z.number(),
  registered: z.number(),
  online: z.number(),
  instant: z.number(),
  onTime: z.number(),
  onlineRate: z.number().nullable(),
  instantRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  averageDays: z.number().nullable(),
};

export const ZPublicStatistics = z.object({
  month: z.string(),
  months: z.array(z.string()),
  generatedAt: z.string(),
  byOffice: z.array(z.object({ office: z.string(), name: z.string(), ...ZRates })),
  byType: z.array(
    z.object({ typeId: z.string(), name: z.string(), promisedDays: z.number().nullable(), ...ZRates }),
  ),
  disputes: z.object({ objections: z.number(), seizures: z.number(), corrections: z.number() }),
  complaints: z.object({ filed: z.number(), answered: z.number() }),
  compensation: z.object({ filed: z.number(), paid: z.number() }),
});

export const ZComplaintInput = z.strictObject({
  office: ZCountyCode,
  topic: z.enum(["registry", "cadastre"]).describe("登记 or 地籍测绘"),
  caseRef: z.string().max(40).optional(),
  content: z.string().trim().min(5).max(2000),
  contact: z
    .object({ name: z.string().max(50).optional(), phone: z.string().max(20).optional() })
    .optional()
    .describe(
      "required: without a name and mobile number the complaint is refused (COMPLAINT.CONTACT_REQUIRED)",
    ),
});

export const ZComplaint = z.object({
  trackingNo: z.string(),
  office: z.string(),
  officeName: z.string(),
  topic: z.enum(["registry", "cadastre"]),
  caseRef: z.string().nullable(),
  content: z.string(),
  filedAt: z.string(),
  answerDue: z.string(),
  status: z.enum(["open", "answered"]),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  overdue: z.boolean(),
});

export const ZTrackingNo = z.object({ trackingNo: z.string().regex(/^TS\d{14}[A-Z0-9]{8}$/) });
export const ZMonthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});

const ZBasis = z.enum(Object.keys(COMPENSATION_BASES) as [keyof typeof COMPENSATION_BASES]);
const ZStamp = { by: z.string(), at: z.string() };

export const ZClaimInput = z.strictObject({
  office: ZCountyCode,
  caseRef: z.string().max(40).optional(),
  lossFen: z.number().int().positive().max(1e13),
  description: z.string().trim().min(5).max(4000),
});
export const ZReviewInput = z.strictObject({
  registryError: z.boolean(),
  basis: z.array(ZBasis).min(1).max(2),
  findings: z.string().trim().min(2).max(4000),
});
export const ZDecisionInput = z.strictObject({
  granted: z.boolean(),
  awardFen: z.number().int().nonnegative().max(1e13),
  reasons: z.string().trim().min(2).max(4000),
});
export const ZPaymentInput = z.strictObject({
  paidFen: z.number().int().positive().max(1e13),
  reference: z.string().trim().min(2).max(100),
  paidOn: z.iso.date(),
});

export const ZClaim = z.object({
  number: z.string(),
  office: z.string(),
  caseRef: z.string().nullable(),
  claimantName: z.string(),
  lossFen: z.number(),
  description: z.string(),
  filedAt: z.string(),
  status: z.enum(["filed", "reviewed", "decided", "paid"]),
  review: ZReviewInput.extend({ basisText: z.array(z.string()), ...ZStamp }).nullable(),
  decision: ZDecisionInput.extend(ZStamp).nullable(),
  payment: ZPaymentInput.extend(ZStamp).nullable(),
});
export const ZClaimNumber = z.object({ number: z.string().regex(/^PC\d{14}[0-9A-F]{8}$/) });
