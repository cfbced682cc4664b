import { type UnitSlice, type UnitState, unitStateOf } from "@yulin/domain";
import type { Database, Tx } from "../platform/db/database";
import {
  findParcel,
  findUnit,
  listEasementsBenefiting,
  listEncumbrancesOfUnit,
  listRightsOfUnit,
  listUnitEntryKinds,
} from "../register/register.repository";

type Db = Database | Tx;

/**
 * The register rows of a unit (the domain's `UnitSlice`), read at submit with a plain read and at
 * commit inside the registering transaction after the unit rows are locked (check at commit). What
 * the rules see of it (`unitStateOf`) and what a part writes to it (`planPart`) are the domain's.
 */

/**
 * Locks the units' rows `FOR UPDATE` in unit-code order (one order everywhere, so two registering
 * transactions never wait on each other in a cycle). Returns the codes found.
 */
export async function lockUnits(tx: Tx, unitCodes: readonly string[]): Promise<string[]> {
  const codes = [...new Set(unitCodes)].sort();
  const found: string[] = [];
  for (const code of codes) {
    const row = await tx
      .selectFrom("units")
      .select("unit_code")
      .where("jurisdiction", "=", code.slice(0, 6))
      .where("unit_code", "=", code)
      .forUpdate()
      .executeTakeFirst();
    if (row) found.push(row.unit_code);
  }
  return found;
}

/** One read of a unit's slice; undefined when the register does not know the unit. */
export async function loadUnitSlice(db: Db, unitCode: string): Promise<UnitSlice | undefined> {
  const unit = await findUnit(db, unitCode);
  if (!unit) return undefined;
  const landCode = `${unit.parcelCode}W00000000`;
  const [rights, encumbrances, benefiting, parcel, landRights, history] = await Promise.all([
    listRightsOfUnit(db, unitCode),
    listEncumbrancesOfUnit(db, unitCode),
    listEasementsBenefiting(db, unitCode),
    findParcel(db, unit.parcelCode),
    unit.fixture === "W" ? Promise.resolve([]) : listRightsOfUnit(db, landCode),
    listUnitEntryKinds(db, unitCode),
  ]);
  return { unit, parcel, rights, encumbrances, landRights, benefiting, history };
}

/** A unit's slice and the rules' view of it, or undefined when the register does not know it. */
export async function loadUnit(
  db: Db,
  unitCode: string,
): Promise<{ slice: UnitSlice; state: UnitState } | undefined> {
  const slice = await loadUnitSlice(db, unitCode);
  return slice ? { slice, state: unitStateOf(slice) } : undefined;
}

/** The unit as the rules see it, or undefined when the register does not know it. */
export async function loadUnitState(db: Db, unitCode: string): Promise<UnitState | undefined> {
  return (await loadUnit(db, unitCode))?.state;
}

/** Units whose restrictions carry dates time acts on: for a full sweep of data loaded by import. */
export async function listUnitsWithTimedRestrictions(db: Db, limit: number, after = ""): Promise<string[]> {
  const rows = await db
    .selectFrom("encumbrances")
    .select("unit_code")
    .distinct()
    .where("status", "!=", "historic")
    .where("kind", "in", ["seizure", "advance-notice", "objection", "habitation"])
    .where("unit_code", ">", after)
    .orderBy("unit_code")
    .limit(limit)
    .execute();
  return rows.map((r) => r.unit_code);
}
