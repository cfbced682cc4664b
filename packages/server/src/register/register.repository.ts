import { type EncumbranceRecord, type EntryBody, landUnitCode } from "@yulin/domain";
import { type ExpressionBuilder, sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { DB } from "../platform/db/schema";
import { fromRow } from "./register.records";

type Db = Database | Tx;

/** Reads of the register (queries skip the domain and read the projections directly). */

const county = (code: string) => code.slice(0, 6);
/** With `collate "C"` codes, a book's units are the primary-key range [parcel, parcel + "~"). */
const bookRange = (parcelCode: string) => [parcelCode, `${parcelCode}~`] as const;

/** Rows whose jurisdiction starts with one of the prefixes (a city scope `4406` covers its counties). */
const inPrefixes =
  (prefixes: readonly string[]) =>
  <T extends keyof DB>(eb: ExpressionBuilder<DB, T>) =>
    eb.or(prefixes.map((p) => eb(sql.ref(`jurisdiction`), "like", `${p}%`)));

export async function findUnit(db: Db, code: string) {
  const row = await db
    .selectFrom("units")
    .selectAll()
    .where("jurisdiction", "=", county(code))
    .where("unit_code", "=", code)
    .executeTakeFirst();
  return row ? fromRow.units(row) : undefined;
}

export async function findParcel(db: Db, parcelCode: string) {
  const row = await db
    .selectFrom("parcels")
    .selectAll()
    .where("jurisdiction", "=", county(parcelCode))
    .where("parcel_code", "=", parcelCode)
    .executeTakeFirst();
  return row ? fromRow.parcels(row) : undefined;
}

export async function findBuilding(db: Db, parcelCode: string, buildingNo: string) {
  const row = await db
    .selectFrom("buildings")
    .selectAll()
    .where("jurisdiction", "=", county(parcelCode))
    .where("parcel_code", "=", parcelCode)
    .where("building_no", "=", buildingNo)
    .executeTakeFirst();
  return row ? fromRow.buildings(row) : undefined;
}

export async function listBuildingsOfParcel(db: Db, parcelCode: string) {
  const rows = await db
    .selectFrom("buildings")
    .selectAll()
    .where("jurisdiction", "=", county(parcelCode))
    .where("parcel_code", "=", parcelCode)
    .orderBy("building_no")
    .execute();
  return rows.map(fromRow.buildings);
}

/** Every unit of a book (or of one building of it), by primary-key range. */
export async function listUnitsOfParcel(db: Db, parcelCode: string, buildingNo?: string) {
  const [from, to] = buildingNo
    ? [`${parcelCode}F${buildingNo}`, `${parcelCode}F${buildingNo}~`]
    : bookRange(parcelCode);
  const rows = await db
    .selectFrom("units")
    .selectAll()
    .where("jurisdiction", "=", county(parcelCode))
    .where("unit_code", ">=", from)
    .where("unit_code", "<", to)
    .orderBy("unit_code")
    .execute();
  return rows.map(fromRow.units);
}

/** Live restriction kinds per unit of a book, for the building table (楼盘表). */
export async function listLiveEncumbranceKinds(db: Db, parcelCode: string, buildingNo?: string) {
  const [from, to] = buildingNo
    ? [`${parcelCode}F${buildingNo}`, `${parcelCode}F${buildingNo}~`]
    : bookRange(parcelCode);
  return db
    .selectFrom("encumbrances")
    .select(["unit_code", "kind", "status"])
    .where("jurisdiction", "=", county(parcelCode))
    .where("unit_code", ">=", from)
    .where("unit_code", "<", to)
    .where("status", "!=", "historic")
    .execute();
}

export async function listCurrentRightsOfBook(db: Db, parcelCode: string, buildingNo?: string) {
  const [from, to] = buildingNo
    ? [`${parcelCode}F${buildingNo}`, `${parcelCode}F${buildingNo}~`]
    : bookRange(parcelCode);
  return db
    .selectFrom("rights")
    .select(["unit_code", "seq", "co_ownership"])
    .where("jurisdiction", "=", county(parcelCode))
    .where("unit_code", ">=", from)
    .where("unit_code", "<", to)
    .where("status", "=", "current")
    .execute();
}

export async function listRightsOfUnit(db: Db, unitCode: string) {
  const [rights, holders] = await Promise.all([
    db
      .selectFrom("rights")
      .selectAll()
      .where("jurisdiction", "=", county(unitCode))
      .where("unit_code", "=", unitCode)
      .orderBy("seq")
      .execute(),
    db
      .selectFrom("right_holders")
      .selectAll()
      .where("jurisdiction", "=", county(unitCode))
      .where("unit_code", "=", unitCode)
      .orderBy("right_seq")
      .orderBy("ordinal")
      .execute(),
  ]);
  const holderRecords = holders.map(fromRow.right_holders);
  return rights.map(fromRow.rights).map((right) => ({
    right,
    holders: holderRecords.filter((h) => h.rightSeq === right.seq),
  }));
}

/**
 * A unit with everything a read of it shows — parcel, rights with holders, restrictions, easements
 * benefiting it — in one statement: one round trip instead of six (the lookup's latency is the
 * database's, not the CPU's). Undefined when the register does not know the unit.
 */
export async function findUnitBook(db: Db, code: string) {
  const { rows } = await sql<{
    unit: Record<string, unknown>;
    parcel: Record<string, unknown> | null;
    rights: Record<string, unknown>[] | null;
    holders: Record<string, unknown>[] | null;
    encumbrances: Record<string, unknown>[] | null;
    benefiting: Record<string, unknown>[] | null;
  }>`
    select row_to_json(u) as unit,
      (select row_to_json(p) from parcels p
        where p.jurisdiction = u.jurisdiction and p.parcel_code = u.parcel_code) as parcel,
      (select json_agg(r order by r.seq) from rights r
        where r.jurisdiction = u.jurisdiction and r.unit_code = u.unit_code) as rights,
      (select json_agg(h order by h.right_seq, h.ordinal) from right_holders h
        where h.jurisdiction = u.jurisdiction and h.unit_code = u.unit_code) as holders,
      (select json_agg(e order by e.seq) from encumbrances e
        where e.jurisdiction = u.jurisdiction and e.unit_code = u.unit_code) as encumbrances,
      (select json_agg(b order by b.seq) from encumbrances b
        where b.related_unit_code = u.unit_code and b.status <> 'historic') as benefiting
    from units u where u.jurisdiction = ${county(code)} and u.unit_code = ${code}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const holders = (row.holders ?? []).map((h) => fromRow.right_holders(h as never));
  return {
    unit: fromRow.units(row.unit as never),
    parcel: row.parcel ? fromRow.parcels(row.parcel as never) : undefined,
    rights: (row.rights ?? [])
      .map((r) => fromRow.rights(r as never))
      .map((right) => ({ right, holders: holders.filter((h) => h.rightSeq === right.seq) })),
    encumbrances: (row.encumbrances ?? []).map((e) => fromRow.encumbrances(e as never)),
    benefiting: (row.benefiting ?? []).map((e) => fromRow.encumbrances(e as never)),
  };
}

export async function listEncumbrancesOfUnit(db: Db, unitCode: string) {
  const rows = await db
    .selectFrom("encumbrances")
    .selectAll()
    .where("jurisdiction", "=", county(unitCode))
    .where("unit_code", "=", unitCode)
    .orderBy("seq")
    .execute();
  return rows.map(fromRow.encumbrances);
}

/**
 * The restrictions a person or institution holds (by its lookup hash), newest first, with each
 * unit's address, the kinds of live restrictions on it and when its current right was registered.
 */
export async function listEncumbrancesHeldBy(
  db: Db,
  holderIdHash: string,
  options: { kind?: EncumbranceRecord["kind"]; live: boolean; limit: number },
) {
  let query = db
    .selectFrom("encumbrances")
    .selectAll()
    .where("holder_id_hash", "=", holderIdHash)
    .orderBy("registered_at", "desc")
    .orderBy("seq", "desc")
    .limit(options.limit);
  if (options.kind) query = query.where("kind", "=", options.kind);
  if (options.live) query = query.where("status", "!=", "historic");
  const held = (await query.execute()).map(fromRow.encumbrances);
  const codes = [...new Set(held.map((e) => e.unitCode))];
  if (codes.length === 0) return { held, units: new Map<string, HeldUnit>() };
  // The primary keys lead with the jurisdiction: name both so the lookups use them.
  const counties = [...new Set(codes.map(county))];
  const [units, live, rights] = await Promise.all([
    db
      .selectFrom("units")
      .select(["unit_code", "address"])
      .where("jurisdiction", "in", counties)
      .where("unit_code", "in", codes)
      .execute(),
    db
      .selectFrom("encumbrances")
      .select(["unit_code", "seq", "kind", "status"])
      .where("jurisdiction", "in", counties)
      .where("unit_code", "in", codes)
      .where("status", "!=", "historic")
      .execute(),
    db
      .selectFrom("rights")
      .select(["unit_code", "seq"])
      .where("jurisdiction", "in", counties)
      .where("unit_code", "in", codes)
      .where("status", "=", "current")
      .execute(),
  ]);
  const byCode = new Map<string, HeldUnit>(
    units.map((u) => [u.unit_code, { address: u.address, live: [], rightSeq: null }]),
  );
  for (const e of live)
    byCode.get(e.unit_code)?.live.push({ seq: Number(e.seq), kind: e.kind, status: e.status });
  for (const r of rights) {
    const unit = byCode.get(r.unit_code);
    const seq = Number(r.seq);
    if (unit && (unit.rightSeq === null || seq > unit.rightSeq)) unit.rightSeq = seq;
  }
  return { held, units: byCode };
}

export type HeldUnit = {
  address: string;
  live: Array<{ seq: number; kind: EncumbranceRecord["kind"]; status: EncumbranceRecord["status"] }>;
  /** The ledger entry of the unit's current right (later than a mortgage's: 抵押物已转移). */
  rightSeq: number | null;
};

/** Easements whose dominant (需役地) unit is this one: noted on it, recorded on the servient parcel. */
export async function listEasementsBenefiting(db: Db, unitCode: string) {
  const rows = await db
    .selectFrom("encumbrances")
    .selectAll()
    .where("related_unit_code", "=", unitCode)
    .where("status", "!=", "historic")
    .execute();
  return rows.map(fromRow.encumbrances);
}

/** A unit's own ledger entries (kind, time, body), in ledger order: the history the rules read. */
export async function listUnitEntryKinds(db: Db, unitCode: string) {
  const rows = await db
    .selectFrom("register_entries")
    .select(["kind", "recorded_at", "body"])
    .where("unit_code", "=", unitCode)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    recordedAt: new Date(r.recorded_at).toISOString(),
    body: r.body as EntryBody | null,
  }));
}

/**
 * The entries of a unit's life: its parcel's, its building's and its own, in id order (which is
 * log order for any one unit), with the chain hash once the sequencer has integrated them.
 */
export async function listTimelineEntries(
  db: Db,
  unit: { unitCode: string; parcelCode: string; buildingNo: string | null },
) {
  return db
    .selectFrom("register_entries")
    .leftJoin("ledger_leaves", "ledger_leaves.seq", "register_entries.seq")
    .selectAll("register_entries")
    .select("ledger_leaves.hash")
    .where("parcel_code", "=", unit.parcelCode)
    .where((eb) =>
      eb.or([
        eb("unit_code", "in", [unit.unitCode, landUnitCode(unit.parcelCode)]),
        eb.and([
          eb("unit_code", "is", null),
          eb.or([
            eb(sql`body->>'buildingNo'`, "is", null),
            eb(sql`body->>'buildingNo'`, "=", unit.buildingNo ?? "-"),
          ]),
        ]),
      ]),
    )
    .orderBy("register_entries.seq")
    .limit(5000)
    .execute();
}

/** Units whose address contains every bigram of the query (GIN), newest codes last. */
export async function searchUnitsByAddress(
  db: Db,
  grams: string[],
  prefixes: readonly string[],
  limit: number,
) {
  const rows = await db
    .selectFrom("units")
    .selectAll()
    .where(sql<boolean>`address_grams @> ${sql.val(grams)}::text[]`)
    .where(inPrefixes(prefixes))
    .orderBy("jurisdiction")
    .orderBy("unit_code")
    .limit(limit)
    .execute();
  return rows.map(fromRow.units);
}

/** Holders with their right and unit, to be found from the holders' lookup-hash index. */
const holdings = (db: Db) =>
  db
    .selectFrom("right_holders as h")
    .innerJoin("rights as r", (j) =>
      j
        .onRef("r.jurisdiction", "=", "h.jurisdiction")
        .onRef("r.unit_code", "=", "h.unit_code")
        .onRef("r.seq", "=", "h.right_seq"),
    )
    .innerJoin("units as u", (j) =>
      j.onRef("u.jurisdiction", "=", "h.jurisdiction").onRef("u.unit_code", "=", "h.unit_code"),
    );

/** Rights held by the person or organisation with this ID-number lookup hash, with their units. */
export async function findHoldingsByIdHash(db: Db, idHash: string) {
  return holdings(db)
    .select([
      "h.jurisdiction",
      "h.unit_code",
      "h.right_seq",
      "h.name",
      "h.id_number_masked",
      "h.share",
      "r.right_type",
      "r.status",
      "r.co_ownership",
      "r.registered_at",
      "u.address",
      "u.building_area",
    ])
    .where("h.id_number_hash", "=", idHash)
    .orderBy("r.status")
    .orderBy("h.unit_code")
    .limit(500)
    .execute();
}

/**
 * The current homes (房屋用途 GB/T 17986.1 codes 1x: 10 住宅, 11 成套住宅, 12 非成套住宅, 13 集体宿舍 …)
 * in units whose jurisdiction starts with `prefix`, of which a current right names a holder with
 * one of these lookup hashes: each unit once, in code order.
 */
export async function listCurrentHomesOf(db: Db, idHashes: readonly string[], prefix: string) {
  const rows = await holdings(db)
    .select("h.unit_code")
    .distinct()
    .where("h.id_number_hash", "in", idHashes)
    .where("h.jurisdiction", "like", `${prefix}%`)
    .where("r.status", "=", "current")
    .where("u.status", "=", "current")
    .where("u.fixture", "=", "F")
    .where("u.use", "like", "1%")
    .orderBy("h.unit_code")
    .execute();
  return rows.map((r) => r.unit_code);
}

export async function listParcelsInBox(
  db: Db,
  box: { minX: number; minY: number; maxX: number; maxY: number },
  prefixes: readonly string[],
  limit: number,
) {
  const rows = await db
    .selectFrom("parcels")
    .selectAll()
    .where("status", "=", "current")
    .where(sql<boolean>`bbox && box(point(${box.minX}, ${box.minY}), point(${box.maxX}, ${box.maxY}))`)
    .where(inPrefixes(prefixes))
    .orderBy("parcel_code")
    .limit(limit)
    .execute();
  return rows.map(fromRow.parcels);
}

/** Whether the person (lookup hash) holds the unit's restriction `seq` (a seizure, a mortgage …). */
export async function holdsEncumbrance(
  db: Db,
  unitCode: string,
  seq: number,
  personKey: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("encumbrances")
    .select("seq")
    .where("jurisdiction", "=", unitCode.slice(0, 6))
    .where("unit_code", "=", unitCode)
    .where("seq", "=", seq)
    .where("holder_id_hash", "=", personKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** The latest right recorded with this certificate number (a paper certificate of the import). */
export async function findRightByCertificateNo(db: Db, number: string) {
  return db
    .selectFrom("rights")
    .select(["unit_code", "status"])
    .where("certificate_no", "=", number)
    .orderBy("seq", "desc")
    .executeTakeFirst();
}

/** The ledger entry whose 补发/换发 replaced this certificate number. */
export async function findCertificateReplacement(db: Db, number: string) {
  return db
    .selectFrom("register_entries")
    .select("unit_code")
    .where("kind", "=", "right.certificate")
    .where(sql<string>`body ->> 'replaces'`, "=", number)
    .executeTakeFirst();
}
