import crypto from "node:crypto";
import os from "node:os";
import type { PiiCipher } from "../crypto/pii-cipher";
import { type Database, inTransaction } from "../db/database";
import { backoffDelayMs } from "./backoff";
import {
  claimDueMessages,
  completeMessage,
  failMessage,
  type OutboxRow,
  recordConnectorFailure,
  recordConnectorSuccess,
} from "./outbox.repository";
import type { DeliveryMeta, DeliveryOutcome, TopicHandler } from "./outbox.types";

export type WorkerOptions = {
  pollMs: number;
  leaseSeconds: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  batchSize?: number;
  /** Messages delivered in parallel within a batch. */
  concurrency?: number;
};

export type WorkerLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type OutboxWorker = {
  readonly id: string;
  /** Starts the polling loop (idempotent). */
  start(): void;
  /** Stops after the batch in hand; resolves when idle. */
  stop(): Promise<void>;
  /** Claims and delivers one batch; returns how many messages it handled. */
  runOnce(): Promise<number>;
  /** Runs batches until nothing is due (tests, CLI `yulin outbox run`). */
  drain(options?: { maxBatches?: number }): Promise<number>;
  /** Wakes a sleeping loop after an enqueue in this process. */
  wake(): void;
};

type DeliveryFailure = { retryable: boolean; message: string };

const failureOf = (error: unknown): DeliveryFailure => {
  const e = error as { retryable?: boolean; message?: string };
  return { retryable: e.retryable !== false, message: e.message ?? String(error) };
};

/**
 * Delivers outbox messages at least once. Each message is leased (status `sending`, `locked_until`)
 * in a short transaction, delivered outside any transaction, then completed — together with the
 * department's answer — in one transaction that only succeeds while the lease is still ours.
 * A worker killed mid-delivery leaves a lease that runs out; the next worker delivers again with
 * the same idempotency key, and the receiver drops the duplicate.
 */
export function createOutboxWorker(deps: {
  db: Database;
  pii: PiiCipher;
  handlers: ReadonlyArray<TopicHandler<unknown>>;
  options: WorkerOptions;
  now: () => Date;
  log?: WorkerLog;
  random?: () => number;
  /** Periodic upkeep run by the polling loop (e.g. forgetting old inbound nonces). */
  housekeeping?: { everyMs: number; run: () => Promise<void> };
}): OutboxWorker {
  const id = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
  const handlers = new Map(deps.handlers.map((h) => [h.topic, h]));
  const batchSize = deps.options.batchSize ?? 16;
  const concurrency = deps.options.concurrency ?? 4;
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wakeUp: (() => void) | null = null;

  async function fail(row: OutboxRow, failure: DeliveryFailure): Promise<void> {
    const now = deps.now();
    const dead = !failure.retryable || row.attempts >= row.max_attempts;
    const delay = backoffDelayMs(
      row.attempts,
      { baseMs: deps.options.backoffBaseMs, maxMs: deps.options.backoffMaxMs },
      deps.random,
    );
    await inTransaction(deps.db, async (tx) => {
      const ours = await failMessage(tx, {
        id: row.id,
        workerId: id,
        dead,
        error: failure.message,
        nextAttemptAt: new Date(now.getTime() + delay),
        now,
      });
      if (ours) await recordConnectorFailure(tx, row.connector, failure.message, now);
    });
    deps.log?.warn(
      {
        id: row.id,
        topic: row.topic,
        connector: row.connector,
        attempt: row.attempts,
        dead,
        error: failure.message,
      },
      dead ? "outbox message dead-lettered" : "outbox delivery failed; will retry",
    );
  }

  async function processOne(row: OutboxRow): Promise<void> {
    const handler = handlers.get(row.topic);
    if (!handler) return fail(row, { retryable: false, message: `no handler for topic ${row.topic}` });
    if (row.attempts > row.max_attempts) {
      // Leased more often than allowed: the worker died each time while delivering it.
      return fail(row, { retryable: false, message: "exceeded attempts (worker stopped during delivery)" });
    }
    let payload: unknown;
    try {
      payload = handler.schema.parse(JSON.parse(deps.pii.decrypt(row.payload)));
    } catch (error) {
      return fail(row, { retryable: false, message: `invalid payload: ${(error as Error).message}` });
    }
    const meta: DeliveryMeta = {
      id: row.id,
      topic: row.topic,
      connector: row.connector,
      idempotencyKey: row.idempotency_key,
      attempt: row.attempts,
    };
    let outcome: DeliveryOutcome;
    try {
      outcome = await handler.deliver(payload, meta);
    } catch (error) {
      return fail(row, failureOf(error));
    }
    try {
      await inTransaction(deps.db, async (tx) => {
        const now = deps.now();
        const note = outcome.status === "skipped" ? `skipped: ${outcome.reason}` : null;
        const ours = await completeMessage(tx, {
          id: row.id,
          workerId: id,
          status: outcome.status,
          note,
          now,
        });
        if (!ours) return; // our lease ran out and another worker took the message over
        if (outcome.status === "delivered" && handler.onDelivered) {
          await handler.onDelivered(tx, payload, outcome.response, meta);
        }
        await recordConnectorSuccess(tx, row.connector, now);
      });
    } catch (error) {
      // The department answered but applying its answer failed: deliver again later (same key).
      await fail(row, {
        retryable: true,
        message: `applying the answer failed: ${(error as Error).message}`,
      });
    }
  }

  async function runOnce(): Promise<number> {
    const now = deps.now();
    const rows = await claimDueMessages(deps.db, {
      workerId: id,
      limit: batchSize,
      now,
      leaseUntil: new Date(now.getTime() + deps.options.leaseSeconds * 1000),
    });
    for (let i = 0; i < rows.length; i += concurrency) {
      await Promise.all(
        rows
          .slice(i, i + concurrency)
          .map((row) =>
            processOne(row).catch((error) =>
              deps.log?.error({ id: row.id, err: error }, "outbox processing failed; the lease will expire"),
            ),
          ),
      );
    }
    return rows.length;
  }

  let lastHousekeeping = 0;

  async function loop(): Promise<void> {
    while (running) {
      if (deps.housekeeping && Date.now() - lastHousekeeping >= deps.housekeeping.everyMs) {
        lastHousekeeping = Date.now();
        await deps.housekeeping.run().catch((error) => deps.log?.warn({ err: error }, "housekeeping failed"));
      }
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (error) {
        deps.log?.error({ err: error }, "outbox poll failed");
      }
      if (handled === 0 && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deps.options.pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = null;
      }
    }
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      deps.log?.info({ worker: id }, "outbox worker started");
      loopDone = loop();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loopDone;
    },
    runOnce,
    async drain(options = {}) {
      let total = 0;
      for (let i = 0; i < (options.maxBatches ?? 1000); i++) {
        const n = await runOnce();
        total += n;
        if (n === 0) break;
      }
      return total;
    },
    wake() {
      wakeUp?.();
    },
  };
}
