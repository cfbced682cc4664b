import type { TopicSchemas } from "../../platform/outbox/outbox.types";
import { topicHandler } from "../../platform/outbox/outbox.types";
import { ConnectorError } from "../shared/http-client";
import { type NationalConnector, type ReportAnswer, ZRegistrationLog } from "./national.connector";
import type { NationalService } from "./national.service";

/** 登簿日志 to the national platform: validated at enqueue, parsed at delivery. */
export const NATIONAL_TOPICS = {
  "national.registration-log": ZRegistrationLog,
} as const satisfies TopicSchemas;

export function nationalTopics(connector: NationalConnector, national: () => NationalService) {
  return [
    topicHandler(NATIONAL_TOPICS, "national.registration-log", {
      deliver: async (payload, meta) => {
        try {
          return { status: "delivered", response: await connector.report(payload, meta.idempotencyKey) };
        } catch (error) {
          // Refused for good (malformed): the report is marked, the message dead-letters.
          if (error instanceof ConnectorError && !error.retryable)
            await national().markRejected(payload.reportId, error.message);
          throw error;
        }
      },
      onDelivered: (tx, payload, response) =>
        national().onDelivered(tx, payload.reportId, (response as ReportAnswer).ack),
    }),
  ];
}
