import { sql } from "kysely";
import type { Database, Tx } from "../db/database";
import type { OutboxStatus } from "../db/schema";

type Db = Database | Tx;

export type OutboxRow = {
  id: number;
  topic: string;
  connector: string;
  idempotency_key: string;
  payload: string;
  summary: Record<string, unknown>;
  jurisdiction: string | null;
  status: OutboxStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
};

/** Inserts a message unless one with the same idempotency key exists (enqueueing twice is a no-op). */
export async function insertOutboxMessage(
  db: Db,
  values: {
    topic: string;
    connector: string;
    idempotencyKey: string;
    payload: string;
    summary: Record<string, unknown>;
    jurisdiction: string | null;
    maxAttempts: number;
    now: Date;
  },
): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto("outbox")
    .values({
      topic: values.topic,
      connector: values.connector,
      idempotency_key: values.idempotencyKey,
      payload: values.payload,
      summary: JSON.stringify(values.summary),
      jurisdiction: values.jurisdiction,
      max_attempts: values.maxAttempts,
      next_attempt_at: values.now,
      created_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom("outbox")
    .select("id")
    .where("idempotency_key", "=", values.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Leases up to `limit` due messages to `workerId`: pending ones whose time has come, and ones
 * whose lease ran out (their worker died mid-delivery). A short transaction: the delivery itself
 * happens outside any transaction, so PGlite's single connection is never held across a network
 * call. `skip locked` keeps concurrent workers on PostgreSQL from claiming the same rows.
 */
export async function claimDueMessages(
  db: Database,
  input: { workerId: string; limit: number; now: Date; leaseUntil: Date },
): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    update outbox set status = 'sending', locked_by = ${input.workerId}, locked_until = ${input.leaseUntil},
      attempts = attempts + 1, updated_at = ${input.now}
    where id in (
      select id from outbox
      where (status = 'pending' and next_attempt_at <= ${input.now})
         or (status = 'sending' and locked_until < ${input.now})
      order by id
      limit ${input.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows.sort((a, b) => a.id - b.id);
}

/** Marks a leased message done; false if the lease was lost to another worker meanwhile. */
export async function completeMessage(
  tx: Tx,
  input: { id: number; workerId: string; status: "delivered" | "skipped"; note: string | null; now: Date },
): Promise<boolean> {
  const r = await tx
    .updateTable("outbox")
    .set({
      status: input.status,
      delivered_at: input.now,
      locked_by: null,
      locked_until: null,
      last_error: input.note,
      updated_at: input.now,
    })
    .where("id", "=", input.id)
    .where("locked_by", "=", input.workerId)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function failMessage(
  db: Db,
  input: { id: number; workerId: string; dead: boolean; error: string; nextAttemptAt: Date; now: Date },
): Promise<boolean> {
  const r = await db
    .updateTable("outbox")
    .set({
      status: input.dead ? "dead" : "pending",
      next_attempt_at: input.nextAttemptAt,
      locked_by: null,
      locked_until: null,
      last_error: input.error.slice(0, 2000),
      updated_at: input.now,
    })
    .where("id", "=", input.id)
    .where("locked_by", "=", input.workerId)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Puts a dead or skipped message back in the queue with a fresh set of attempts. */
export async function requeueMessage(tx: Tx, id: number, now: Date): Promise<OutboxRow | undefined> {
  return tx
    .updateTable("outbox")
    .set({ status: "pending", attempts: 0, next_attempt_at: now, updated_at: now })
    .where("id", "=", id)
    .where("status", "in", ["dead", "skipped"])
    .returningAll()
    .executeTakeFirst() as Promise<OutboxRow | undefined>;
}

export async function findOutboxMessage(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst() as Promise<
    OutboxRow | undefined
  >;
}

export async function listOutboxMessages(
  db: Db,
  filter: { status?: OutboxStatus; connector?: string; topic?: string; beforeId?: number; limit: number },
): Promise<OutboxRow[]> {
  let q = db.selectFrom("outbox").selectAll();
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.connector) q = q.where("connector", "=", filter.connector);
  if (filter.topic) q = q.where("topic", "=", filter.topic);
  if (filter.beforeId) q = q.where("id", "<", filter.beforeId);
  return q.orderBy("id", "desc").limit(filter.limit).execute() as Promise<OutboxRow[]>;
}

/** The dead-lettered messages of a topic (e.g. the tax bureau never told of a registration). */
export async function listDeadMessages(db: Db, topic: string) {
  return db
    .selectFrom("outbox")
    .select(["id", "summary", "jurisdiction", "last_error", "updated_at"])
    .where("topic", "=", topic)
    .where("status", "=", "dead")
    .execute();
}

export type ConnectorCounts = {
  connector: string;
  pending: number;
  sending: number;
  dead: number;
  delivered: number;
  oldestPendingAt: Date | null;
};

export async function countByConnector(db: Db): Promise<ConnectorCounts[]> {
  const rows = await db
    .selectFrom("outbox")
    .select((eb) => [
      "connector",
      eb.fn.countAll<number>().filterWhere("status", "=", "pending").as("pending"),
      eb.fn.countAll<number>().filterWhere("status", "=", "sending").as("sending"),
      eb.fn.countAll<number>().filterWhere("status", "=", "dead").as("dead"),
      eb.fn.countAll<number>().filterWhere("status", "=", "delivered").as("delivered"),
      eb.fn.min("created_at").filterWhere("status", "in", ["pending", "sending"]).as("oldestPendingAt"),
    ])
    .groupBy("connector")
    .execute();
  return rows.map((r) => ({
    connector: r.connector,
    pending: Number(r.pending),
    sending: Number(r.sending),
    dead: Number(r.dead),
    delivered: Number(r.delivered),
    oldestPendingAt: (r.oldestPendingAt as Date | null) ?? null,
  }));
}

export async function recordConnectorSuccess(db: Db, connector: string, now: Date): Promise<void> {
  await db
    .insertInto("connector_health")
    .values({ connector, last_success_at: now, consecutive_failures: 0, delivered_count: 1 })
    .onConflict((oc) =>
      oc.column("connector").doUpdateSet((eb) => ({
        last_success_at: now,
        consecutive_failures: 0,
        delivered_count: eb("connector_health.delivered_count", "+", 1),
      })),
    )
    .execute();
}

export async function recordConnectorFailure(
  db: Db,
  connector: string,
  error: string,
  now: Date,
): Promise<void> {
  const message = error.slice(0, 500);
  await db
    .insertInto("connector_health")
    .values({
      connector,
      last_failure_at: now,
      last_error: message,
      consecutive_failures: 1,
      failed_count: 1,
    })
    .onConflict((oc) =>
      oc.column("connector").doUpdateSet((eb) => ({
        last_failure_at: now,
        last_error: message,
        consecutive_failures: eb("connector_health.consecutive_failures", "+", 1),
        failed_count: eb("connector_health.failed_count", "+", 1),
      })),
    )
    .execute();
}

export async function listConnectorHealth(db: Db) {
  return db.selectFrom("connector_health").selectAll().orderBy("connector").execute();
}

/** Messages not yet finished (pending, or leased to a worker). */
export async function countOpenMessages(db: Db): Promise<number> {
  const r = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A connector's messages of a topic after a cursor (an outbox id), oldest first: replay for a receiver. */
export async function listMessagesAfter(
  db: Db,
  filter: { connector: string; topic: string; afterId: number; limit: number },
): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("connector", "=", filter.connector)
    .where("topic", "=", filter.topic)
    .where("id", ">", filter.afterId)
    .orderBy("id", "asc")
    .limit(filter.limit)
    .execute() as Promise<OutboxRow[]>;
}
