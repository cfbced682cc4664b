import type { PiiCipher } from "../crypto/pii-cipher";
import type { Tx } from "../db/database";
import { insertOutboxMessage } from "./outbox.repository";
import type { EnqueueInput } from "./outbox.types";

export type Outbox = {
  /**
   * Writes a message in the caller's transaction: it exists exactly when the business change
   * commits. The payload is sealed (SM4): messages to departments carry personal data.
   */
  enqueue(tx: Tx, message: EnqueueInput): Promise<{ id: number; created: boolean }>;
};

export function createOutbox(deps: { pii: PiiCipher; maxAttempts: number; now: () => Date }): Outbox {
  return {
    async enqueue(tx, message) {
      if (!/^[\w.:-]{1,200}$/.test(message.idempotencyKey)) {
        throw new Error(`bad idempotency key ${message.idempotencyKey}`);
      }
      return insertOutboxMessage(tx, {
        topic: message.topic,
        connector: message.connector,
        idempotencyKey: message.idempotencyKey,
        payload: deps.pii.encrypt(JSON.stringify(message.payload)),
        summary: message.summary ?? {},
        jurisdiction: message.jurisdiction ?? null,
        maxAttempts: deps.maxAttempts,
        now: deps.now(),
      });
    },
  };
}
