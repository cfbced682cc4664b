import { landUnitCode } from "@yulin/domain";
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

/** The entries of a unit's life: its parcel's, its building's and its own, in ledger order. */
export async function listTimelineEntries(
  db: Db,
  unit: { unitCode: string; parcelCode: string; buildingNo: string | null },
) {
  return db
    .selectFrom("register_entries")
    .selectAll()
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
    .orderBy("seq")
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

/** Rights held by the person or organisation with this ID-number lookup hash, with their units. */
export async function findHoldingsByIdHash(db: Db, idHash: string) {
  return db
    .selectFrom("right_holders as h")
    .innerJoin("rights as r", (j) =>
      j
        .onRef("r.jurisdiction", "=", "h.jurisdiction")
        .onRef("r.unit_code", "=", "h.unit_code")
        .onRef("r.seq", "=", "h.right_seq"),
    )
    .innerJoin("units as u", (j) =>
      j.onRef("u.jurisdiction", "=", "h.jurisdiction").onRef("u.unit_code", "=", "h.unit_code"),
    )
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

/** The lookup hash of the caller's own ID number (citizens) or credit code (companies). */
export async function findAccountIdentity(db: Db, accountId: string) {
  return db
    .selectFrom("accounts")
    .select(["id_number_hash", "credit_code", "kind"])
    .where("id", "=", accountId)
    .executeTakeFirst();
}
