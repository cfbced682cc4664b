import crypto from "node:crypto";
import pg from "pg";
import type { DatabaseOptions } from "../../src/platform/db/database";

/**
 * Integration tests run on PGlite (in memory) by default and on PostgreSQL when DATABASE_URL is
 * set; then every test file gets a fresh database of its own, dropped afterwards.
 */
export async function freshDatabase(): Promise<{
  options: DatabaseOptions;
  url?: string;
  drop: () => Promise<void>;
}> {
  const base = process.env.DATABASE_URL;
  if (!base) return { options: { kind: "pglite", dataDir: undefined }, drop: async () => {} };
  const name = `yulin_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    options: { kind: "postgres", url: url.toString(), poolSize: 5 },
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
