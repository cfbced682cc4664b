import { entryHash } from "@yulin/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/platform/db/database";
import { contentOf, findEntry } from "../../src/register/ledger.repository";
import { verifyRegister } from "../../src/register/verify";
import { startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let db: Database;
beforeAll(async () => {
  env = await startTestEnv();
  db = env.services.db;
});
afterAll(async () => env?.close());

/** Tampering as a database superuser would: with the append-only triggers switched off. */
async function behindTheLedgersBack(statement: ReturnType<typeof sql>) {
  const tables = ["register_entries", "ledger_leaves", "ledger_tree_heads"];
  for (const t of tables) await sql`alter table ${sql.table(t)} disable trigger user`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    for (const t of tables) await sql`alter table ${sql.table(t)} enable trigger user`.execute(db);
  }
}

const checks = async () => (await verifyRegister(db)).problems;

describe("yulin verify", () => {
  it("passes on an untouched register and replays every book", async () => {
    const report = await verifyRegister(db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.books).toBe(4);
    expect(report.signedHeads).toBeGreaterThan(0);
  });

  it("detects one flipped byte in an entry and names the entry and the row it made", async () => {
    const row = await db
      .selectFrom("register_entries")
      .selectAll()
      .where("kind", "=", "unit.create")
      .orderBy("seq")
      .limit(1)
      .executeTakeFirstOrThrow();
    const address = (row.body as { unit: { address: string } }).unit.address;
    const flipped = `${address.slice(0, -1)}${address.endsWith("房") ? "户" : "房"}`;
    await behindTheLedgersBack(
      sql`update register_entries set body = jsonb_set(body, '{unit,address}', ${JSON.stringify(flipped)}::jsonb) where seq = ${row.seq}`,
    );
    const problems = await checks();
    expect(problems).toContainEqual(
      expect.objectContaining({ check: "chain.hash", message: expect.stringContaining(`#${row.seq}`) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        check: "projection.differs",
        message: expect.stringMatching(new RegExp(`units ${row.unit_code}.*address`)),
      }),
    );
    await behindTheLedgersBack(
      sql`update register_entries set body = ${JSON.stringify(row.body)}::jsonb where seq = ${row.seq}`,
    );
    expect(await checks()).toEqual([]);
  });

  it("detects a deleted entry and the projection row it leaves behind", async () => {
    const row = await db
      .selectFrom("register_entries")
      .selectAll()
      .where("kind", "=", "mortgage.create")
      .orderBy("seq")
      .limit(1)
      .executeTakeFirstOrThrow();
    const leaf = await db
      .selectFrom("ledger_leaves")
      .selectAll()
      .where("seq", "=", row.seq)
      .executeTakeFirstOrThrow();
    await behindTheLedgersBack(sql`delete from register_entries where seq = ${row.seq}`);
    await behindTheLedgersBack(sql`delete from ledger_leaves where seq = ${row.seq}`);
    const problems = await checks();
    expect(problems).toContainEqual(
      expect.objectContaining({ check: "chain.gap", message: expect.stringContaining(`#${row.seq}`) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        check: "chain.prev-hash",
        message: expect.stringContaining(`#${row.seq + 1}`),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        check: "projection.extra",
        message: expect.stringContaining(`encumbrances ${row.unit_code}:${row.seq}`),
      }),
    );
    await behindTheLedgersBack(
      sql`insert into register_entries (seq, jurisdiction, kind, parcel_code, unit_code, recorded_at, body)
          values (${row.seq}, ${row.jurisdiction}, ${row.kind}, ${row.parcel_code}, ${row.unit_code}, ${row.recorded_at}, ${JSON.stringify(row.body)}::jsonb)`,
    );
    await behindTheLedgersBack(
      sql`insert into ledger_leaves (log_index, seq, prev_hash, hash)
          values (${leaf.log_index}, ${leaf.seq}, ${leaf.prev_hash}, ${leaf.hash})`,
    );
    expect(await checks()).toEqual([]);
  });

  it("detects a projection row edited behind the ledger's back, and names the column", async () => {
    const unit = await db
      .selectFrom("units")
      .selectAll()
      .where("fixture", "=", "F")
      .orderBy("unit_code")
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update units set building_area = building_area + 1 where unit_code = ${unit.unit_code}`.execute(
      db,
    );
    await sql`update rights set status = 'historic' where unit_code = (select unit_code from rights where status = 'current' and unit_code like '%F%' order by unit_code limit 1)`.execute(
      db,
    );
    await sql`update parcels set bbox = box(point(0,0), point(1,1)) where parcel_code = ${unit.parcel_code}`.execute(
      db,
    );
    const problems = await checks();
    expect(problems).toContainEqual(
      expect.objectContaining({
        check: "projection.differs",
        message: expect.stringMatching(new RegExp(`units ${unit.unit_code}：buildingArea`)),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        check: "projection.differs",
        message: expect.stringMatching(/rights .*status/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        check: "projection.differs",
        message: expect.stringMatching(/parcels .*bbox/),
      }),
    );
    expect(problems).toHaveLength(3);
  });

  it("detects a history rewritten with every hash recomputed: the signed heads no longer match", async () => {
    const last = await db
      .selectFrom("ledger_leaves")
      .selectAll()
      .orderBy("log_index", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const entry = (await findEntry(db, last.seq))!;
    const forged = { ...entry, body: { ...entry.body, reason: "forged" } };
    const hash = entryHash(entry.prevHash, contentOf(forged));
    await behindTheLedgersBack(
      sql`update register_entries set body = ${JSON.stringify(forged.body)}::jsonb where seq = ${last.seq}`,
    );
    await behindTheLedgersBack(sql`update ledger_leaves set hash = ${hash} where seq = ${last.seq}`);
    await sql`update ledger_head set last_hash = ${hash}`.execute(db);
    const problems = await checks();
    expect(problems.map((p) => p.check)).toContain("head.root");
    expect(problems.map((p) => p.check)).not.toContain("chain.hash");
  });

  it("detects a signed head whose root was altered", async () => {
    await behindTheLedgersBack(
      sql`update ledger_tree_heads set root_hash = repeat('0', 64) where tree_size = (select min(tree_size) from ledger_tree_heads)`,
    );
    expect((await checks()).map((p) => p.check)).toContain("head.signature");
  });
});
