import { type EntryDraft, verifyInclusion, verifyReceipt, verifyTreeHead } from "@yulin/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockUnits } from "../../src/cases/unit-state.loader";
import { inTransaction, type Tx } from "../../src/platform/db/database";
import { type AppendResult, appendEntries, readForAppend } from "../../src/register/ledger";
import { findEntry } from "../../src/register/ledger.repository";
import { SEQUENCER_LOCK } from "../../src/register/ledger-sequencer";
import { verifyRegister } from "../../src/register/verify";
import { closeEnv, type Given, given } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";

/**
 * The ledger as a sequenced log (docs/register.md, "Sequencing"): a registering transaction locks
 * only its units and queues its entries; the sequencer integrates them in batches.
 */
let env: TestEnv;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  g = given(env);
});
afterAll(async () => closeEnv(env));

const onPostgres = () => env.services.backend === "postgres";
const renumber = (unitCode: string, roomLabel: string): EntryDraft => ({
  parcel: unitCode.slice(0, 19),
  unit: unitCode,
  body: { kind: "unit.update", changes: { roomLabel } },
});

/** Locks the unit as registering does, appends, and reports the locks this transaction holds. */
async function registerOn(tx: Tx, unitCode: string, roomLabel: string) {
  await lockUnits(tx, [unitCode]);
  const result = await appendEntries(tx, [renumber(unitCode, roomLabel)], { now: new Date() });
  const { rows } = await sql<{ locktype: string; relation: string | null; mode: string }>`
    select locktype, relation::regclass::text as relation, mode from pg_locks
    where pid = pg_backend_pid() and (locktype = 'advisory' or relation::regclass::text like 'ledger%')
  `.execute(tx);
  return { result, ledgerLocks: rows };
}

async function expectIntegrated(results: AppendResult[]) {
  await env.services.register.sequencer.flush();
  const { ledger } = env.services.register;
  const indexes = [];
  for (const r of results) {
    const seq = r.entries[0]!.seq;
    const entry = (await findEntry(env.services.db, seq))!;
    expect(entry.logIndex).not.toBeNull();
    indexes.push(entry.logIndex);
    const proof = await ledger.inclusionProof(seq);
    expect(verifyTreeHead(proof.head, env.services.register.seal.publicKey)).toBe(true);
    expect(
      verifyInclusion({
        leafHash: proof.entryHash,
        index: proof.index,
        treeSize: proof.treeSize,
        proof: proof.proof,
        root: proof.head.rootHash,
      }),
    ).toBe(true);
  }
  expect(new Set(indexes).size).toBe(indexes.length);
  const report = await verifyRegister(env.services.db);
  expect(report.problems).toEqual([]);
  expect(report.pending).toBe(0);
}

describe("registrations on different units do not wait for each other", () => {
  it("holds no ledger-wide lock while a registering transaction is open (both databases)", async () => {
    const a = await g.flat();
    const { result, ledgerLocks } = await inTransaction(env.services.db, (tx) =>
      registerOn(tx, a.unitCode, "101"),
    );
    // No lock on the ledger head and no advisory lock; on the ledger's tables only the
    // RowExclusiveLock every INSERT takes, which never conflicts with another INSERT.
    expect(ledgerLocks.length).toBeGreaterThan(0);
    expect(ledgerLocks.filter((l) => l.locktype === "advisory" || l.relation === "ledger_head")).toEqual([]);
    expect(new Set(ledgerLocks.map((l) => `${l.locktype}:${l.mode}`))).toEqual(
      new Set(["relation:RowExclusiveLock"]),
    );
    await expectIntegrated([result]);
  });

  it("on PostgreSQL, two transactions held open both append, then both are integrated", async (ctx) => {
    if (!onPostgres()) {
      ctx.skip(); // PGlite has one connection: two transactions cannot be open at once there.
      return;
    }
    const [a, b] = [await g.flat(), await g.flat()];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const appended: Array<Promise<AppendResult>> = [];
    const commits = [a, b].map((unit, i) => {
      let done!: (r: AppendResult) => void;
      appended.push(
        new Promise<AppendResult>((resolve) => {
          done = resolve;
        }),
      );
      return env.services.db.transaction().execute(async (tx) => {
        const { result } = await registerOn(tx, unit.unitCode, `20${i}`);
        done(result);
        await held; // keep the transaction open until both have appended
        return result;
      });
    });
    const timeout = new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 10_000));
    const both = await Promise.race([Promise.all(appended), timeout]);
    expect(both).not.toBe("blocked");
    // Nobody waits on a lock while both transactions are open.
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_locks where not granted`.execute(env.services.db);
    expect(rows[0]!.n).toBe(0);
    release();
    const results = await Promise.all(commits);
    expect(results[0]!.entries[0]!.seq).not.toBe(results[1]!.entries[0]!.seq);
    await expectIntegrated(results);
  });
});

describe("the append's reads taken ahead (before a certificate number)", () => {
  it("appends with them once, for the same rows only", async () => {
    const [a, b] = [await g.flat(), await g.flat()];
    await inTransaction(env.services.db, async (tx) => {
      await lockUnits(tx, [a.unitCode, b.unitCode]);
      const read = await readForAppend(tx, [renumber(a.unitCode, "x")]);
      await expect(
        appendEntries(tx, [renumber(b.unitCode, "301")], { now: new Date(), read }),
      ).rejects.toThrow(/read-ahead/);
      const { entries } = await appendEntries(tx, [renumber(a.unitCode, "302")], { now: new Date(), read });
      expect(entries[0]!.body).toMatchObject({ changes: { roomLabel: "302" } });
      await expect(
        appendEntries(tx, [renumber(a.unitCode, "303")], { now: new Date(), read }),
      ).rejects.toThrow(/read-ahead/);
    });
  });
});

describe("receipts", () => {
  it("hands each append a receipt verifiable offline with the register's public key", async () => {
    const a = await g.flat();
    const result = await inTransaction(env.services.db, (tx) =>
      appendEntries(tx, [renumber(a.unitCode, "301")], { now: new Date() }),
    );
    const receipt = result.receipt!;
    const { publicKey } = env.services.register.seal;
    expect(receipt.entries).toEqual([
      { seq: result.entries[0]!.seq, contentHash: result.entries[0]!.contentHash },
    ]);
    expect(receipt.maxMergeDelayMs).toBe(60_000);
    expect(verifyReceipt(receipt, publicKey)).toBe(true);
    expect(verifyReceipt({ ...receipt, maxMergeDelayMs: 1 }, publicKey)).toBe(false);
    await expectIntegrated([result]);
    expect((await verifyRegister(env.services.db)).receipts).toBeGreaterThan(0);
  });

  it("verify reports a receipt whose entry was not integrated within the maximum merge delay", async () => {
    const { sequencer } = env.services.register;
    const a = await g.flat();
    await sequencer.stop(); // the entry stays queued
    await inTransaction(env.services.db, (tx) =>
      appendEntries(tx, [renumber(a.unitCode, "401")], { now: new Date() }),
    );
    const later = () => Date.now() + 61_000;
    const overdue = await verifyRegister(env.services.db, { now: later });
    expect(overdue.problems.map((p) => p.check)).toContain("receipt.overdue");
    await sequencer.flush();
    sequencer.start();
    expect((await verifyRegister(env.services.db, { now: later })).problems).toEqual([]);
  });

  it("answers REGISTER.ENTRY_PENDING for a proof while another process holds the sequencer", async (ctx) => {
    if (!onPostgres()) {
      ctx.skip(); // PGlite: one process, one connection; nobody else can hold the sequencer lock.
      return;
    }
    const a = await g.flat();
    const result = await inTransaction(env.services.db, (tx) =>
      appendEntries(tx, [renumber(a.unitCode, "501")], { now: new Date() }),
    );
    const seq = result.entries[0]!.seq;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const other = env.services.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK}::bigint)`.execute(tx);
      locked();
      await held;
    });
    await isLocked;
    const res = await env.app.inject({ url: `/api/register/ledger/proofs/inclusion?seq=${seq}` });
    release();
    await other;
    expect(res.json().code).toBe("REGISTER.ENTRY_PENDING");
    expect(res.statusCode).toBe(409);
    const again = await env.app.inject({ url: `/api/register/ledger/proofs/inclusion?seq=${seq}` });
    expect(again.statusCode).toBe(200);
  }, 30_000);
});
