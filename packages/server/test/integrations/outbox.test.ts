import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { inTransaction } from "../../src/platform/db/database";
import { backoffDelayMs } from "../../src/platform/outbox/backoff";
import { createOutbox, type Outbox } from "../../src/platform/outbox/outbox";
import {
  claimDueMessages,
  completeMessage,
  findOutboxMessage,
} from "../../src/platform/outbox/outbox.repository";
import { startTestEnv, type TestEnv } from "../support/test-services";

/** Topics of this test only: the app's worker has no handler for them. */
const TEST_TOPICS = {
  "t.x": z.object({}),
  "t.lease": z.object({ n: z.number() }),
  "nobody.listens": z.object({}),
};

let env: TestEnv;
let outbox: Outbox<typeof TEST_TOPICS>;
beforeAll(async () => {
  env = await startTestEnv({}, { demo: false });
  outbox = createOutbox({
    pii: env.services.pii,
    maxAttempts: 5,
    now: () => new Date(),
    topics: TEST_TOPICS,
  });
});
afterAll(() => env.close());

describe("outbox mechanics", () => {
  it("backs off exponentially with jitter between half and all of the capped delay", () => {
    const opts = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelayMs(1, opts, () => 0)).toBe(500);
    expect(backoffDelayMs(1, opts, () => 1)).toBe(1000);
    expect(backoffDelayMs(4, opts, () => 0)).toBe(4000);
    expect(backoffDelayMs(4, opts, () => 1)).toBe(8000);
    expect(backoffDelayMs(30, opts, () => 1)).toBe(60_000);
    for (let a = 1; a < 20; a++) {
      const d = backoffDelayMs(a, opts);
      const cap = Math.min(60_000, 1000 * 2 ** (a - 1));
      expect(d).toBeGreaterThanOrEqual(cap / 2);
      expect(d).toBeLessThanOrEqual(cap);
    }
  });

  it("writes the message with the business transaction, or not at all", async () => {
    await expect(
      inTransaction(env.services.db, async (tx) => {
        await outbox.enqueue(tx, "t.x", {}, { connector: "c", idempotencyKey: "rolled-back" });
        throw new Error("business change failed");
      }),
    ).rejects.toThrow("business change failed");
    const n = await env.services.db
      .selectFrom("outbox")
      .select("id")
      .where("idempotency_key", "=", "rolled-back")
      .execute();
    expect(n).toHaveLength(0);
  });

  it("hands an expired lease to another worker and never lets the first one complete it", async () => {
    const { db } = env.services;
    const { id } = await inTransaction(db, (tx) =>
      outbox.enqueue(tx, "t.lease", { n: 1 }, { connector: "c", idempotencyKey: "lease-1" }),
    );
    const t0 = new Date(Date.now() + 1000);
    const a = await claimDueMessages(db, {
      workerId: "A",
      limit: 10,
      now: t0,
      leaseUntil: new Date(t0.getTime() + 1000),
    });
    expect(a.map((r) => r.id)).toContain(id);
    // Still leased to A: B gets nothing.
    const early = await claimDueMessages(db, {
      workerId: "B",
      limit: 10,
      now: new Date(t0.getTime() + 500),
      leaseUntil: new Date(t0.getTime() + 5000),
    });
    expect(early.map((r) => r.id)).not.toContain(id);
    // A stalls past its lease: B takes the message over (second attempt).
    const t1 = new Date(t0.getTime() + 2000);
    const b = await claimDueMessages(db, {
      workerId: "B",
      limit: 10,
      now: t1,
      leaseUntil: new Date(t1.getTime() + 1000),
    });
    expect(b.find((r) => r.id === id)?.attempts).toBe(2);
    const lateA = await inTransaction(db, (tx) =>
      completeMessage(tx, { id, workerId: "A", status: "delivered", note: null, now: t1 }),
    );
    expect(lateA).toBe(false);
    const onTimeB = await inTransaction(db, (tx) =>
      completeMessage(tx, { id, workerId: "B", status: "delivered", note: null, now: t1 }),
    );
    expect(onTimeB).toBe(true);
    expect((await findOutboxMessage(db, id))?.status).toBe("delivered");
  });

  it("dead-letters a message whose topic has no handler, without retrying it", async () => {
    const { db } = env.services;
    const { worker } = env.services.integrations;
    const { id } = await inTransaction(db, (tx) =>
      outbox.enqueue(tx, "nobody.listens", {}, { connector: "c", idempotencyKey: "orphan-1" }),
    );
    await worker.drain();
    expect(await findOutboxMessage(db, id)).toMatchObject({
      status: "dead",
      attempts: 1,
      last_error: "no handler for topic nobody.listens",
    });
  });
});
