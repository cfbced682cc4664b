// `npm run bench -- register [--units 1000000] [--db pglite|postgres|both] [--batch 2000] [--no-verify]`
// Generates a synthetic register (yulin gen's CSV files), imports it into a fresh database of each
// backend and measures the import rate (CSV rows/s), then unit-by-code and holder lookups through
// the register service (the API's code path, audit row included): p50 and p99 over 2,000 random
// lookups after 200 warm-up ones. PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and dropped.

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type {} from "@fastify/cookie"; // the request type augmentation the server code relies on
import type { Actor } from "@yulin/domain";
import { sql } from "kysely";
import pg from "pg";
import { openServices, type Services } from "../packages/server/src/entrypoints/setup";
import { loadConfig } from "../packages/server/src/platform/config";
import { generateRegisterCsv, peopleFor, personId } from "../packages/server/src/register/generator";
import { findHoldingsByIdHash } from "../packages/server/src/register/register.repository";
import { verifyRegister } from "../packages/server/src/register/verify";
import {
  csvBytes,
  plainCopyRowsPerSecond,
  printSizes,
  type TableSize,
  tableSizes,
} from "./register-reference";

const SAMPLES = 2000;
const WARMUP = 200;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

type Result = {
  backend: string;
  rows: number;
  importSeconds: number;
  unit: [number, number];
  holder: [number, number];
  /** The same rows by one bare indexed SELECT each, on the same pool, in the same run. */
  bareUnit: [number, number];
  bareHolder: [number, number];
  verifySeconds: number | null;
  verifyEntries: number;
  sizeMb: number | null;
  /** Plain COPY of the same CSV into unindexed tables, same database, same run (PostgreSQL). */
  copyRowsPerSecond: number | null;
  sizes: TableSize[];
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function latencies(fn: (i: number) => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await time(() => fn(WARMUP + i)));
  samples.sort((a, b) => a - b);
  return [percentile(samples, 50), percentile(samples, 99)];
}

async function benchOne(
  backend: "pglite" | "postgres",
  csvDir: string,
  units: number,
  options: { batch: number; verify: boolean; pgUrl: string },
): Promise<Result> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `yulin-bench-${backend}-`));
  let dbName: string | undefined;
  let url: string | undefined;
  if (backend === "postgres") {
    dbName = `yulin_bench_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: options.pgUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(options.pgUrl);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const config = loadConfig({
    YULIN_DATA_DIR: work,
    LOG_LEVEL: "silent",
    YULIN_DEMO: "0",
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const services: Services = await openServices(config);
  try {
    const ctx = { actor: null, requestId: "bench", ip: null };
    let last = 0;
    const started = Date.now();
    const report = await services.register.importer.run(ctx, {
      dir: csvDir,
      batchSize: options.batch,
      onProgress: (p) => {
        if (Date.now() - last < 5000) return;
        last = Date.now();
        process.stderr.write(
          `  [${backend}] ${p.file}.csv row ${p.rowsDone.toLocaleString()} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
        );
      },
    });
    const rows = report.files.reduce((sum, f) => sum + Math.max(0, f.rows - 1), 0);
    const rejected = report.files.reduce((sum, f) => sum + f.rejected, 0);
    if (rejected > 0) throw new Error(`${rejected} rows rejected: see ${report.reportFile}`);

    const codes = (
      await services.db
        .selectFrom("units")
        .select("unit_code")
        .where("fixture", "=", "F")
        .orderBy(services.db.fn("random"))
        .limit(SAMPLES + WARMUP)
        .execute()
    ).map((r) => r.unit_code);
    const staff: Actor = {
      accountId: crypto.randomUUID(),
      kind: "staff",
      institutionKind: null,
      institutionId: null,
      roles: [{ role: "reviewer", jurisdiction: "440604" }],
    };
    const staffCtx = { actor: staff, requestId: "bench", ip: null };
    const unit = await latencies((i) => services.register.reads.readUnit(staffCtx, codes[i % codes.length]!));
    const people = peopleFor(units);
    const holder = await latencies((i) =>
      services.register.reads.searchByHolder(staffCtx, {
        idNumber: personId((i * 7919) % people),
        purpose: "benchmark",
      }),
    );
    // The references: one SELECT of the same rows (unit, parcel, rights with holders, live and
    // historic restrictions, easements benefiting it) and the holder's index lookup, no service.
    const bareUnit = await latencies((i) => {
      const code = codes[i % codes.length]!;
      return sql`
        select u.*,
          (select row_to_json(p) from parcels p where p.jurisdiction = u.jurisdiction and p.parcel_code = u.parcel_code) as parcel,
          (select json_agg(r order by r.seq) from rights r where r.jurisdiction = u.jurisdiction and r.unit_code = u.unit_code) as rights,
          (select json_agg(h order by h.right_seq, h.ordinal) from right_holders h where h.jurisdiction = u.jurisdiction and h.unit_code = u.unit_code) as holders,
          (select json_agg(e order by e.seq) from encumbrances e where e.jurisdiction = u.jurisdiction and e.unit_code = u.unit_code) as encumbrances,
          (select json_agg(b) from encumbrances b where b.related_unit_code = u.unit_code and b.status <> 'historic') as benefiting
        from units u where u.jurisdiction = ${code.slice(0, 6)} and u.unit_code = ${code}`.execute(
        services.db,
      );
    });
    const bareHolder = await latencies((i) =>
      findHoldingsByIdHash(services.db, services.pii.lookupHash(personId((i * 7919) % people))),
    );
    let verifySeconds: number | null = null;
    let verifyEntries = 0;
    if (options.verify) {
      const verified = await verifyRegister(services.db);
      if (!verified.ok) throw new Error(`verify failed: ${JSON.stringify(verified.problems.slice(0, 3))}`);
      verifySeconds = verified.seconds;
      verifyEntries = verified.entries;
    }
    await sql`vacuum analyze`.execute(services.db).catch(() => undefined);
    const sizes = await tableSizes(services.db);
    const copyRowsPerSecond = url ? await plainCopyRowsPerSecond(url, csvDir) : null;
    let sizeMb: number | null = null;
    try {
      const size = await services.db
        .selectNoFrom((eb) => eb.fn<string>("pg_database_size", [eb.fn("current_database")]).as("bytes"))
        .executeTakeFirstOrThrow();
      sizeMb = Math.round(Number(size.bytes) / 1e6);
    } catch {
      sizeMb = null;
    }
    return {
      backend,
      rows,
      importSeconds: report.seconds,
      unit,
      holder,
      bareUnit,
      bareHolder,
      verifySeconds,
      verifyEntries,
      sizeMb,
      copyRowsPerSecond,
      sizes,
    };
  } finally {
    await services.close();
    if (dbName) {
      const admin = new pg.Client({ connectionString: options.pgUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      units: { type: "string", default: "1000000" },
      db: { type: "string", default: "both" },
      batch: { type: "string", default: "2000" },
      verify: { type: "boolean", default: true },
      "no-verify": { type: "boolean", default: false },
    },
  });
  const units = Number(values.units);
  if (values["no-verify"]) values.verify = false;
  const loadAtStart = os.loadavg();
  const pgUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const backends: Array<"pglite" | "postgres"> = [];
  if (values.db === "pglite" || values.db === "both") backends.push("pglite");
  if (values.db === "postgres" || values.db === "both") {
    if (await reachable(pgUrl)) backends.push("postgres");
    else console.error(`PostgreSQL at ${pgUrl} is not reachable: skipped`);
  }

  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-bench-csv-"));
  try {
    const genStarted = Date.now();
    const counts = await generateRegisterCsv({ dir: csvDir, units });
    const csvRows = Object.entries(counts)
      .filter(([k]) => k !== "people")
      .reduce((sum, [, v]) => sum + v, 0);
    console.error(
      `generated ${units.toLocaleString()} units = ${csvRows.toLocaleString()} CSV rows in ${((Date.now() - genStarted) / 1000).toFixed(1)} s (${JSON.stringify(counts)})`,
    );
    const results: Result[] = [];
    for (const backend of backends) {
      console.error(`importing into ${backend} …`);
      results.push(
        await benchOne(backend, csvDir, units, { batch: Number(values.batch), verify: values.verify, pgUrl }),
      );
    }
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(
      `\nregister benchmark: ${units.toLocaleString()} units, ${csvRows.toLocaleString()} CSV rows`,
    );
    console.log(
      `machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 1e9)} GB, Node ${process.version}, load average (1 min) ${loadAtStart[0]!.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end\n`,
    );
    const header = [
      "backend",
      "import rows/s",
      "plain COPY rows/s",
      "import time",
      "unit by code p50 / p99",
      "bare SELECT p50 / p99",
      "unit p99 ratio",
      "holder lookup p50 / p99",
      "bare SELECT p50 / p99",
      "holder p99 ratio",
    ];
    if (values.verify) header.push("verify entries/s (time)");
    header.push("database size");
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    const lines = results.map((r) => {
      const row = [
        r.backend === "pglite" ? "PGlite (embedded)" : "PostgreSQL",
        Math.round(r.rows / r.importSeconds).toLocaleString(),
        r.copyRowsPerSecond === null ? "-" : Math.round(r.copyRowsPerSecond).toLocaleString(),
        `${r.importSeconds.toFixed(1)} s`,
        `${ms(r.unit[0])} / ${ms(r.unit[1])}`,
        `${ms(r.bareUnit[0])} / ${ms(r.bareUnit[1])}`,
        `${(r.unit[1] / r.bareUnit[1]).toFixed(2)}×`,
        `${ms(r.holder[0])} / ${ms(r.holder[1])}`,
        `${ms(r.bareHolder[0])} / ${ms(r.bareHolder[1])}`,
        `${(r.holder[1] / r.bareHolder[1]).toFixed(2)}×`,
      ];
      if (values.verify)
        row.push(
          r.verifySeconds === null
            ? "-"
            : `${Math.round(r.verifyEntries / r.verifySeconds).toLocaleString()} (${r.verifySeconds.toFixed(1)} s)`,
        );
      row.push(r.sizeMb === null ? "-" : `${r.sizeMb.toLocaleString()} MB`);
      return row;
    });
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
    console.log(fmt(header));
    console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
    for (const l of lines) console.log(fmt(l));
    const csv = csvBytes(csvDir);
    for (const r of results) printSizes(r.backend, r.sizes, units, csv);
    console.log(
      "\nLookups go through the register service as the API does (access check, masking, audit row) on one connection; import = parse, validate, SM4-seal IDs, apply, write with COPY, hash-chain and seal, in batches; plain COPY = the same CSV files into unindexed text tables; sizes after VACUUM.",
    );
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
}
