import { type EntryContent, entryHash, GENESIS_HASH, signTreeHead, type TreeHead } from "@yulin/domain";
import type { CopyRows } from "../platform/db/bulk";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import {
  advisoryXactLock,
  contentOf,
  dequeue,
  ensureSealKey,
  entryFromRow,
  insertLeaves,
  insertMerkleNodes,
  insertTreeHead,
  listQueuedEntries,
  lockLedgerHead,
  updateLedgerHead,
} from "./ledger.repository";
import type { SealKey } from "./ledger.service";
import { appendLeaf, frontierOf, restoreTree } from "./merkle-store";

/**
 * The maximum merge delay (MMD) every receipt promises: a signed tree head including the entry
 * at most this long after the receipt's time. The sequencer runs every YULIN_LEDGER_BATCH_MS
 * (≤ 10 s), so the MMD leaves room for the registering transaction to commit, a sequencer to be
 * re-elected after a crash, and a backlog to drain.
 */
export const LEDGER_MAX_MERGE_DELAY_MS = 60_000;

/** The advisory lock that elects the one sequencer integrating a batch (any process may hold it). */
export const SEQUENCER_LOCK = 0x59_4c_00_01;

/** Most entries integrated in one batch (one transaction, one signed head). */
const BATCH_LIMIT = 5000;

/** Signs a tree head with the seal key and stores it (a head already stored at that size stays). */
export async function storeSignedHead(tx: Tx, seal: SealKey, head: TreeHead): Promise<void> {
  const signed = signTreeHead(head, seal.privateKey);
  await ensureSealKey(tx, seal.publicKey);
  await insertTreeHead(tx, {
    treeSize: signed.treeSize,
    rootHash: signed.rootHash,
    signedAt: signed.timestamp,
    publicKey: seal.publicKey,
    signature: signed.signature,
  });
}

/**
 * Appends entries to the log in the given order: the next log indexes, the hash chain
 * `hash = SM3(prev_hash ‖ canonicalJson(content))`, the leaves, the stored RFC 6962 Merkle nodes
 * and the ledger head. The caller holds the sequencer lock. Returns the new size and root.
 */
async function integrate(
  tx: Tx,
  entries: readonly EntryContent[],
  copy?: CopyRows,
): Promise<{ treeSize: number; rootHash: string }> {
  const head = await lockLedgerHead(tx);
  const tree = restoreTree(head.frontier, head.size);
  let prevHash = head.last_hash ?? GENESIS_HASH;
  let size = head.size;
  const leaves = [];
  const nodes = [];
  for (const entry of entries) {
    const hash = entryHash(prevHash, contentOf(entry));
    size += 1;
    leaves.push({ logIndex: size, seq: entry.seq, prevHash, hash });
    nodes.push(...appendLeaf(tree, hash));
    prevHash = hash;
  }
  await insertLeaves(tx, leaves, copy);
  await insertMerkleNodes(tx, nodes);
  await updateLedgerHead(tx, { size, lastHash: prevHash, frontier: frontierOf(tree) });
  return { treeSize: size, rootHash: tree.root() };
}

/**
 * The bulk import's sequencing, in its own transaction: waits for the sequencer lock, integrates
 * whatever is queued (committed by others, smaller ids first), then the import's entries in id
 * order, writing the leaves with COPY. No head is signed here: the importer signs one every few
 * batches (`signCurrentHead`).
 */
export async function sealEntries(tx: Tx, entries: readonly EntryContent[], copy: CopyRows): Promise<void> {
  await advisoryXactLock(tx, SEQUENCER_LOCK, true);
  for (;;) {
    const rows = await listQueuedEntries(tx, BATCH_LIMIT);
    if (rows.length === 0) break;
    await integrate(tx, rows.map(entryFromRow), copy);
    await dequeue(
      tx,
      rows.map((r) => r.seq),
    );
  }
  await integrate(tx, entries, copy);
}

export type LedgerSequencerDeps = {
  db: Database;
  seal: SealKey;
  now: () => Date;
  batchMs: number;
  onError?: (error: unknown) => void;
};

/**
 * The sequencer (Trillian's "sequencer", Sunlight's batch loop): integrates committed, queued
 * entries in batches. Each batch, in one transaction: elected by `pg_try_advisory_xact_lock`,
 * takes the queued entries in id order, gives each the next log index, chains
 * `hash = SM3(prev_hash ‖ canonicalJson(content))`, stores the leaves and the RFC 6962 Merkle
 * nodes, moves the ledger head and signs one tree head. Runs on a timer in the API process and in
 * `yulin worker`; several processes may run it, one at a time integrates.
 */
export function createLedgerSequencer({ db, seal, now, batchMs, onError }: LedgerSequencerDeps) {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  let stopped = true;

  /** One batch: the number integrated, or null when another process holds the sequencer lock. */
  async function integrateOnce(): Promise<number | null> {
    return inTransaction(db, async (tx) => {
      if (!(await advisoryXactLock(tx, SEQUENCER_LOCK, false))) return null;
      const rows = await listQueuedEntries(tx, BATCH_LIMIT);
      if (rows.length === 0) return 0;
      const head = await integrate(tx, rows.map(entryFromRow));
      await dequeue(
        tx,
        rows.map((r) => r.seq),
      );
      await storeSignedHead(tx, seal, { ...head, timestamp: now().toISOString() });
      return rows.length;
    });
  }

  /** Integrates batches until a batch comes out short (the queue is drained), or the lock is busy. */
  async function drain(): Promise<number | null> {
    let total = 0;
    for (;;) {
      const n = await integrateOnce();
      if (n === null) return total > 0 ? total : null;
      total += n;
      if (n < BATCH_LIMIT) return total;
    }
  }

  /**
   * Integrates every entry committed before the call (tests, the importer, proofs asked for an
   * entry still queued): drains here, or waits for the process that holds the sequencer lock.
   * Never call it inside a transaction (PGlite has one connection).
   */
  async function flush(timeoutMs = Math.max(10_000, 10 * batchMs)): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const n = await integrateOnce();
      if (n !== null && n < BATCH_LIMIT) return;
      if (n === null) {
        if (Date.now() > deadline) throw new Error("ledger flush: the sequencer lock stayed busy");
        await new Promise((r) => setTimeout(r, Math.min(batchMs, 50)));
      }
    }
  }

  const tick = () => {
    inFlight = drain()
      .catch((error: unknown) => onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, batchMs);
      });
  };

  return {
    integrateOnce,
    flush,
    /** Starts the batch loop (every `batchMs`). */
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(tick, batchMs);
    },
    /** Stops the loop and waits for the batch in flight. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

export type LedgerSequencer = ReturnType<typeof createLedgerSequencer>;
