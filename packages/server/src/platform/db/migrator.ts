import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Database } from "./database";
import * as foundation from "./migrations/2026-11-24T0900-foundation";

/** Migrations are listed explicitly (no directory scan): the bundle is the same under tsx and tests. */
const migrations: Record<string, Migration> = {
  "2026-11-24T0900-foundation": foundation,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
