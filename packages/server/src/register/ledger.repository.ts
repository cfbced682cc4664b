import type { EntryBody, LedgerEntry } from "@yulin/domain";
import type { Selectable } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { DB } from "../platform/db/schema";

type Db = Database | Tx;
export type EntryRow = Selectable<DB["register_entries"]>;

/** Locks the single head row: every append runs behind this lock, so seq is gapless and ordered. */
export async function lockLedgerHead(tx: Tx) {
  return tx.selectFrom("ledger_head").selectAll().where("id", "=", 1).forUpdate().executeTakeFirstOrThrow();
}

export async function readLedgerHead(db: Db) {
  return db.selectFrom("ledger_head").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
}

export async function updateLedgerHead(tx: Tx, head: { size: number; lastHash: string; frontier: unknown }) {
  await tx
    .updateTable("ledger_head")
    .set({ size: head.size, last_hash: head.lastHash, frontier: JSON.stringify(head.frontier) })
    .where("id", "=", 1)
    .execute();
}

export async function insertEntries(tx: Tx, entries: readonly LedgerEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000) {
    await tx
      .insertInto("register_entries")
      .values(
        entries.slice(i, i + 5000).map((e) => ({
          seq: e.seq,
          jurisdiction: e.jurisdiction,
          kind: e.body.kind,
          parcel_code: e.parcel,
          unit_code: e.unit,
          recorded_at: e.at,
          body: JSON.stringify(e.body),
          prev_hash: e.prevHash,
          hash: e.hash,
        })),
      )
      .execute();
  }
}

/** An entry as it was hashed, rebuilt from its row. */
export function entryFromRow(row: EntryRow): LedgerEntry {
  return {
    seq: row.seq,
    jurisdiction: row.jurisdiction,
    parcel: row.parcel_code,
    unit: row.unit_code,
    at: row.recorded_at.toISOString(),
    body: row.body as EntryBody,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The hashed part of an entry (everything but its own hashes). */
export const contentOf = (e: LedgerEntry) => ({
  seq: e.seq,
  jurisdiction: e.jurisdiction,
  parcel: e.parcel,
  unit: e.unit,
  at: e.at,
  body: e.body,
});

export async function findEntry(db: Db, seq: number) {
  const row = await db.selectFrom("register_entries").selectAll().where("seq", "=", seq).executeTakeFirst();
  return row ? entryFromRow(row) : undefined;
}

/** Entries with seq > after, in seq order (keyset pages). */
export async function listEntriesAfter(db: Db, after: number, limit: number) {
  return db
    .selectFrom("register_entries")
    .selectAll()
    .where("seq", ">", after)
    .orderBy("seq")
    .limit(limit)
    .execute();
}

/** Leaf hashes (entry hashes) for seq in [from, to], in order. */
export async function listEntryHashes(db: Db, from: number, to: number): Promise<string[]> {
  const rows = await db
    .selectFrom("register_entries")
    .select(["seq", "hash"])
    .where("seq", ">=", from)
    .where("seq", "<=", to)
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.hash);
}

export async function insertMerkleNodes(
  tx: Tx,
  nodes: ReadonlyArray<{ level: number; index: number; hash: string }>,
) {
  if (nodes.length === 0) return;
  await tx
    .insertInto("merkle_nodes")
    .values(nodes.map((n) => ({ level: n.level, idx: n.index, hash: n.hash })))
    .execute();
}

export async function findMerkleNodes(db: Db, wanted: ReadonlyArray<{ level: number; index: number }>) {
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom("merkle_nodes")
    .selectAll()
    .where((eb) => eb.or(wanted.map((w) => eb.and([eb("level", "=", w.level), eb("idx", "=", w.index)]))))
    .execute();
  return new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
}

export async function listMerkleNodes(db: Db, afterLevel: number, afterIndex: number, limit: number) {
  return db
    .selectFrom("merkle_nodes")
    .selectAll()
    .where((eb) => eb(eb.refTuple("level", "idx"), ">", eb.tuple(afterLevel, afterIndex)))
    .orderBy("level")
    .orderBy("idx")
    .limit(limit)
    .execute();
}

export async function ensureSealKey(db: Db, publicKey: string) {
  await db
    .insertInto("seal_keys")
    .values({ public_key: publicKey })
    .onConflict((oc) => oc.column("public_key").doNothing())
    .execute();
}

export async function insertTreeHead(
  db: Db,
  head: { treeSize: number; rootHash: string; signedAt: string; publicKey: string; signature: string },
) {
  await db
    .insertInto("ledger_tree_heads")
    .values({
      tree_size: head.treeSize,
      root_hash: head.rootHash,
      signed_at: head.signedAt,
      public_key: head.publicKey,
      signature: head.signature,
    })
    .onConflict((oc) => oc.column("tree_size").doNothing())
    .execute();
}

export async function latestTreeHead(db: Db) {
  return db
    .selectFrom("ledger_tree_heads")
    .selectAll()
    .orderBy("tree_size", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function findTreeHead(db: Db, treeSize: number) {
  return db.selectFrom("ledger_tree_heads").selectAll().where("tree_size", "=", treeSize).executeTakeFirst();
}

/** The smallest signed head that covers `size` entries. */
export async function firstTreeHeadCovering(db: Db, size: number) {
  return db
    .selectFrom("ledger_tree_heads")
    .selectAll()
    .where("tree_size", ">=", size)
    .orderBy("tree_size")
    .limit(1)
    .executeTakeFirst();
}

export async function listTreeHeads(db: Db, limit: number) {
  return db.selectFrom("ledger_tree_heads").selectAll().orderBy("tree_size", "desc").limit(limit).execute();
}

export async function listAllTreeHeads(db: Db) {
  return db.selectFrom("ledger_tree_heads").selectAll().orderBy("tree_size").execute();
}

export async function listSealKeys(db: Db) {
  return db.selectFrom("seal_keys").selectAll().execute();
}
