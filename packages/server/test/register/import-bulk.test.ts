import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../src/platform/audit/audit";
import { createPiiCipher, type PiiCipher } from "../../src/platform/crypto/pii-cipher";
import { generateRegisterCsv } from "../../src/register/generator";
import { createImporter, type ImportReport } from "../../src/register/import/importer";
import { listEntriesById, readLedgerHead } from "../../src/register/ledger.repository";
import { verifyRegister } from "../../src/register/verify";
import { startTestEnv, type TestEnv } from "../support/test-services";

// The COPY import (bulk, sealed in its own transactions) against the ordinary path (row inserts,
// the sequencer's queue) on the same files and the same clock: the same entries, hashes, log and
// projections. The identity cipher seals with a random IV, so both use a deterministic stand-in.
let bulk: TestEnv;
let rowByRow: TestEnv;
let dir: string;
const reports: Record<"bulk" | "rows", ImportReport | undefined> = { bulk: undefined, rows: undefined };
const BAD_UNIT = "440604001001GB00001F09990101";

function importerFor(env: TestEnv) {
  // One key for both (each test environment makes its own); encrypt without a random IV.
  const keyed = createPiiCipher("11".repeat(32));
  const pii: PiiCipher = { ...keyed, encrypt: (plain: string) => `t:${keyed.lookupHash(plain)}` };
  return createImporter({
    db: env.services.db,
    pii,
    now: () => new Date("2026-12-01T08:00:00.000Z"),
    signHead: () => env.services.register.ledger.signCurrentHead(),
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-import-bulk-"));
  await generateRegisterCsv({ dir, units: 80, seed: 11 });
  // A unit on a building that does not exist: rejected, nothing of it written.
  fs.appendFileSync(path.join(dir, "units.csv"), `${BAD_UNIT},没有这一幢,1,101,80,,,11,3\n`);
  bulk = await startTestEnv({}, { demo: false });
  rowByRow = await startTestEnv({}, { demo: false });
  reports.bulk = await importerFor(bulk).run(systemContext("test"), { dir, batchSize: 37 });
  reports.rows = await importerFor(rowByRow).run(systemContext("test"), { dir, batchSize: 37, bulk: false });
  await rowByRow.services.register.sequencer.flush();
  await bulk.services.register.sequencer.flush();
}, 240_000);
afterAll(async () => {
  await bulk?.close();
  await rowByRow?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tableRows = async (env: TestEnv, table: string, order: string) =>
  (await sql.raw(`select * from ${table} order by ${order}`).execute(env.services.db)).rows;

describe("yulin import through COPY", () => {
  it("writes the same entries, hashes and log head as the row-by-row path", async () => {
    expect(reports.bulk!.files).toEqual(reports.rows!.files);
    const a = await listEntriesById(bulk.services.db);
    const b = await listEntriesById(rowByRow.services.db);
    expect(a.length).toBeGreaterThan(150);
    expect(a.every((e) => e.logIndex !== null && e.hash.length === 64)).toBe(true);
    expect(a).toEqual(b);
    const headA = await readLedgerHead(bulk.services.db);
    const headB = await readLedgerHead(rowByRow.services.db);
    expect(headA).toEqual(headB);
    expect(await tableRows(bulk, "merkle_nodes", "level, idx")).toEqual(
      await tableRows(rowByRow, "merkle_nodes", "level, idx"),
    );
  });

  it("builds the same projection rows", async () => {
    for (const [table, order] of [
      ["parcels", "parcel_code"],
      ["buildings", "parcel_code, building_no"],
      ["units", "unit_code"],
      ["rights", "unit_code, seq"],
      ["right_holders", "unit_code, right_seq, ordinal"],
      ["encumbrances", "unit_code, seq"],
      ["code_sequences", "jurisdiction, scope"],
    ] as const)
      expect(await tableRows(bulk, table, order), table).toEqual(await tableRows(rowByRow, table, order));
  });

  it("imports nothing of a bad row and reports it", async () => {
    const units = reports.bulk!.files.find((f) => f.file === "units")!;
    expect(units.rejected).toBe(1);
    const db = bulk.services.db;
    expect(
      await db.selectFrom("units").select("unit_code").where("unit_code", "=", BAD_UNIT).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom("register_entries").select("seq").where("unit_code", "=", BAD_UNIT).execute(),
    ).toEqual([]);
    const rejected = await db
      .selectFrom("register_import_rejections")
      .selectAll()
      .where("file", "=", "units")
      .execute();
    expect(rejected.map((r) => r.codes)).toEqual(["REGISTER.BUILDING_NOT_FOUND"]);
    expect(rejected[0]!.reason_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rejected[0]!.reason_en).toMatch(/[a-z]/);
  });

  it("verifies, and streaming verify still finds an entry altered on a later page", async () => {
    const db = bulk.services.db;
    expect((await verifyRegister(db, { pageSize: 16 })).problems).toEqual([]);
    const entries = await listEntriesById(db);
    const victim = entries[Math.floor(entries.length * 0.7)]!;
    // As a database superuser would: with the append-only trigger switched off.
    await sql`alter table register_entries disable trigger user`.execute(db);
    await sql`update register_entries set body = jsonb_set(body, '{tampered}', 'true') where seq = ${victim.seq}`.execute(
      db,
    );
    await sql`alter table register_entries enable trigger user`.execute(db);
    const verified = await verifyRegister(db, { pageSize: 16 });
    expect(verified.ok).toBe(false);
    expect(verified.problems.map((p) => p.check)).toContain("chain.hash");
    expect(verified.problems.find((p) => p.check === "chain.hash")!.message).toContain(`#${victim.logIndex}`);
  });
});
