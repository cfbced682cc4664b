import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../src/platform/audit/audit";
import { generateRegisterCsv } from "../../src/register/generator";
import { readCsv } from "../../src/register/import/csv";
import type { ImportReport } from "../../src/register/import/importer";
import { verifyRegister } from "../../src/register/verify";
import { startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let dir: string;
let report: ImportReport;
const generated: Record<string, number> = {};
/** Row numbers (header = row 1) of the bad rows appended to each file, with the code we expect. */
const bad: Array<{ file: string; row: number; code: string }> = [];

function append(file: string, lines: string[], codes: string[]) {
  const full = path.join(dir, `${file}.csv`);
  const rows = fs.readFileSync(full, "utf8").trimEnd().split("\n").length;
  fs.appendFileSync(full, `${lines.join("\n")}\n`);
  lines.forEach((_, i) => {
    bad.push({ file, row: rows + 1 + i, code: codes[i]! });
  });
}

async function firstRow(file: string): Promise<Record<string, string>> {
  let header: string[] = [];
  for await (const r of readCsv(path.join(dir, `${file}.csv`))) {
    if (r.row === 1) header = r.fields;
    else return Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ""]));
  }
  throw new Error("empty");
}

beforeAll(async () => {
  env = await startTestEnv({}, { demo: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-import-"));
  Object.assign(generated, await generateRegisterCsv({ dir, units: 300, seed: 7 }));
  const parcel = await firstRow("parcels");
  const unit = await firstRow("units");
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  // parcels: parcel_code,area,address,zone_name,land_use,land_use_standard,land_grade,vertical_kind,z_min,z_max,geometry
  append(
    "parcels",
    [
      `440604001001GB00990,500,重叠的宗地,,,,,surface,,,${q(parcel.geometry!)}`,
      "440604001001GZ00991,500,特征码错误,,,,,,,,",
      "440604001001GB00992,abc,面积不是数字,,,,,,,,",
    ],
    ["REGISTER.PARCEL_OVERLAP", "UNIT.FEATURE", "IMPORT.FIELD"],
  );
  // buildings: parcel_code,building_no,address,…
  append("buildings", ["440604001001GB00993,0001,不存在的宗地上的幢,,,,,,,"], ["REGISTER.PARCEL_NOT_FOUND"]);
  // units: unit_code,address,floor,…
  append(
    "units",
    [
      `${unit.unit_code!.slice(0, 19)}F00990001,没有这一幢,1,101,80,,,11,3`,
      `${unit.unit_code},重复的单元,1,101,80,,,11,3`,
      "44060400100GB00001F00010001,代码只有27位,1,101,80,,,11,3",
    ],
    ["REGISTER.BUILDING_NOT_FOUND", "REGISTER.UNIT_EXISTS", "UNIT.FORMAT"],
  );
  // holders: right_ref,name,holder_type,id_type,id_number,share
  append(
    "holders",
    [
      "BAD1,校验码错误,1,1,110101199003071234,",
      "BAD2,甲,1,1,110101199003074477,1/2",
      "BAD2,乙,1,1,44010619900101003X,1/3",
    ],
    ["ID.CHECKSUM", "", ""],
  );
  bad.pop();
  bad.pop();
  // rights: right_ref,unit_code,right_type,source,nature,use,area,term_start,term_end,certificate_no,co_ownership,status,end_reason
  append(
    "rights",
    [
      `BAD1,${unit.unit_code},4,买卖,102,住宅,80,2010-01-01,2079-12-31,,0,historic,买卖`,
      `BAD2,${unit.unit_code},4,买卖,102,住宅,80,2010-01-01,2079-12-31,,2,historic,买卖`,
      `BAD3,${unit.unit_code!.slice(0, 24)}9999,4,买卖,102,住宅,80,2010-01-01,2079-12-31,,0,current,`,
    ],
    ["IMPORT.NO_HOLDERS", "R6", "IMPORT.NO_HOLDERS"],
  );
  // restrictions: unit_code,kind,holder_name,…,amount (col 11)
  append(
    "restrictions",
    [
      `${unit.unit_code},抵押,某银行,2,8,,张三,,2026-01-01,2036-01-01,,general,,,,,,`,
      `${unit.unit_code},查封,某法院,4,99,,张三,（2026）粤0604执1号,2026-13-01,,,,,,,,,`,
    ],
    ["REGISTER.AMOUNT", "IMPORT.FIELD"],
  );
  report = await env.services.register.importer.run(systemContext("test"), { dir, batchSize: 100 });
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("yulin import (数据整合)", () => {
  it("loads every good row as a migrated ledger entry", async () => {
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    for (const file of ["parcels", "buildings", "units", "rights", "restrictions"]) {
      expect(byFile[file]!.loaded, file).toBe(generated[file]);
    }
    // holders.csv rows are staged until rights.csv: the two valid holders of BAD2 were staged too.
    expect(byFile.holders!.loaded).toBe(generated.holders! + 2);
    const db = env.services.db;
    const entries = await db
      .selectFrom("register_entries")
      .select(db.fn.countAll<number>().as("n"))
      .where("kind", "=", "migrated")
      .executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(
      generated.parcels! +
        generated.buildings! +
        generated.units! +
        generated.rights! +
        generated.restrictions!,
    );
    const units = await db
      .selectFrom("units")
      .select(db.fn.countAll<number>().as("n"))
      .where("fixture", "=", "F")
      .executeTakeFirstOrThrow();
    expect(Number(units.n)).toBe(300);
  });

  it("reports each bad row with its row number and a reason in Chinese and English", async () => {
    const rejected = await env.services.db
      .selectFrom("register_import_rejections")
      .selectAll()
      .where("import_id", "=", report.importId)
      .orderBy("file")
      .orderBy("row_number")
      .execute();
    expect(rejected.map((r) => [r.file, r.row_number]).sort()).toEqual(
      bad.map((b) => [b.file, b.row]).sort(),
    );
    for (const b of bad) {
      const r = rejected.find((x) => x.file === b.file && x.row_number === b.row)!;
      expect(r.codes.split(" "), `${b.file}:${b.row}`).toContain(b.code);
      expect(r.reason_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.reason_en).toMatch(/[a-z]{3}/);
    }
    const csv = fs.readFileSync(report.reportFile, "utf8");
    expect(csv).toContain("file,row,key,codes,reason_zh,reason_en");
    expect(csv).toContain(`parcels.csv,${bad[0]!.row},440604001001GB00990,REGISTER.PARCEL_OVERLAP`);
    expect(csv.trim().split("\n")).toHaveLength(1 + bad.length);
    // The report and the database keep reasons only: a rejected row's ID number is not kept.
    expect(csv).not.toContain("110101199003071234");
  });

  it("keeps imported codes out of the system's hands: sequences move past them", async () => {
    const seq = await env.services.db
      .selectFrom("code_sequences")
      .selectAll()
      .where("scope", "=", "P001001GB")
      .executeTakeFirstOrThrow();
    expect(seq.next_value).toBeGreaterThan(1);
    const zone = await env.services.db
      .selectFrom("cadastral_zones")
      .selectAll()
      .where("zone", "=", "001")
      .execute();
    expect(zone.length).toBeGreaterThan(0);
  });

  it("leaves a register that verifies, with the import batches signed", async () => {
    const verified = await verifyRegister(env.services.db);
    expect(verified.problems).toEqual([]);
    // A head is signed after each file that added entries (and every 10 batches).
    expect(verified.signedHeads).toBeGreaterThanOrEqual(5);
    const staged = await env.services.db.selectFrom("register_import_holders").selectAll().execute();
    expect(staged).toEqual([]);
  });

  it("loads nothing twice when the same files are imported again", async () => {
    const before = await env.services.db.selectFrom("ledger_head").select("size").executeTakeFirstOrThrow();
    const again = await env.services.register.importer.run(systemContext("test"), { dir, batchSize: 100 });
    expect(again.alreadyDone).toBe(true);
    expect(again.importId).toBe(report.importId);
    const after = await env.services.db.selectFrom("ledger_head").select("size").executeTakeFirstOrThrow();
    expect(after.size).toBe(before.size);
  });
});
