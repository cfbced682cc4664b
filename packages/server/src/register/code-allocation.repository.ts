import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";

type Db = Database | Tx;

/**
 * Unit codes are assigned by the system (GB/T 37346 §8.5): the next number in a scope, kept in a
 * sequence row rather than max()+1 over live rows, so a retired code is never handed out again.
 * Scopes: `P{zone}{subzone}{feature}` 宗地顺序号, `B{parcel}` 幢号, `H{parcel}{building}` 户号,
 * `L{parcel}` / `Q{parcel}` other fixtures.
 */
export const SCOPES = {
  parcel: (zone: string, subzone: string, feature: string) => `P${zone}${subzone}${feature}`,
  building: (parcelCode: string) => `B${parcelCode}`,
  room: (parcelCode: string, buildingNo: string) => `H${parcelCode}${buildingNo}`,
  fixture: (parcelCode: string, fixture: "L" | "Q") => `${fixture}${parcelCode}`,
};

/** Takes the next number of a scope (the row stays locked until the transaction ends). */
export async function allocateNumber(
  tx: Tx,
  jurisdiction: string,
  scope: string,
  max: number,
): Promise<number> {
  const row = await tx
    .insertInto("code_sequences")
    .values({ jurisdiction, scope, next_value: 2 })
    .onConflict((oc) =>
      oc.columns(["jurisdiction", "scope"]).doUpdateSet({ next_value: sql`code_sequences.next_value + 1` }),
    )
    .returning("next_value")
    .executeTakeFirstOrThrow();
  const allocated = row.next_value - 1;
  if (allocated > max) throw new AppError("REGISTER.CODES_EXHAUSTED", { scope, max });
  return allocated;
}

/** Imported codes move the sequences past them, so the system never assigns them again. */
export async function reserveNumbers(
  tx: Tx,
  used: ReadonlyArray<{ jurisdiction: string; scope: string; value: number }>,
): Promise<void> {
  const highest = new Map<string, { jurisdiction: string; scope: string; value: number }>();
  for (const u of used) {
    const key = `${u.jurisdiction}|${u.scope}`;
    if ((highest.get(key)?.value ?? 0) < u.value) highest.set(key, u);
  }
  const rows = [...highest.values()].map((u) => ({
    jurisdiction: u.jurisdiction,
    scope: u.scope,
    next_value: u.value + 1,
  }));
  for (let i = 0; i < rows.length; i += 5000) {
    await tx
      .insertInto("code_sequences")
      .values(rows.slice(i, i + 5000))
      .onConflict((oc) =>
        oc
          .columns(["jurisdiction", "scope"])
          .doUpdateSet({ next_value: sql`greatest(code_sequences.next_value, excluded.next_value)` }),
      )
      .execute();
  }
}

export async function findZone(db: Db, jurisdiction: string, zone: string, subzone: string) {
  return db
    .selectFrom("cadastral_zones")
    .selectAll()
    .where("jurisdiction", "=", jurisdiction)
    .where("zone", "=", zone)
    .where("subzone", "=", subzone)
    .executeTakeFirst();
}

export async function upsertZones(
  db: Db,
  zones: ReadonlyArray<{ jurisdiction: string; zone: string; subzone: string; name: string | null }>,
): Promise<void> {
  const unique = [...new Map(zones.map((z) => [`${z.jurisdiction}${z.zone}${z.subzone}`, z])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto("cadastral_zones")
    .values(unique.map((z) => ({ ...z })))
    .onConflict((oc) =>
      oc
        .columns(["jurisdiction", "zone", "subzone"])
        .doUpdateSet({ name: sql`coalesce(excluded.name, cadastral_zones.name)` }),
    )
    .execute();
}

export async function listZones(db: Db, jurisdiction: string) {
  return db
    .selectFrom("cadastral_zones")
    .selectAll()
    .where("jurisdiction", "=", jurisdiction)
    .orderBy("zone")
    .orderBy("subzone")
    .execute();
}
