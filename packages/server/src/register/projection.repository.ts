import {
  collapseMutations,
  createMemoryRegister,
  type MemoryRegister,
  type Mutation,
  type RegisterRecordOf,
  type RegisterTable,
} from "@yulin/domain";
import { sql } from "kysely";
import type { CopyRows } from "../platform/db/bulk";
import type { Database, Tx } from "../platform/db/database";
import { fromRow, toRow } from "./register.records";

type Db = Database | Tx;

/**
 * The rows an append reads: its books' parcels and buildings, the units it touches, and the
 * rights or restrictions of the units whose rights or restrictions it changes. (No entry reads
 * holders: they are written with their right and never changed.)
 */
export type SliceScope = {
  parcels: Set<string>;
  units: Set<string>;
  rightsOf: Set<string>;
  encumbrancesOf: Set<string>;
};

const jurisdictionsOf = (codes: Iterable<string>) => [...new Set([...codes].map((c) => c.slice(0, 6)))];
const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
const IN_LIST = 5000;

/** Loads the slice of the projections an append reads into an in-memory register. */
export async function loadSlice(db: Db, scope: SliceScope, into: MemoryRegister = createMemoryRegister()) {
  const parcels = [...scope.parcels];
  for (const part of chunks(parcels, IN_LIST)) {
    const js = jurisdictionsOf(part);
    const [parcelRows, buildingRows] = await Promise.all([
      db
        .selectFrom("parcels")
        .selectAll()
        .where("jurisdiction", "in", js)
        .where("parcel_code", "in", part)
        .execute(),
      db
        .selectFrom("buildings")
        .selectAll()
        .where("jurisdiction", "in", js)
        .where("parcel_code", "in", part)
        .execute(),
    ]);
    for (const r of parcelRows) into.put({ table: "parcels", record: fromRow.parcels(r) });
    for (const r of buildingRows) into.put({ table: "buildings", record: fromRow.buildings(r) });
  }
  const byUnit = async <T>(
    codes: Set<string>,
    load: (js: string[], part: string[]) => Promise<T[]>,
    put: (row: T) => void,
  ) => {
    for (const part of chunks([...codes], IN_LIST))
      for (const row of await load(jurisdictionsOf(part), part)) put(row);
  };
  await byUnit(
    scope.units,
    (js, part) =>
      db
        .selectFrom("units")
        .selectAll()
        .where("jurisdiction", "in", js)
        .where("unit_code", "in", part)
        .execute(),
    (r) => into.put({ table: "units", record: fromRow.units(r) }),
  );
  await byUnit(
    scope.rightsOf,
    (js, part) =>
      db
        .selectFrom("rights")
        .selectAll()
        .where("jurisdiction", "in", js)
        .where("unit_code", "in", part)
        .execute(),
    (r) => into.put({ table: "rights", record: fromRow.rights(r) }),
  );
  await byUnit(
    scope.encumbrancesOf,
    (js, part) =>
      db
        .selectFrom("encumbrances")
        .selectAll()
        .where("jurisdiction", "in", js)
        .where("unit_code", "in", part)
        .execute(),
    (r) => into.put({ table: "encumbrances", record: fromRow.encumbrances(r) }),
  );
  return into;
}

const PRIMARY_KEYS: { [T in RegisterTable]: ReadonlyArray<string> } = {
  parcels: ["jurisdiction", "parcel_code"],
  buildings: ["jurisdiction", "parcel_code", "building_no"],
  units: ["jurisdiction", "unit_code"],
  rights: ["jurisdiction", "unit_code", "seq"],
  right_holders: ["jurisdiction", "unit_code", "right_seq", "ordinal"],
  encumbrances: ["jurisdiction", "unit_code", "seq"],
};

/**
 * Writes the projection changes of an append: new rows in multi-row inserts, changed rows as
 * upserts on the primary key. Only `appendEntries` calls this.
 */
export async function writeMutations(tx: Tx, mutations: readonly Mutation[], copy?: CopyRows): Promise<void> {
  const byTable = new Map<string, { inserts: unknown[]; updates: unknown[] }>();
  for (const m of collapseMutations(mutations)) {
    let group = byTable.get(m.table);
    if (!group) {
      group = { inserts: [], updates: [] };
      byTable.set(m.table, group);
    }
    const row = (toRow[m.table] as (r: RegisterRecordOf[typeof m.table]) => unknown)(m.record);
    (m.op === "insert" ? group.inserts : group.updates).push(row);
  }
  for (const [table, { inserts, updates }] of byTable) {
    const t = table as RegisterTable;
    const columns = Object.keys((inserts[0] ?? updates[0]) as object);
    const rowsPerStatement = Math.floor(60_000 / columns.length);
    if (copy && inserts.length > 0) {
      await copy(
        t,
        columns,
        inserts.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])),
      );
      inserts.length = 0;
    }
    for (const part of chunks(inserts, rowsPerStatement)) {
      await tx
        .insertInto(t)
        .values(part as never)
        .execute();
    }
    for (const part of chunks(updates, rowsPerStatement)) {
      const keys = PRIMARY_KEYS[t];
      await tx
        .insertInto(t)
        .values(part as never)
        .onConflict((oc) =>
          oc
            .columns(keys as never)
            .doUpdateSet(
              Object.fromEntries(
                columns.filter((c) => !keys.includes(c)).map((c) => [c, sql.ref(`excluded.${c}`)]),
              ) as never,
            ),
        )
        .execute();
    }
  }
}

/** Current parcels whose bounding box meets `box` and whose vertical range meets [lo, hi). */
export async function findParcelCandidates(
  db: Db,
  box: { minX: number; minY: number; maxX: number; maxY: number },
  range: { lo: number | null; hi: number | null },
) {
  let query = db
    .selectFrom("parcels")
    .selectAll()
    .where("status", "=", "current")
    .where(sql<boolean>`bbox && box(point(${box.minX}, ${box.minY}), point(${box.maxX}, ${box.maxY}))`);
  if (range.hi !== null)
    query = query.where((eb) => eb.or([eb("z_min", "is", null), eb("z_min", "<", range.hi!)]));
  if (range.lo !== null)
    query = query.where((eb) => eb.or([eb("z_max", "is", null), eb("z_max", ">", range.lo!)]));
  return (await query.limit(1000).execute()).map(fromRow.parcels);
}

/** Refreshes planner statistics of the register's tables (bulk loads outrun autovacuum). */
export async function analyzeRegisterTables(db: Db): Promise<void> {
  await sql`analyze parcels, buildings, units, rights, right_holders, encumbrances, register_entries, register_import_holders, code_sequences`.execute(
    db,
  );
}
