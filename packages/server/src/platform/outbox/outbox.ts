import type { PiiCipher } from "../crypto/pii-cipher";
import type { Tx } from "../db/database";
import { insertOutboxMessage } from "./outbox.repository";
import type { Delivery, PayloadOf, TopicSchemas } from "./outbox.types";

export type Outbox<T extends TopicSchemas> = {
  /**
   * Writes a message in the caller's transaction: it exists exactly when the business change
   * commits. The payload must pass its topic's schema; it is sealed (SM4): messages to
   * departments carry personal data.
   */
  enqueue<K extends keyof T & string>(
    tx: Tx,
    topic: K,
    payload: PayloadOf<T, K>,
    delivery: Delivery,
  ): Promise<{ id: number; created: boolean }>;
};

export function createOutbox<T extends TopicSchemas>(deps: {
  pii: PiiCipher;
  maxAttempts: number;
  now: () => Date;
  topics: T;
}): Outbox<T> {
  return {
    async enqueue(tx, topic, payload, delivery) {
      if (!/^[\w.:-]{1,200}$/.test(delivery.idempotencyKey)) {
        throw new Error(`bad idempotency key ${delivery.idempotencyKey}`);
      }
      const schema = deps.topics[topic];
      if (!schema) throw new Error(`unknown outbox topic ${topic}`);
      schema.parse(payload);
      return insertOutboxMessage(tx, {
        topic,
        connector: delivery.connector,
        idempotencyKey: delivery.idempotencyKey,
        payload: deps.pii.encrypt(JSON.stringify(payload)),
        summary: delivery.summary ?? {},
        jurisdiction: delivery.jurisdiction ?? null,
        maxAttempts: deps.maxAttempts,
        now: deps.now(),
      });
    },
  };
}
