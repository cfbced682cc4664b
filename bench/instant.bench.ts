// `npm run bench -- instant [--count 400] [--clients 8] [--db postgres|pglite|both] [--pgbench-seconds 10]
//                          [--sealing inline|deferred] [--profile]`
// N concurrent HTTP clients submit instant mortgages (即时办结: 抵押权首次登记 by a bank) to a real
// API server listening on a local port. Phase "apply" is each case's application — create with the
// bank's confirmation, five material uploads, the borrower's confirmation; phase "submit" is the
// instant registration itself: rules, check at commit under the unit lock, ledger entry, gapless
// certification number, all in one transaction. Prints throughput and p50/p99 latency per phase,
// and pgbench TPC-B TPS of the same PostgreSQL server in the same run for reference. `--sealing
// inline` (default) renders and seals each certification's PDF in the API process as it does by
// default; `deferred` stops that worker during the run (as when a separate worker process seals).
// PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres;
// fresh databases are created and dropped. PGlite: a fresh file-backed data directory.
// `--profile` samples the CPU of this process (which hosts the API server) during each phase and
// prints its top five self-time frames; the .cpuprofile files go to bench/profiles/.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type HolderFacts, requireBusinessType } from "@yulin/domain";
import { PDFDocument } from "pdf-lib";
import pg from "pg";
import { identityOfAccount } from "../packages/server/src/cases/case-parties";
import { seedDemo } from "../packages/server/src/demo/demo.seed";
import { buildApp } from "../packages/server/src/entrypoints/app";
import { openServices, type Services } from "../packages/server/src/entrypoints/setup";
import { systemContext } from "../packages/server/src/platform/audit/audit";
import { loadConfig } from "../packages/server/src/platform/config";
import { type CpuProfile, printTopFrames, saveProfile, startProfile } from "./profile";

// A real one-page PDF: the material check parses uploads (pdf-lib), it does not sniff them.
const PDF = Buffer.from(await (await onePage()).save()).toString("base64");
async function onePage() {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return doc;
}
const PASSWORD = "Yulin-demo-2026";
const TYPE = "mortgage.first.general";

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

type Phase = { name: string; seconds: number; done: number; latencies: number[]; profile?: CpuProfile };
type Result = {
  backend: string;
  count: number;
  clients: number;
  phases: Phase[];
  pgbenchTps: number | null;
  certified: number;
};

async function freshPostgres(
  base: string,
  prefix: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** pgbench TPC-B on a scratch database of the same server: the machine's reference figure. */
async function pgbenchTps(base: string, clients: number, seconds: number): Promise<number | null> {
  const scratch = await freshPostgres(base, "yulin_pgbench");
  try {
    const u = new URL(scratch.url);
    const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
    const conn = [
      "-h",
      u.hostname,
      "-p",
      u.port || "5432",
      "-U",
      decodeURIComponent(u.username) || "postgres",
    ];
    execFileSync("pgbench", [...conn, "-i", "-q", "-s", "1", scratch.name], { env, stdio: "ignore" });
    const out = execFileSync(
      "pgbench",
      [
        ...conn,
        "-c",
        String(clients),
        "-j",
        String(Math.min(clients, os.cpus().length)),
        "-T",
        String(seconds),
        scratch.name,
      ],
      { env, encoding: "utf8" },
    );
    const match =
      /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch (error) {
    console.error(`pgbench failed: ${(error as Error).message}`);
    return null;
  } finally {
    await scratch.drop();
  }
}

/** `count` registered flats of 张伟 in 禅城, written through the register's append (cadastre). */
async function seedFlats(services: Services, count: number): Promise<string[]> {
  const { cadastre } = services.register;
  const ctx = systemContext("bench");
  const account = await services.db
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "citizen.zhang")
    .executeTakeFirstOrThrow();
  const who = await identityOfAccount(services.db, services.pii, account.id);
  const holder: HolderFacts = {
    name: who.name,
    holderType: who.holderType,
    idType: who.idType,
    idNumberEnc: who.idNumberEnc,
    idNumberHash: who.personKey,
    idNumberMasked: who.idNumberMasked,
    share: null,
  };
  await cadastre.addZones(ctx, [{ jurisdiction: "440604", zone: "900", subzone: "001", name: "bench" }]);
  const units: string[] = [];
  for (let b = 0; units.length < count; b++) {
    const parcel = await cadastre.createParcel(ctx, {
      jurisdiction: "440604",
      zone: "900",
      subzone: "001",
      ownership: "G",
      useRight: "B",
      facts: {
        area: 20000,
        landUse: "0701",
        landUseStandard: "GB/T 21010-2017",
        landGrade: null,
        address: `佛山市禅城区基准路${b + 1}号`,
        vertical: { kind: "surface", min: null, max: null },
        geometry: null,
      },
    });
    const building = await cadastre.createBuilding(ctx, parcel.parcelCode, {
      name: null,
      address: `佛山市禅城区基准路${b + 1}号1座`,
      floorsAbove: 30,
      floorsBelow: 1,
      structure: "3",
      completedYear: 2018,
      area: 50000,
      geometry: null,
    });
    const wanted = Math.min(count - units.length, 2000);
    for (let start = 0; start < wanted; start += 500) {
      const n = Math.min(500, wanted - start);
      const created = await cadastre.createUnits(
        ctx,
        parcel.parcelCode,
        building.buildingNo,
        Array.from({ length: n }, (_, i) => ({
          floor: 1 + Math.floor((start + i) / 10),
          roomLabel: String(start + i + 1),
          buildingArea: 90,
          innerArea: 75,
          sharedArea: 15,
          use: "11",
          structure: "3",
          address: `佛山市禅城区基准路${b + 1}号1座${start + i + 1}房`,
        })),
      );
      await cadastre.record(
        ctx,
        created.map((u) => ({
          parcel: parcel.parcelCode,
          unit: u.unitCode,
          body: {
            kind: "right.create" as const,
            right: {
              rightType: "4",
              nature: "102",
              use: "0701",
              area: 90,
              termStart: "2018-01-01",
              termEnd: "2087-12-31",
              source: "首次登记",
              certificateNo: null,
              coOwnership: "0" as const,
            },
            holders: [holder],
            ends: [],
          },
        })),
      );
      units.push(...created.map((u) => u.unitCode));
    }
  }
  return units;
}

async function runPool<T>(
  items: T[],
  clients: number,
  work: (item: T) => Promise<void>,
  profile = false,
): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  const stopProfile = profile ? await startProfile() : undefined;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        const t = performance.now();
        await work(items[i]!);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { name: "", seconds, done: items.length, latencies, profile: await stopProfile?.() };
}

async function benchOne(
  backend: "postgres" | "pglite",
  options: {
    count: number;
    clients: number;
    pgUrl: string;
    pgbenchSeconds: number;
    sealing: "inline" | "deferred";
    profile: boolean;
  },
): Promise<Result> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `yulin-bench-instant-${backend}-`));
  const database =
    backend === "postgres" ? await freshPostgres(options.pgUrl, "yulin_bench_instant") : undefined;
  const config = loadConfig({
    YULIN_DATA_DIR: work,
    LOG_LEVEL: "silent",
    YULIN_DEMO: "0",
    YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE: "100000000",
    YULIN_RATE_LIMIT_IP_PER_MINUTE: "100000000",
    YULIN_WEB_DIST: path.join(work, "no-web"),
    ...(database ? { DATABASE_URL: database.url } : {}),
  });
  const services = await openServices(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await seedDemo(services);
    const units = await seedFlats(services, options.count);
    app = await buildApp(services, { logger: false });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    if (options.sealing === "deferred") await services.certificates.sealing.stop();
    const login = async (username: string) => {
      const res = await fetch(`${address}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      if (!res.ok || !cookie) throw new Error(`login ${username}: ${res.status}`);
      return cookie;
    };
    const bank = await login("bank.gongshang");
    const borrower = await login("citizen.zhang");
    const post = async (cookie: string, url: string, body: unknown, expected: number) => {
      const res = await fetch(`${address}${url}`, {
        method: "POST",
        // The CSRF token from its cookie, as the web client sends it (docs/security.md).
        headers: {
          "content-type": "application/json",
          cookie,
          "x-csrf-token": /(?:^|;\s*)yulin_csrf=([^;]+)/.exec(cookie)?.[1] ?? "",
        },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status !== expected) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const materials = [
      ...new Set(
        requireBusinessType(TYPE)
          .materials.filter((m) => !m.when)
          .map((m) => m.id),
      ),
    ];
    const ids: string[] = [];
    const apply = await runPool(
      units,
      options.clients,
      async (unitCode) => {
        const created = await post(
          bank,
          "/api/cases",
          {
            typeId: TYPE,
            unitCode,
            parts: [
              {
                details: {
                  mortgage: { amount: 100_000_000, debtEnd: "2046-12-31" },
                  documentNo: "工银抵押合同",
                },
                parties: [
                  { role: "right-holder", account: "bank.gongshang" },
                  { role: "obligor", account: "citizen.zhang" },
                ],
              },
            ],
            confirm: true,
          },
          201,
        );
        const id = created.id as string;
        for (const materialId of materials)
          await post(
            bank,
            `/api/cases/${id}/materials`,
            {
              source: "upload",
              materialId,
              fileName: `${materialId}.pdf`,
              mediaType: "application/pdf",
              contentBase64: PDF,
            },
            201,
          );
        await post(borrower, `/api/cases/${id}/confirm`, {}, 200);
        ids.push(id);
      },
      options.profile,
    );
    apply.name = `apply (create + ${materials.length} uploads + 2 confirmations)`;
    let certified = 0;
    const submit = await runPool(
      ids,
      options.clients,
      async (id) => {
        const result = await post(bank, `/api/cases/${id}/submit`, {}, 200);
        if (result.stage === "certified") certified += 1;
      },
      options.profile,
    );
    submit.name = "submit → registered + certified (instant)";
    const pgbench =
      backend === "postgres"
        ? await pgbenchTps(options.pgUrl, options.clients, options.pgbenchSeconds)
        : null;
    return {
      backend,
      count: options.count,
      clients: options.clients,
      phases: [apply, submit],
      pgbenchTps: pgbench,
      certified,
    };
  } finally {
    await app?.close();
    await services.close();
    await database?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: "string", default: "400" },
      clients: { type: "string", default: "8" },
      db: { type: "string", default: "both" },
      "pgbench-seconds": { type: "string", default: "10" },
      sealing: { type: "string", default: "inline" },
      profile: { type: "boolean", default: false },
    },
  });
  const pgUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const backends =
    values.db === "both"
      ? (["postgres", "pglite"] as const)
      : ([values.db as "postgres" | "pglite"] as const);
  console.log(
    `instant: ${values.count} mortgages, ${values.clients} concurrent HTTP clients, certificate sealing ${values.sealing}; ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (const backend of backends) {
    const r = await benchOne(backend, {
      count: Number(values.count),
      clients: Number(values.clients),
      pgUrl,
      pgbenchSeconds: Number(values["pgbench-seconds"]),
      sealing: values.sealing === "deferred" ? "deferred" : "inline",
      profile: values.profile,
    });
    console.log(`\n${backend}: ${r.certified}/${r.count} registered and certified with no human step`);
    console.table(
      r.phases.map((p) => ({
        phase: p.name,
        "cases/s": Number((p.done / p.seconds).toFixed(1)),
        "p50 ms": Number(percentile(p.latencies, 50).toFixed(1)),
        "p99 ms": Number(percentile(p.latencies, 99).toFixed(1)),
      })),
    );
    if (r.pgbenchTps !== null)
      console.log(
        `pgbench TPC-B (scale 1, ${r.clients} clients, same server): ${r.pgbenchTps.toFixed(0)} TPS`,
      );
    for (const [i, p] of r.phases.entries()) {
      if (!p.profile) continue;
      const file = saveProfile(p.profile, `instant-${backend}-${i === 0 ? "apply" : "submit"}`);
      printTopFrames(`${backend} ${p.name} (${path.relative(process.cwd(), file)})`, p.profile);
    }
    console.log(
      `load average after the run: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  }
}
