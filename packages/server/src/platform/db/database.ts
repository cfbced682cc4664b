import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { pgBulkSession, pgliteBulkSession, registerBulkSession } from "./bulk";
import { acquireDataDirLock } from "./embedded-lock";
import type { DB } from "./schema";

// Dates stay ISO strings (no timezone shifts); bigint counts come back as numbers when safe.
pg.types.setTypeParser(1082, (v) => v); // date
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;

export type DatabaseHandle = {
  db: Database;
  backend: "pglite" | "postgres";
  close: () => Promise<void>;
};

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** `dataDir` undefined = in memory (tests). */
  | { kind: "pglite"; dataDir: string | undefined };

/** Kysely over a pg.Pool on both backends: one code path, correct under concurrency. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, failover, pg_terminate_backend, a database
    // dropped while pg-pool's end() is still closing sockets) must not crash the process: the pool
    // drops that client and opens a new one on the next query.
    pool.on("error", () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    registerBulkSession(db, pgBulkSession(pool));
    return { db, backend: "postgres", close: () => db.destroy() };
  }
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    const pglite = options.dataDir
      ? new PGlite(path.join(options.dataDir, "pglite"))
      : new PGlite("memory://");
    await pglite.waitReady;
    // One connection: PGlite runs one query at a time. Never close it while idle.
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    registerBulkSession(db, pgliteBulkSession(pool, pglite));
    return {
      db,
      backend: "pglite",
      close: async () => {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export type Isolation = "read committed" | "repeatable read" | "serializable";

/**
 * Runs `fn` in a transaction. Serialization failures and deadlocks (40001, 40P01) are retried:
 * they are the database telling us to try again, not errors for the user.
 */
export async function inTransaction<T>(
  db: Database,
  fn: (tx: Tx) => Promise<T>,
  options: { isolation?: Isolation; retries?: number } = {},
): Promise<T> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db
        .transaction()
        .setIsolationLevel(options.isolation ?? "read committed")
        .execute(fn);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code === "40001" || code === "40P01") && attempt < retries) continue;
      throw error;
    }
  }
}

export async function ping(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
