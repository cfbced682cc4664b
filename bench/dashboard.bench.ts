// `npm run bench -- dashboard [--units 1000000] [--cases 1000000] [--db postgres|pglite] [--samples 200]`
// The dashboard's queries (一屏智判, issue 14) over a register from `yulin gen` (imported as
// register.bench.ts does) and synthetic cases spread over three years: the cases, their parts
// (transfer prices) and staff transitions are inserted by SQL, so the triggers fill the daily
// figure tables exactly as live registrations do. Prints p50/p99 of each query for a 30-day and a
// 366-day period, the whole dashboard, and a bare-SELECT reference, with the load average.

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type {} from "@fastify/cookie";
import type { Actor } from "@yulin/domain";
import { addDays } from "@yulin/domain";
import { sql } from "kysely";
import pg from "pg";
import { countOpenCasesByOfficeStage } from "../packages/server/src/cases/case-backlog.repository";
import { chinaDateOf } from "../packages/server/src/cases/case-clock";
import {
  sumCaseFigures,
  sumMortgagesByBank,
  sumStaffActions,
  sumTransfersByMonthOffice,
} from "../packages/server/src/dashboards/dashboard-figures.repository";
import { openServices, type Services } from "../packages/server/src/entrypoints/setup";
import { loadConfig } from "../packages/server/src/platform/config";
import { generateRegisterCsv } from "../packages/server/src/register/generator";

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function latencies(samples: number, fn: () => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < 10; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return [percentile(times, 50), percentile(times, 99)];
}

const OFFICES = ["440604", "440605", "440606", "231202", "231221", "231282"];
const TYPES = [
  "transfer.sale",
  "transfer.gift",
  "transfer.inheritance",
  "mortgage.first.general",
  "mortgage.first.maximum",
  "seizure.seize",
  "first.house.state-land",
  "change.holder-name",
  "correction.application",
];

/** 1 M cases over the last three years: submitted, 95 % registered, some instant, prices on sales. */
async function insertCases(services: Services, count: number): Promise<void> {
  const staff = Array.from({ length: 60 }, () => crypto.randomUUID());
  const batch = 50_000;
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    await sql`
      insert into cases (id, jurisdiction, kind, type_id, unit_code, accepting_office, stage, state,
        content_sm3, created_by, creator_kind, created_at, submitted_at, accepted_at, registered_at,
        deadline, instant_route)
      select c.id, c.j, 'single', c.t, rpad(c.j || '000000GB', 28, '0'), c.j,
        case when c.reg then 'issued' else 'accepted' end, '{}', repeat('0', 64),
        gen_random_uuid(), case when c.i % 4 = 0 then 'staff' else 'citizen' end,
        c.sub, c.sub, c.sub + interval '1 hour',
        case when c.reg then c.sub + (c.i % 9) * interval '1 day' + interval '2 hours' end,
        (c.sub + interval '8 days')::date,
        case when c.t = 'mortgage.first.general' and c.i % 3 = 0 then '{"route":"automatic"}'::jsonb end
      from (
        select i, 'B' || lpad(i::text, 12, '0') as id,
          (${sql.val(OFFICES)}::text[])[1 + i % ${OFFICES.length}] as j,
          (${sql.val(TYPES)}::text[])[1 + (i / 7) % ${TYPES.length}] as t,
          now() - ((i::bigint * 7919) % (3 * 365 * 24)) * interval '1 hour' as sub,
          (i % 20) <> 0 as reg
        from generate_series(${done + 1}::int, ${done + n}::int) as i
      ) c`.execute(services.db);
    // Transfer prices on the sales (before registration the trigger would not see them: rewrite
    // registered_at so the trigger's update branch reads the part, as a live registration does).
    await sql`
      insert into case_parts (case_id, part_no, type_id, details)
      select id, 0, type_id, jsonb_build_object('priceFen', 50000000 + (substr(id, 2)::bigint % 300) * 1000000)
      from cases where id between ${`B${String(done + 1).padStart(12, "0")}`} and ${`B${String(done + n).padStart(12, "0")}`}
        and type_id = 'transfer.sale'`.execute(services.db);
    await sql`
      insert into case_transitions (case_id, action, from_stage, to_stage, actor_id, actor_role, office, at)
      select id, 'accept', 'submitted', 'accepted', (${sql.val(staff)}::uuid[])[1 + substr(id, 2)::bigint % 60],
        'acceptor', jurisdiction, accepted_at
      from cases where id between ${`B${String(done + 1).padStart(12, "0")}`} and ${`B${String(done + n).padStart(12, "0")}`}`.execute(
      services.db,
    );
    process.stderr.write(`  cases ${(done + n).toLocaleString()}\n`);
  }
  // Re-count the sales' prices, which their parts brought after the cases' insert trigger ran.
  await sql`delete from case_day_figures`.execute(services.db);
  await sql`
    insert into case_day_figures as f (day, jurisdiction, type_id, submitted, online)
      select (submitted_at at time zone 'Asia/Shanghai')::date, jurisdiction, type_id, count(*),
        count(*) filter (where creator_kind <> 'staff')
      from cases where submitted_at is not null group by 1, 2, 3`.execute(services.db);
  await sql`
    insert into case_day_figures as f
        (day, jurisdiction, type_id, registered, instant, on_time, processing_seconds, transfers, transfer_price_fen)
      select (c.registered_at at time zone 'Asia/Shanghai')::date, c.jurisdiction, c.type_id, count(*),
        count(*) filter (where c.instant_route->>'route' = 'automatic'),
        count(*) filter (where (c.registered_at at time zone 'Asia/Shanghai')::date <= c.deadline),
        sum(extract(epoch from c.registered_at - c.submitted_at))::bigint,
        count(p.case_id), coalesce(sum((p.details->>'priceFen')::numeric), 0)
      from cases c left join case_parts p on p.case_id = c.id and p.type_id like 'transfer.%'
      where c.registered_at is not null group by 1, 2, 3
      on conflict (day, jurisdiction, type_id) do update
        set registered = excluded.registered, instant = excluded.instant, on_time = excluded.on_time,
          processing_seconds = excluded.processing_seconds, transfers = excluded.transfers,
          transfer_price_fen = excluded.transfer_price_fen`.execute(services.db);
  await sql`analyze`.execute(services.db);
}

async function freshDatabase(backend: string, pgUrl: string): Promise<string | undefined> {
  if (backend !== "postgres") return undefined;
  const name = `yulin_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase(url: string | undefined, pgUrl: string) {
  if (!url) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      units: { type: "string", default: "1000000" },
      cases: { type: "string", default: "1000000" },
      db: { type: "string", default: "postgres" },
      samples: { type: "string", default: "200" },
    },
  });
  const [units, cases, samples] = [Number(values.units), Number(values.cases), Number(values.samples)];
  const pgUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const loadAtStart = os.loadavg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-bench-dashboard-"));
  const url = await freshDatabase(values.db!, pgUrl);
  const config = loadConfig({
    YULIN_DATA_DIR: work,
    LOG_LEVEL: "silent",
    YULIN_DEMO: "0",
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const services = await openServices(config);
  try {
    const csvDir = path.join(work, "csv");
    fs.mkdirSync(csvDir);
    let started = Date.now();
    await generateRegisterCsv({ dir: csvDir, units });
    await services.register.importer.run(
      { actor: null, requestId: "bench", ip: null },
      { dir: csvDir, batchSize: 2000 },
    );
    console.error(
      `register of ${units.toLocaleString()} units imported in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    started = Date.now();
    await insertCases(services, cases);
    console.error(
      `${cases.toLocaleString()} cases inserted in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );

    const db = services.db;
    const today = chinaDateOf(new Date());
    const city = ["4406", "2312"];
    const periods = {
      "30 days": { from: addDays(today, -29), to: today },
      "366 days": { from: addDays(today, -365), to: today },
    };
    const rows: Array<[string, string, number, number]> = [];
    for (const [label, period] of Object.entries(periods)) {
      const queries: Record<string, () => Promise<unknown>> = {
        "volumes by day": () => sumCaseFigures(db, city, period, "day"),
        "by office (rates)": () => sumCaseFigures(db, city, period, "jurisdiction"),
        "by type (time vs limit)": () => sumCaseFigures(db, city, period, "type_id"),
        "staff workload": () => sumStaffActions(db, city, period),
        "backlog (open cases now)": () => countOpenCasesByOfficeStage(db, city, today),
        "mortgages by bank": () => sumMortgagesByBank(db, city, period),
        "market trends": () => sumTransfersByMonthOffice(db, city, period),
      };
      for (const [name, fn] of Object.entries(queries))
        rows.push([label, name, ...(await latencies(samples, fn))]);
      const leader: Actor = {
        accountId: crypto.randomUUID(),
        kind: "staff",
        institutionKind: null,
        institutionId: null,
        roles: [{ role: "supervisor", jurisdiction: "440600" }],
      };
      const ctx = { actor: leader, requestId: "bench", ip: null };
      rows.push([
        label,
        "whole dashboard (service, audit row)",
        ...(await latencies(samples, () => services.dashboards.figures(ctx, period))),
      ]);
    }
    const bare = await latencies(samples, () =>
      sql`select id, stage from cases where id = 'B000000500000'`.execute(db),
    );
    const counts = await sql<{ cases: number; units: number; figures: number }>`
      select (select count(*)::int from cases) as cases, (select count(*)::int from units) as units,
        (select count(*)::int from case_day_figures) as figures`.execute(db);
    console.log(`\nDashboard queries on ${values.db}: ${JSON.stringify(counts.rows[0])}`);
    console.log(
      `load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(" ")}, at end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    console.log("| period | query | p50 ms | p99 ms |\n| --- | --- | --- | --- |");
    for (const [label, name, p50, p99] of rows)
      console.log(`| ${label} | ${name} | ${p50.toFixed(2)} | ${p99.toFixed(2)} |`);
    console.log(
      `| reference | bare SELECT of one case by id | ${bare[0].toFixed(2)} | ${bare[1].toFixed(2)} |`,
    );
  } finally {
    await services.close();
    await dropDatabase(url, pgUrl);
    fs.rmSync(work, { recursive: true, force: true });
  }
}
