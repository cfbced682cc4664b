import type { z } from "zod";
import type { Tx } from "../db/database";

/** What a handler is told about the message it delivers. */
export type DeliveryMeta = {
  id: number;
  topic: string;
  connector: string;
  /** Sent to the department as the `Idempotency-Key` header and the envelope's messageId. */
  idempotencyKey: string;
  /** 1 on the first try. */
  attempt: number;
};

export type DeliveryOutcome =
  | { status: "delivered"; response?: unknown }
  /** The target is gone (e.g. the institution was removed): nothing to do, not a failure. */
  | { status: "skipped"; reason: string };

/**
 * A typed outbox job (STYLE.md §8): its topic, its payload schema, how it is delivered, and what
 * the department's answer changes here. `deliver` must be safe to repeat with the same key;
 * `onDelivered` runs in the transaction that marks the message delivered.
 */
export type TopicHandler<P = unknown> = {
  topic: string;
  schema: z.ZodType<P>;
  deliver(payload: P, meta: DeliveryMeta): Promise<DeliveryOutcome>;
  onDelivered?(tx: Tx, payload: P, response: unknown, meta: DeliveryMeta): Promise<void>;
};

/** Erases the payload type so handlers of different topics sit in one list. */
export const topicHandler = <P>(handler: TopicHandler<P>): TopicHandler<unknown> =>
  handler as unknown as TopicHandler<unknown>;

export type EnqueueInput = {
  topic: string;
  /** Delivery channel whose health is tracked: `tax`, `payment`, `bank:<institution id>` … */
  connector: string;
  payload: unknown;
  idempotencyKey: string;
  /** What an operator may see in the dead-letter list (no personal data). */
  summary?: Record<string, unknown>;
  jurisdiction?: string | null;
};
