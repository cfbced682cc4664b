import type { UtilityService } from "@yulin/domain";
import type { Outbox } from "../../platform/outbox/outbox";
import { type TopicSchemas, topicHandler } from "../../platform/outbox/outbox.types";
import { type UtilityConnector, ZUtilityReply, ZUtilityTransferRequest } from "./utilities.connector";
import type { UtilitiesService } from "./utilities.service";

/** 1+N: one transfer request per chosen service, each to its company's connector. */
export const UTILITY_TOPICS = { "utility.transfer": ZUtilityTransferRequest } as const satisfies TopicSchemas;

export type UtilityOutbox = Outbox<typeof UTILITY_TOPICS>;

/** Delivery to the company of the request's service; its answer is recorded on the case. */
export function utilityTopics(
  connectors: Record<UtilityService, UtilityConnector>,
  utilities: UtilitiesService,
) {
  return [
    topicHandler(UTILITY_TOPICS, "utility.transfer", {
      deliver: async (payload, meta) => ({
        status: "delivered",
        response: await connectors[payload.service].transfer(payload, meta.idempotencyKey),
      }),
      onDelivered: async (tx, payload, response) => {
        const reply = ZUtilityReply.parse(response);
        await utilities.recordAnswer(tx, payload, reply, connectors[payload.service].mode);
      },
    }),
  ];
}
