import type { Database, Tx } from "../../platform/db/database";

type Db = Database | Tx;

export async function findInstitutionConnection(db: Db, institutionId: string) {
  return db
    .selectFrom("institution_connections")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .executeTakeFirst();
}

export async function upsertInstitutionConnection(
  db: Db,
  values: { institutionId: string; publicKey?: string | null; endpointUrl?: string | null; now: Date },
) {
  const set: { public_key?: string | null; endpoint_url?: string | null; updated_at: Date } = {
    updated_at: values.now,
  };
  if (values.publicKey !== undefined) set.public_key = values.publicKey;
  if (values.endpointUrl !== undefined) set.endpoint_url = values.endpointUrl;
  return db
    .insertInto("institution_connections")
    .values({
      institution_id: values.institutionId,
      public_key: values.publicKey ?? null,
      endpoint_url: values.endpointUrl ?? null,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.column("institution_id").doUpdateSet(set))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The connections (callback key, push endpoint) of the given institutions. */
export async function listInstitutionConnections(db: Db, institutionIds: readonly string[]) {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom("institution_connections")
    .selectAll()
    .where("institution_id", "in", institutionIds)
    .execute();
}

export async function insertNonce(tx: Tx, institutionId: string, nonce: string, now: Date): Promise<boolean> {
  const r = await tx
    .insertInto("inbound_nonces")
    .values({ institution_id: institutionId, nonce, seen_at: now })
    .onConflict((oc) => oc.columns(["institution_id", "nonce"]).doNothing())
    .returning("nonce")
    .executeTakeFirst();
  return r !== undefined;
}

/** Nonces older than the freshness window can no longer be replayed (the timestamp is stale). */
export async function pruneNonces(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("inbound_nonces").where("seen_at", "<", before).execute();
}

export async function findInboundMessage(tx: Tx, institutionId: string, messageId: string) {
  return tx
    .selectFrom("inbound_messages")
    .selectAll()
    .where("institution_id", "=", institutionId)
    .where("message_id", "=", messageId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertInboundMessage(
  tx: Tx,
  values: {
    institutionId: string;
    messageId: string;
    department: string;
    type: string;
    digest: string;
    result: unknown;
    now: Date;
  },
): Promise<void> {
  await tx
    .insertInto("inbound_messages")
    .values({
      institution_id: values.institutionId,
      message_id: values.messageId,
      department: values.department,
      type: values.type,
      body_digest: values.digest,
      result: JSON.stringify(values.result ?? null),
      received_at: values.now,
    })
    .execute();
}
