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
 * The outbox's topics, each with its payload schema. Platform knows no topic: each capability
 * declares its own (`TAX_TOPICS`), and the composition root joins them into the one registry the
 * outbox validates against and the worker parses with.
 */
export type TopicSchemas = { readonly [topic: string]: z.ZodType };

/** The payload a topic's schema accepts. */
export type PayloadOf<T extends TopicSchemas, K extends keyof T> = z.input<T[K]>;

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

/**
 * The handler of one of a capability's topics, with the payload schema its registry gives it (the
 * type is erased so handlers of different topics sit in one list).
 */
export const topicHandler = <T extends TopicSchemas, K extends keyof T & string>(
  topics: T,
  topic: K,
  handler: Omit<TopicHandler<z.output<T[K]>>, "topic" | "schema">,
): TopicHandler<unknown> =>
  ({ ...handler, topic, schema: topics[topic] }) as unknown as TopicHandler<unknown>;

/** Where and how a message goes, besides its topic and payload. */
export type Delivery = {
  /** Delivery channel whose health is tracked: `tax`, `payment`, `bank:<institution id>` … */
  connector: string;
  idempotencyKey: string;
  /** What an operator may see in the dead-letter list (no personal data). */
  summary?: Record<string, unknown>;
  jurisdiction?: string | null;
};
