import {
  applyEntry,
  createMemoryRegister,
  type EntryContent,
  entryHash,
  GENESIS_HASH,
  generateSealKeyPair,
  MerkleAccumulator,
  signTreeHead,
  sm2PublicKeyOf,
  verifyInclusion,
} from "@yulin/domain";
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, inTransaction, openDatabase } from "../../src/platform/db/database";
import { MIGRATIONS, migrateToLatest } from "../../src/platform/db/migrator";
import { appendEntries, useReceiptIssuer } from "../../src/register/ledger";
import { findEntry } from "../../src/register/ledger.repository";
import { createLedgerService } from "../../src/register/ledger.service";
import { createLedgerSequencer, LEDGER_MAX_MERGE_DELAY_MS } from "../../src/register/ledger-sequencer";
import { STORED_LEVEL } from "../../src/register/merkle-store";
import { writeMutations } from "../../src/register/projection.repository";
import { verifyRegister } from "../../src/register/verify";
import { freshDatabase } from "../support/test-database";

/**
 * A register written before the sequenced log (one head lock, gapless seq, hashes on the entry
 * rows) migrates to it with every hash, Merkle node and signed head still valid.
 */
const SEQUENCED = "2026-12-03T0900-ledger-sequencer";
const LEGACY = 300; // past 256 leaves, so stored Merkle nodes exist
const privateKey = generateSealKeyPair().privateKey;
const seal = { privateKey, publicKey: sm2PublicKeyOf(privateKey) };
let handle: DatabaseHandle;
let dropDb: () => Promise<void>;
let legacyRoot: string;

const parcelDraft = (i: number) => ({
  parcel: `440604009001GB${String(i).padStart(5, "0")}`,
  unit: null,
  body: {
    kind: "parcel.create" as const,
    parcel: {
      area: 100,
      landUse: null,
      landUseStandard: null,
      landGrade: null,
      address: `迁移路${i}号`,
      vertical: { kind: "surface" as const, min: null, max: null },
      geometry: null,
    },
  },
});

/** Appends as the register did before the sequencer: seq = size + 1, hash on the row, head moved. */
async function appendLegacy() {
  const db = handle.db;
  const register = createMemoryRegister();
  const tree = new MerkleAccumulator();
  let prev = GENESIS_HASH;
  await inTransaction(db, async (tx) => {
    for (let seq = 1; seq <= LEGACY; seq++) {
      const draft = parcelDraft(seq);
      const content: EntryContent = {
        seq,
        jurisdiction: "440604",
        parcel: draft.parcel,
        unit: null,
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
        body: draft.body,
      };
      const applied = applyEntry(register, content);
      if (!applied.ok) throw new Error(JSON.stringify(applied.error));
      register.commit(applied.value);
      await writeMutations(tx, applied.value);
      const hash = entryHash(prev, content);
      await sql`insert into register_entries (seq, jurisdiction, kind, parcel_code, unit_code, recorded_at, body, prev_hash, hash)
        values (${seq}, '440604', 'parcel.create', ${draft.parcel}, null, ${content.at}, ${JSON.stringify(draft.body)}::jsonb, ${prev}, ${hash})`.execute(
        tx,
      );
      for (const n of tree.append(hash))
        if (n.level >= STORED_LEVEL)
          await sql`insert into merkle_nodes (level, idx, hash) values (${n.level}, ${n.index}, ${n.hash})`.execute(
            tx,
          );
      prev = hash;
    }
    const frontier = JSON.stringify(tree.subtreeRoots().map((s) => s.hash));
    await sql`update ledger_head set size = ${LEGACY}, last_hash = ${prev}, frontier = ${frontier}::jsonb`.execute(
      tx,
    );
    const head = signTreeHead(
      { treeSize: LEGACY, rootHash: tree.root(), timestamp: new Date().toISOString() },
      privateKey,
    );
    await sql`insert into seal_keys (public_key) values (${seal.publicKey})`.execute(tx);
    await sql`insert into ledger_tree_heads (tree_size, root_hash, signed_at, public_key, signature)
      values (${LEGACY}, ${head.rootHash}, ${head.timestamp}, ${seal.publicKey}, ${head.signature})`.execute(
      tx,
    );
  });
  legacyRoot = tree.root();
}

beforeAll(async () => {
  const fresh = await freshDatabase();
  dropDb = fresh.drop;
  handle = await openDatabase(fresh.options);
  const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name !== SEQUENCED));
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => before },
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  await appendLegacy();
  expect(await migrateToLatest(handle.db)).toEqual([SEQUENCED]);
}, 120_000);
afterAll(async () => {
  useReceiptIssuer(undefined);
  await handle?.close();
  await dropDb?.();
});

/** What `yulin verify` finds, less the code sequences this hand-made fixture never kept. */
const problems = async () =>
  (await verifyRegister(handle.db)).problems.filter((p) => p.check !== "codes.sequence");

describe("migrating an existing ledger to the sequenced log", () => {
  it("gives every existing entry log index = seq and keeps its hashes, nodes and signed head", async () => {
    const rows = await handle.db.selectFrom("ledger_leaves").selectAll().orderBy("log_index").execute();
    expect(rows).toHaveLength(LEGACY);
    expect(rows.every((r) => r.log_index === r.seq)).toBe(true);
    const report = await verifyRegister(handle.db);
    expect(report.entries).toBe(LEGACY);
    expect(report.signedHeads).toBe(1);
    expect(await problems()).toEqual([]);
  });

  it("continues the log after the old entries: new ids, next log index, old proofs still valid", async () => {
    const { db } = handle;
    useReceiptIssuer({ ...seal, now: () => new Date(), maxMergeDelayMs: LEDGER_MAX_MERGE_DELAY_MS });
    const sequencer = createLedgerSequencer({ db, seal, now: () => new Date(), batchMs: 50 });
    const ledger = createLedgerService({ db, seal, now: () => new Date(), flush: (t) => sequencer.flush(t) });
    const appended = await inTransaction(db, (tx) =>
      appendEntries(tx, [parcelDraft(LEGACY + 1)], { now: new Date() }),
    );
    expect(appended.entries[0]!.seq).toBe(LEGACY + 1);
    await sequencer.flush();
    expect((await findEntry(db, LEGACY + 1))!.logIndex).toBe(LEGACY + 1);
    const old = await ledger.inclusionProof(7, LEGACY);
    expect(old.head.rootHash).toBe(legacyRoot);
    expect(
      verifyInclusion({
        leafHash: old.entryHash,
        index: 6,
        treeSize: LEGACY,
        proof: old.proof,
        root: legacyRoot,
      }),
    ).toBe(true);
    const consistency = await ledger.consistencyProof(LEGACY);
    expect(consistency.newSize).toBe(LEGACY + 1);
    expect(await problems()).toEqual([]);
  });
});
