import { PARTY_ROLES } from "@yulin/domain";
import { z } from "zod";
import { mirrorOf, ZCountyCode } from "../platform/http/schemas";
import { ZLedgerReceipt } from "../register/register.schemas";
import type { PartDetails } from "./case-drafts";

/** zod schemas beside the routes: they validate requests and feed the OpenAPI document. */

export const ZCaseId = z.object({ id: z.string().regex(/^\d{6}-\d{8}-[0-9A-Z]{10}$/, "case id (业务号)") });

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const ZPartyInput = z
  .object({
    role: z.enum(PARTY_ROLES),
    account: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("A platform account (username): its identity on file"),
    name: z.string().min(1).max(200).optional(),
    idType: z.enum(["1", "8"]).optional().describe("1 居民身份证, 8 统一社会信用代码"),
    idNumber: z.string().min(15).max(18).optional(),
    actsFor: z.object({ account: z.string().optional(), idNumber: z.string().optional() }).optional(),
    share: z.string().max(20).optional().describe("按份共有 share: 1/2, 0.5, 50%"),
    heirOrder: z.union([z.literal(1), z.literal(2)]).optional(),
    unregisteredAcquisition: z.enum(["inheritance", "decision"]).optional(),
  })
  .describe("PartyInput");
export type TPartyInput = z.infer<typeof ZPartyInput>;

/** A part's particulars: the CaseDraft fields the rules read, plus the facts the register records. */
export const ZPartDetails = z
  .object({
    coOwnership: z.enum(["sole", "joint", "shares", "other"]).optional(),
    targetRightId: z.string().optional(),
    scope: z.enum(["house-and-land", "house-only", "land-only"]).optional(),
    ownShareOnly: z.boolean().optional(),
    coOwnerAgreement: z.boolean().optional(),
    presentedCertificate: z.string().max(60).optional(),
    termEnd: z.string().max(10).optional(),
    landUse: z.enum(["residential", "industrial", "commercial", "other"]).optional(),
    fromAdvanceNoticeId: z.string().optional(),
    developerRefused: z.boolean().optional(),
    correction: z
      .object({ errorRegisteredOn: z.string().optional(), noticeServedOn: z.string().optional() })
      .optional(),
    mortgage: z
      .object({
        amount: z.number().int().nonnegative().optional().describe("fen"),
        debtEnd: z.string().optional(),
        transferBan: z.boolean().optional(),
        targetMortgageId: z.string().optional(),
        repaysMortgageId: z
          .string()
          .optional()
          .describe("带押过户（分段）: the seller's mortgage the new loan repays"),
        rank: z.number().int().positive().optional(),
        collateralUnits: z.array(z.string()).optional(),
        collateral: z.enum(["right", "easement"]).optional(),
        lawAllows: z.boolean().optional(),
        assignmentAgreed: z.boolean().optional(),
        fixingEvent: z
          .enum(["period-ended", "two-years-request", "no-new-debt", "seizure-known", "bankruptcy"])
          .optional(),
      })
      .optional(),
    advanceNotice: z
      .object({
        kind: z.enum(["presale-sale", "sale", "presale-mortgage", "mortgage"]).optional(),
        targetId: z.string().optional(),
        registrablePossibleOn: z.string().optional(),
      })
      .optional(),
    seizure: z
      .object({
        court: z.string(),
        deliveredAt: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
        targetSeizureId: z.string().optional(),
      })
      .optional(),
    objection: z
      .object({ matter: z.string(), grounds: z.string(), targetId: z.string().optional() })
      .optional(),
    easement: z
      .object({
        dominantUnitCode: z.string(),
        dominantTermEnd: z.string().optional(),
        withDominantTransfer: z.boolean().optional(),
      })
      .optional(),
    habitation: z
      .object({
        byWill: z.boolean().optional(),
        targetId: z.string().optional(),
        ended: z.enum(["term", "death", "agreement"]).optional(),
      })
      .optional(),
    decision: z.object({ court: z.string().optional(), wholeUnit: z.boolean().optional() }).optional(),
    right: z
      .object({
        rightType: z.string().max(3),
        nature: z.string().max(4).nullable().optional(),
        use: z.string().max(10).nullable().optional(),
        area: z.number().nonnegative().nullable().optional(),
        termStart: ZDate.nullable().optional(),
        termEnd: ZDate.nullable().optional(),
      })
      .optional(),
    unit: z
      .object({
        address: z.string().min(1).max(200).optional(),
        buildingArea: z.number().nonnegative().nullable().optional(),
        innerArea: z.number().nonnegative().nullable().optional(),
        sharedArea: z.number().nonnegative().nullable().optional(),
        use: z.string().max(4).nullable().optional(),
        floor: z.number().int().nullable().optional(),
        roomLabel: z.string().max(20).nullable().optional(),
        structure: z.string().max(1).nullable().optional(),
      })
      .optional()
      .describe("自然状况变更: the unit's facts as they now are"),
    priceFen: z.number().int().nonnegative().optional(),
    documentNo: z.string().max(100).optional(),
  })
  .describe("PartDetails");
// A part's details are the domain's CaseDraft fields and the price: the schema parses to them.
mirrorOf<PartDetails>()(ZPartDetails);
export type TPartDetails = z.infer<typeof ZPartDetails>;

export const ZCreateCaseRequest = z
  .object({
    typeId: z
      .string()
      .min(1)
      .max(80)
      .describe("A business type (transfer.sale) or a combined type (combined.resale-with-mortgage)"),
    unitCode: z.string().length(28),
    parts: z
      .array(z.object({ details: ZPartDetails.optional(), parties: z.array(ZPartyInput).max(50).optional() }))
      .max(5)
      .optional(),
    confirm: z.boolean().optional().describe("Sign as the caller's own party right away"),
    submit: z.boolean().optional().describe("Submit right away (an instant type may be registered at once)"),
  })
  .describe("CreateCaseRequest");
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;

export const ZFinding = z.object({
  rule: z.string(),
  code: z.string(),
  severity: z.enum(["block", "warn", "info"]),
  message_zh: z.string(),
  message_en: z.string(),
  basis: z.string(),
  part: z.number(),
  commitment: z.object({ kind: z.string(), ref: z.string(), recorded: z.boolean() }).nullable(),
});

export const ZSubmitResult = z.object({
  id: z.string(),
  stage: z.string(),
  findings: z.array(ZFinding),
  blocked: z.boolean(),
  instant: z.union([
    z.object({ route: z.literal("automatic") }),
    z.object({ route: z.literal("human"), reasons: z.array(z.string()) }),
  ]),
  certificates: z.array(z.object({ id: z.string(), number: z.string(), kind: z.string() })),
  entries: z.array(z.number()),
  receipts: z
    .array(ZLedgerReceipt)
    .describe(
      "登簿回执: one signed receipt per append of a registration at submit; empty when not registered",
    ),
});

/** A 好差评 rating as the applicant gave it. */
export const ZCaseRating = z.object({ score: z.number().int(), comment: z.string(), ratedAt: z.string() });

export const ZStageResult = z.object({ id: z.string(), stage: z.string(), findings: z.array(ZFinding) });
export const ZRegisterResult = ZStageResult.extend({
  entries: z.array(z.number()),
  certificates: z.array(z.object({ id: z.string(), number: z.string(), kind: z.string() })),
  voided: z.array(z.string()),
  receipts: z.array(ZLedgerReceipt).describe("登簿回执: the register's signed receipts, one per append"),
});

export const ZCaseView = z
  .object({ id: z.string(), stage: z.string(), nextActions: z.array(z.string()) })
  .loose()
  .describe("CaseView");

export const ZCaseSummary = z
  .object({
    id: z.string(),
    typeId: z.string(),
    unitCode: z.string(),
    registeringOffice: z.string(),
    acceptingOffice: z.string().nullable(),
    stage: z.string(),
    deadline: z.string().nullable(),
  })
  .loose();

export const ZReasons = z.object({ reasons: z.array(z.string().min(1).max(500)).min(1).max(50) });
export const ZAcceptRequest = z.object({ office: ZCountyCode.optional() });
export const ZNotAcceptRequest = ZReasons.extend({ office: ZCountyCode.optional() });
export const ZCorrectionRequest = z.object({ items: z.array(z.string().min(1).max(500)).min(1).max(50) });

export const ZMaterialRequest = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("upload"),
    materialId: z.string(),
    fileName: z.string().min(1).max(200),
    mediaType: z.string().max(100),
    contentBase64: z.string().max(15_000_000),
  }),
  z.object({ source: z.literal("e-licence"), materialId: z.string(), licenceId: z.uuid() }),
  z.object({ source: z.literal("commitment"), materialId: z.string(), text: z.string().min(1).max(5000) }),
]);

export const ZConsentRequest = z.object({
  kind: z.enum(["advance-notice-holder", "mortgagee", "later-mortgagee", "co-owners"]),
  refId: z.string().optional(),
  personKey: z.string().length(64).optional().describe("Counter staff: whose paper consent was seen"),
});

export const ZTimeline = z.object({
  caseId: z.string(),
  stage: z.string(),
  entries: z.array(
    z.object({
      action: z.string(),
      from: z.string(),
      to: z.string(),
      actor: z.string(),
      actorRole: z.string(),
      office: z.string().nullable(),
      at: z.string(),
      reasons: z.array(z.string()),
      findings: z.array(z.unknown()),
    }),
  ),
});

export const ZDeadlineList = z.object({
  today: z.string(),
  cases: z.array(ZCaseSummary.extend({ daysLate: z.number() })),
});
