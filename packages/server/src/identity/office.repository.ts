import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

/** 登记机构: registration offices, one per county (reference data). */
export async function listOffices(db: Db) {
  return db
    .selectFrom("offices")
    .select(["code", "name", "city_code", "province_code"])
    .orderBy("code")
    .execute();
}

export async function findOfficeName(db: Db, code: string): Promise<string | undefined> {
  const row = await db.selectFrom("offices").select("name").where("code", "=", code).executeTakeFirst();
  return row?.name;
}

/** The office names of the given codes (codes with no office are left out). */
export async function findOfficeNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom("offices").select(["code", "name"]).where("code", "in", codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function officeExists(db: Db, code: string): Promise<boolean> {
  return (
    (await db.selectFrom("offices").select("code").where("code", "=", code).executeTakeFirst()) !== undefined
  );
}

export async function insertOfficeIfAbsent(
  db: Db,
  office: { code: string; name: string; city_code: string; province_code: string },
): Promise<void> {
  await db
    .insertInto("offices")
    .values(office)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}
