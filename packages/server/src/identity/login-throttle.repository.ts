import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

export type ThrottleRow = { key: string; failures: number; last_failed_at: Date };

export async function findThrottles(db: Db, keys: readonly string[]): Promise<ThrottleRow[]> {
  if (keys.length === 0) return [];
  return db.selectFrom("login_throttles").selectAll().where("key", "in", keys).execute();
}

/** Counts one failure on each key, in one statement. */
export async function recordFailures(db: Db, keys: readonly string[], at: Date): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto("login_throttles")
    .values(keys.map((key) => ({ key, failures: 1, last_failed_at: at })))
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql`login_throttles.failures + 1`,
        last_failed_at: at,
      }),
    )
    .execute();
}

export async function clearThrottles(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom("login_throttles").where("key", "in", keys).execute();
}

/** Forgets failures older than `before` (a quiet key starts afresh). */
export async function deleteStaleThrottles(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("login_throttles").where("last_failed_at", "<", before).execute();
}
