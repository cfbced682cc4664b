import type { EntryBody, EntryContent, LedgerEntry, LedgerReceipt } from "@yulin/domain";
import { type Selectable, sql } from "kysely";
import type { CopyRows } from "../platform/db/bulk";
import type { Database, Tx } from "../platform/db/database";
import type { DB } from "../platform/db/schema";

type Db = Database | Tx;
/** An entry row, with its place in the log when the sequencer has integrated it. */
export type EntryRow = Selectable<DB["register_entries"]> & {
  log_index?: number | null;
  prev_hash?: string | null;
  hash?: string | null;
};

/** An entry and where the log holds it (`logIndex` null while it waits for the sequencer). */
export type LoggedEntry = LedgerEntry & { logIndex: number | null };

/**
 * The ledger head: size, last hash and Merkle compact range of the integrated log. Only the
 * sequencer writes it (under its advisory lock); the row lock is a second guard, never contended.
 */
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

/**
 * `n` entry ids from the `register_entry_seq` sequence, ascending. Taken after the caller locked
 * its units and read what it validates against, so an entry that depends on another (same unit,
 * or a row the other wrote) always gets the larger id. Rolled-back transactions leave gaps.
 */
export async function allocateEntryIds(tx: Tx, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ seq: string | number }>`
    select nextval('register_entry_seq') as seq from generate_series(1, ${n}::int)
  `.execute(tx);
  return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

/**
 * Transaction-scoped advisory lock (released at commit or rollback). `wait` blocks for it; otherwise
 * answers whether it was free.
 */
export async function advisoryXactLock(tx: Tx, key: number, wait: boolean): Promise<boolean> {
  if (wait) {
    await sql`select pg_advisory_xact_lock(${key}::bigint)`.execute(tx);
    return true;
  }
  const { rows } = await sql<{
    got: boolean;
  }>`select pg_try_advisory_xact_lock(${key}::bigint) as got`.execute(tx);
  return rows[0]!.got;
}

const ENTRY_COLUMNS = ["seq", "jurisdiction", "kind", "parcel_code", "unit_code", "recorded_at", "body"];

export async function insertEntries(
  tx: Tx,
  entries: readonly EntryContent[],
  copy?: CopyRows,
): Promise<void> {
  if (copy) {
    await copy(
      "register_entries",
      ENTRY_COLUMNS,
      entries.map((e) => [
        e.seq,
        e.jurisdiction,
        e.body.kind,
        e.parcel,
        e.unit,
        e.at,
        JSON.stringify(e.body),
      ]),
    );
    return;
  }
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
        })),
      )
      .execute();
  }
}

/** Queues committed-with-the-caller entries for the sequencer. */
export async function enqueueLeaves(tx: Tx, seqs: readonly number[]): Promise<void> {
  for (let i = 0; i < seqs.length; i += 10_000)
    await tx
      .insertInto("ledger_queue")
      .values(seqs.slice(i, i + 10_000).map((seq) => ({ seq })))
      .execute();
}

export async function insertReceipt(tx: Tx, receipt: LedgerReceipt, publicKey: string): Promise<void> {
  await tx
    .insertInto("ledger_receipts")
    .values({
      first_seq: receipt.entries[0]!.seq,
      entries: JSON.stringify(receipt.entries),
      issued_at: receipt.timestamp,
      max_merge_delay_ms: receipt.maxMergeDelayMs,
      public_key: publicKey,
      signature: receipt.signature,
    })
    .execute();
}

/** Receipts in id order (keyset pages), for `yulin verify`. */
export async function listReceiptsAfter(db: Db, afterSeq: number, limit: number) {
  return db
    .selectFrom("ledger_receipts")
    .selectAll()
    .where("first_seq", ">", afterSeq)
    .orderBy("first_seq")
    .limit(limit)
    .execute();
}

/** Committed, queued entries in id order: the sequencer's next batch. */
export async function listQueuedEntries(tx: Tx, limit: number): Promise<EntryRow[]> {
  return tx
    .selectFrom("ledger_queue as q")
    .innerJoin("register_entries as e", "e.seq", "q.seq")
    .selectAll("e")
    .orderBy("q.seq")
    .limit(limit)
    .execute();
}

export async function countQueued(db: Db): Promise<number> {
  const row = await db
    .selectFrom("ledger_queue")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertLeaves(
  tx: Tx,
  leaves: ReadonlyArray<{ logIndex: number; seq: number; prevHash: string; hash: string }>,
  copy?: CopyRows,
): Promise<void> {
  if (copy) {
    await copy(
      "ledger_leaves",
      ["log_index", "seq", "prev_hash", "hash"],
      leaves.map((l) => [l.logIndex, l.seq, l.prevHash, l.hash]),
    );
    return;
  }
  for (let i = 0; i < leaves.length; i += 5000)
    await tx
      .insertInto("ledger_leaves")
      .values(
        leaves.slice(i, i + 5000).map((l) => ({
          log_index: l.logIndex,
          seq: l.seq,
          prev_hash: l.prevHash,
          hash: l.hash,
        })),
      )
      .execute();
}

export async function dequeue(tx: Tx, seqs: readonly number[]): Promise<void> {
  for (let i = 0; i < seqs.length; i += 10_000)
    await tx
      .deleteFrom("ledger_queue")
      .where("seq", "in", seqs.slice(i, i + 10_000))
      .execute();
}

/** An entry as it was hashed, rebuilt from its row (hashes empty while it is queued). */
export function entryFromRow(row: EntryRow): LoggedEntry {
  return {
    seq: row.seq,
    jurisdiction: row.jurisdiction,
    parcel: row.parcel_code,
    unit: row.unit_code,
    at: row.recorded_at.toISOString(),
    body: row.body as EntryBody,
    prevHash: row.prev_hash ?? "",
    hash: row.hash ?? "",
    logIndex: row.log_index ?? null,
  };
}

/** The hashed part of an entry (everything but its own hashes). */
export const contentOf = (e: EntryContent) => ({
  seq: e.seq,
  jurisdiction: e.jurisdiction,
  parcel: e.parcel,
  unit: e.unit,
  at: e.at,
  body: e.body,
});

const withLeaf = (db: Db) =>
  db
    .selectFrom("register_entries as e")
    .leftJoin("ledger_leaves as l", "l.seq", "e.seq")
    .selectAll("e")
    .select(["l.log_index", "l.prev_hash", "l.hash"]);

export async function findEntry(db: Db, seq: number): Promise<LoggedEntry | undefined> {
  const row = await withLeaf(db).where("e.seq", "=", seq).executeTakeFirst();
  return row ? entryFromRow(row) : undefined;
}

export async function findEntries(db: Db, seqs: readonly number[]): Promise<LoggedEntry[]> {
  if (seqs.length === 0) return [];
  return (await withLeaf(db).where("e.seq", "in", seqs).execute()).map(entryFromRow);
}

/** Entries ordered by id, with their place in the log if integrated (tests, tools). */
export async function listEntriesById(db: Db): Promise<LoggedEntry[]> {
  return (await withLeaf(db).orderBy("e.seq").execute()).map(entryFromRow);
}

/**
 * The log from `afterIndex` on, in log order (keyset pages): each leaf with its entry's row, or
 * null columns when the entry row is gone (tampering that `yulin verify` reports).
 */
export async function listLogAfter(db: Db, afterIndex: number, limit: number) {
  return db
    .selectFrom("ledger_leaves as l")
    .leftJoin("register_entries as e", "e.seq", "l.seq")
    .select([
      "l.log_index",
      "l.seq as leaf_seq",
      "l.prev_hash",
      "l.hash",
      "e.seq",
      "e.jurisdiction",
      "e.kind",
      "e.parcel_code",
      "e.unit_code",
      "e.recorded_at",
      "e.body",
    ])
    .where("l.log_index", ">", afterIndex)
    .orderBy("l.log_index")
    .limit(limit)
    .execute();
}

/** Entries that are neither in the log nor queued for it (tampering, or a lost queue row). */
export async function listUnsequencedEntries(db: Db, limit: number) {
  return db
    .selectFrom("register_entries as e")
    .select("e.seq")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("ledger_leaves as l").select("l.seq").whereRef("l.seq", "=", "e.seq"))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("ledger_queue as q").select("q.seq").whereRef("q.seq", "=", "e.seq"))),
    )
    .orderBy("e.seq")
    .limit(limit)
    .execute();
}

/** Leaf hashes (entry hashes) for log index in [from, to], in order. */
export async function listEntryHashes(db: Db, from: number, to: number): Promise<string[]> {
  const rows = await db
    .selectFrom("ledger_leaves")
    .select(["log_index", "hash"])
    .where("log_index", ">=", from)
    .where("log_index", "<=", to)
    .orderBy("log_index")
    .execute();
  return rows.map((r) => r.hash);
}

/** Log index of each given entry id that is integrated. */
export async function findLogIndexes(db: Db, seqs: readonly number[]): Promise<Map<number, number>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom("ledger_leaves")
    .select(["seq", "log_index"])
    .where("seq", "in", seqs)
    .execute();
  return new Map(rows.map((r) => [r.seq, r.log_index]));
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
