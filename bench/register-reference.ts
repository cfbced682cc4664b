// References and sizes for the register benchmark, measured in the same run as the import:
// a plain COPY of the same CSV files into unindexed text tables (what the database alone does with
// the bytes), and the on-disk size per table (bytes per unit beside the raw CSV).

import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../packages/server/src/platform/db/database";

const csvFiles = (dir: string) =>
  fs.readdirSync(dir).filter((f) => f.endsWith(".csv") && !f.startsWith("import-"));

export function csvBytes(dir: string): number {
  return csvFiles(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}

/**
 * PostgreSQL only: COPY every CSV file into an unindexed table of text columns, in a scratch
 * database; returns data rows per second. The reference for the import's rows/s.
 */
export async function plainCopyRowsPerSecond(url: string, dir: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows = 0;
    const started = process.hrtime.bigint();
    for (const file of csvFiles(dir)) {
      const full = path.join(dir, file);
      const header = fs
        .readFileSync(full, "utf8")
        .slice(0, 4096)
        .split(/\r?\n/)[0]!
        .replace(/^\ufeff/, "");
      const columns = header.split(",").map((_, i) => `c${i} text`);
      const table = `ref_${file.replace(/\W/g, "_")}`;
      await client.query(`create unlogged table ${table} (${columns.join(", ")})`);
      await pipeline(
        fs.createReadStream(full),
        client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`)),
      );
      const { rows: count } = await client.query(`select count(*)::int as n from ${table}`);
      rows += count[0].n as number;
      await client.query(`drop table ${table}`);
    }
    return rows / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await client.end();
  }
}

export type TableSize = { table: string; bytes: number };

/** pg_total_relation_size of each table (heap, TOAST and indexes), largest first. */
export async function tableSizes(db: Database): Promise<TableSize[]> {
  const { rows } = await sql<{ table: string; bytes: string | number }>`
    select c.relname as table, pg_total_relation_size(c.oid) as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by 2 desc`.execute(db);
  return rows.map((r) => ({ table: r.table, bytes: Number(r.bytes) }));
}

export function printSizes(backend: string, sizes: TableSize[], units: number, csv: number): void {
  const total = sizes.reduce((s, t) => s + t.bytes, 0);
  console.log(
    `\n${backend}: tables ${(total / 1e6).toFixed(1)} MB = ${Math.round(total / units).toLocaleString()} bytes/unit; raw CSV ${(csv / 1e6).toFixed(1)} MB = ${Math.round(csv / units).toLocaleString()} bytes/unit`,
  );
  for (const t of sizes.slice(0, 8))
    console.log(
      `  ${t.table.padEnd(26)} ${(t.bytes / 1e6).toFixed(2).padStart(9)} MB  ${Math.round(t.bytes / units)
        .toLocaleString()
        .padStart(6)} B/unit`,
    );
}
