import type { Database, Tx } from "./database";

type Db = Database | Tx;

/** Installation-wide settings (`settings`: key → JSON value), e.g. that the demo was loaded. */
export async function hasSetting(db: Db, key: string): Promise<boolean> {
  return (
    (await db.selectFrom("settings").select("key").where("key", "=", key).executeTakeFirst()) !== undefined
  );
}

export async function insertSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key, value: JSON.stringify(value) })
    .execute();
}
