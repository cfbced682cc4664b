import { z } from "zod";
import { ZCountyCode } from "../platform/http/schemas";

export const ZCertificateId = z.object({ id: z.uuid() });

const ZStatus = z.enum(["current", "replaced", "void"]);
const ZVoidReason = z.enum(["transfer", "change", "correction", "cancellation", "revocation", "replacement"]);

export const ZVerification = z
  .object({
    verdict: z.object({
      genuine: z.boolean(),
      status: ZStatus,
      message_zh: z.string(),
      message_en: z.string(),
    }),
    certificate: z.object({
      number: z.string(),
      kind: z.enum(["certificate", "certification"]),
      kindName: z.string(),
      office: z.object({ code: z.string(), name: z.string() }),
      registeredOn: z.string(),
      unitCode: z.string(),
      location: z.string(),
      holders: z.array(z.string()).describe("Masked: 张* for people, organisations in full"),
      replacement: z.object({ replacesNumber: z.string(), reason: z.enum(["lost", "damaged"]) }).nullable(),
      replacedByNumber: z.string().nullable(),
      voidReason: ZVoidReason.nullable(),
      voidedAt: z.string().nullable(),
    }),
    seal: z.object({
      status: z.enum(["valid", "invalid", "pending"]),
      failure: z.string().nullable(),
      algorithm: z.literal("SM2-with-SM3"),
      userId: z.string(),
      publicKeyFingerprint: z.string().nullable(),
      pdfSm3: z.string().nullable(),
      signature: z.string().nullable(),
      sealedAt: z.string().nullable(),
    }),
    register: z
      .object({
        status: z.enum(["verified", "failed", "unavailable", "not-linked"]),
        seq: z.number().nullable(),
      })
      .loose(),
  })
  .describe("CertificateVerification");

export const ZCertificateView = z
  .object({
    id: z.string(),
    number: z.string(),
    kind: z.enum(["certificate", "certification"]),
    kindName: z.string(),
    office: z.object({ code: z.string(), name: z.string() }),
    registeredOn: z.string(),
    unitCode: z.string(),
    location: z.string(),
    status: ZStatus,
    statusName: z.string(),
    voidReason: ZVoidReason.nullable(),
    voidReasonName: z.string().nullable(),
    voidedAt: z.string().nullable(),
    replacesId: z.string().nullable(),
    replacedById: z.string().nullable(),
    rows: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
    notes: z.array(z.string()),
    sealed: z.boolean(),
    sealedAt: z.string().nullable(),
    pdfSm3: z.string().nullable(),
    verifyUrl: z.string(),
    recipients: z.array(z.object({ role: z.enum(["holder", "mortgagee"]), issuedAt: z.string().nullable() })),
    prints: z.array(
      z.object({
        id: z.string(),
        office: z.string(),
        status: z.string(),
        formSerial: z.string().nullable(),
        printedAt: z.string().nullable(),
      }),
    ),
    allowedActions: z.array(z.string()),
    data: z.unknown().describe("The canonical certificate data (electronic licence 电子证照)"),
  })
  .describe("Certificate");

export const ZReplaceRequest = z.object({
  reason: z.enum(["lost", "damaged"]).describe("lost → 补发 (after the 作废声明), damaged → 换发"),
  announcement: z
    .object({ publishedOn: z.string(), reference: z.string().min(1).max(200) })
    .nullable()
    .optional()
    .describe("遗失声明: required for lost certificates"),
  caseId: z.string().max(64).nullable().optional(),
});

export const ZVoidRequest = z.object({
  reason: z.enum(["transfer", "change", "correction", "cancellation", "revocation"]),
  caseId: z.string().max(64).nullable().optional(),
});

export const ZPrintRequest = z.object({
  office: ZCountyCode.optional().describe("Printing office (remote printing)"),
});
export const ZPrintedRequest = z.object({ formSerial: z.string().min(6).max(32).describe("印制号") });
export const ZWithdrawPrintRequest = z.object({ note: z.string().max(200).optional() });

export const ZPrintJob = z.object({
  id: z.string(),
  certificateId: z.string(),
  number: z.string(),
  kind: z.string(),
  registeringOffice: z.string(),
  office: z.string(),
  status: z.string(),
  formSerial: z.string().nullable(),
  requestedAt: z.string(),
  printedAt: z.string().nullable(),
});

export const ZDeliveryRequest = z.object({
  method: z.enum(["pickup", "post"]),
  office: ZCountyCode.optional(),
  recipientName: z.string().min(1).max(100),
  address: z.string().max(300).optional(),
  phone: z.string().max(20).optional(),
});

export const ZDeliveryUpdate = z.object({
  status: z.enum(["dispatched", "delivered", "collected", "returned"]),
  carrier: z.string().max(40).optional(),
  trackingNumber: z.string().max(40).optional(),
});

export const ZDelivery = z.object({
  id: z.string(),
  certificateId: z.string(),
  method: z.enum(["pickup", "post"]),
  status: z.enum(["pending", "dispatched", "delivered", "collected", "returned"]),
  office: z.string(),
  recipientName: z.string(),
  phoneMasked: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
});
