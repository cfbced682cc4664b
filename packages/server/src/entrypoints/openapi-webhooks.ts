import { z } from "zod";
import { ZBankNotification } from "../integrations/bank/bank.notifications";

/**
 * The SM2-signed messages Yulin sends to an institution's registered endpoint (docs/integrations.md,
 * "Wire format"), as OpenAPI `webhooks`: the payload schema comes from the same zod schema the
 * outbox validates with, so the document cannot drift from what is sent.
 */
const ZEnvelope = z.object({
  messageId: z.string().describe("Unique per message; equals the Idempotency-Key header"),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  type: z.literal("bank.collateral-event"),
  sentAt: z.string().describe("ISO 8601 time of sending"),
  data: ZBankNotification,
});

const header = (name: string, description: string) => ({
  name,
  in: "header" as const,
  required: true,
  description,
  schema: { type: "string" },
});

const example = {
  messageId: "bank:INST-GONGSHANG:register:1042:mortgage-registered",
  nonce: "9f2c4e7a1b3d5f60718293a4b5c6d7e8",
  type: "bank.collateral-event",
  sentAt: "2026-12-03T08:00:00.000Z",
  data: {
    event: "mortgage-registered",
    eventId: "register:1042:mortgage-registered",
    occurredAt: "2026-12-03T08:00:00.000Z",
    caseRef: "440604-2026-000123",
    unitCode: "440604001002GB00001F00010006",
    jurisdiction: "440604",
    certificationNo: "粤（2026）佛山市不动产证明第0000042号",
    registerEntry: "1042",
    details: {},
  },
};

export const WEBHOOKS = {
  collateralEvent: {
    post: {
      operationId: "receiveCollateralEvent",
      summary: "抵押物变动通知 Collateral event sent to a mortgagee bank",
      description:
        "登记簿记载抵押、变更、注销、查封、异议或转移时，平台向抵押权人银行登记的地址 `POST <endpoint>/collateral-events`。" +
        " 签名为 SM2（SM3，用户标识 1234567812345678）覆盖 `X-Yulin-Timestamp ‖ 原始请求体`；验签公钥见 `GET /api/integrations/platform-key`，示例见 docs/api/webhooks.md。\n\n" +
        "Sent to the bank's registered endpoint when the register records a change to a collateral it holds. " +
        "The signature is SM2 with SM3 (user id 1234567812345678) over `X-Yulin-Timestamp ‖ raw body`; " +
        "the key is at `GET /api/integrations/platform-key`; docs/api/webhooks.md verifies one in TypeScript and with OpenSSL. " +
        "A delivery is retried with backoff until a 2xx; the same `messageId` may arrive twice (deduplicate on it).",
      tags: ["integrations 部门协同"],
      parameters: [
        header("X-Yulin-Timestamp", "毫秒时间戳 Milliseconds since the epoch, part of the signed text"),
        header("X-Yulin-Signature", "SM2 签名（DER，十六进制） Hex DER SM2 signature over timestamp ‖ body"),
        header("Idempotency-Key", "等于 messageId Equals messageId"),
      ],
      requestBody: {
        required: true,
        content: { "application/json": { schema: z.toJSONSchema(ZEnvelope), example } },
      },
      responses: {
        "200": { description: "已接收 Received (any 2xx)" },
      },
      security: [],
    },
  },
};
