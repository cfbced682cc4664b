import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../platform/errors";
import { requireAuth } from "../../platform/http/request-context";
import { errorResponses } from "../../platform/http/schemas";
import { ZBankNotification } from "./bank.notifications";
import type { BankEvents } from "./bank-events";

const ZBankEvent = z.object({
  messageId: z.string().describe("Equals the webhook's messageId: deduplicate on it"),
  type: z.literal("bank.collateral-event"),
  createdAt: z.string(),
  delivery: z.enum(["pending", "delivered", "failed"]),
  data: ZBankNotification,
});

export const bankEventRoutes =
  (events: BankEvents): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/institution/events",
      {
        schema: {
          tags: ["integrations 部门协同"],
          summary:
            "补取事件通知（游标分页） Replay the collateral events sent to the caller's bank, oldest first",
          description:
            "错过推送（接收地址故障、消息进入死信）时，银行从上次保存的游标起按顺序补取；答复的 nextCursor 用于下次请求，hasMore 为真时立即再取。" +
            " A bank that missed webhooks reads them again from its last cursor, in order; keep nextCursor for the next call and fetch again at once while hasMore.",
          querystring: z.object({
            after: z
              .string()
              .max(64)
              .optional()
              .describe("The nextCursor of the previous page; none = from the start"),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              events: z.array(ZBankEvent),
              nextCursor: z.string().nullable(),
              hasMore: z.boolean(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        // A bank's own events: no other caller has any.
        if (actor.institutionKind !== "bank" || !actor.institutionId) throw new AppError("AUTH.FORBIDDEN");
        return events.list(actor.institutionId, request.query);
      },
    );
  };
