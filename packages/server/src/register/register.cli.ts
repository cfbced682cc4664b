import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { RequestContext } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { generateRegisterCsv } from "./generator";
import type { ImportProgress } from "./import/importer";
import type { RegisterModule } from "./register.module";
import { verifyRegister } from "./verify";

/** `yulin verify | import | gen | seal`: the register's commands (cli.ts only dispatches). */
export const REGISTER_HELP = `  yulin import --dir DIR [--batch 2000]   load an existing register from CSV files (数据整合):
                                      parcels, buildings, units, holders, rights, restrictions .csv;
                                      bad rows go to DIR/import-errors-*.csv; re-run to resume
  yulin gen --units N [--out DIR] [--county 440604] [--seed S] [--csv-only]
                                      make a synthetic register (CSV files) and import it
  yulin verify                        replay the ledger, check hashes, Merkle roots, signed heads and
                                      every projection row; exit 1 on any difference
  yulin seal                          sign a tree head of the register now`;

export const REGISTER_COMMANDS = new Set(["verify", "import", "gen", "seal"]);

/** A progress line on stderr: redrawn in place on a terminal, every 2 s otherwise (logs, tests). */
function progressPrinter(label: string) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let lastLine = 0;
  let lastTopic = "";
  return (text: string, topic = "") => {
    const now = Date.now();
    // Off a terminal: a line when a new file starts, then at most one every 2 s.
    if (!tty && topic === lastTopic && now - lastLine < 2000) return;
    lastTopic = topic;
    lastLine = now;
    const seconds = ((now - started) / 1000).toFixed(0);
    const line = `${label} ${text} (${seconds}s)`;
    if (tty) process.stderr.write(`\r${line.padEnd(100)}`);
    else process.stderr.write(`${line}\n`);
  };
}

const bar = (fraction: number) => {
  const width = 24;
  const full = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${"#".repeat(full)}${"-".repeat(width - full)}]`;
};

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(file)) for (const b of chunk as Buffer) if (b === 10) n += 1;
  return n;
}

async function runImport(services: RegisterCliServices, ctx: RequestContext, dir: string, batchSize: number) {
  const totals = new Map<string, number>();
  for (const f of ["parcels", "buildings", "units", "holders", "rights", "restrictions"]) {
    const file = path.join(dir, `${f}.csv`);
    if (fs.existsSync(file)) totals.set(f, await countLines(file));
  }
  const print = progressPrinter("导入 import");
  const started = Date.now();
  let rowsThisRun = 0;
  const report = await services.register.importer.run(ctx, {
    dir,
    batchSize,
    onProgress: (p: ImportProgress) => {
      rowsThisRun += batchSize; // each report is one committed batch
      const rate = Math.round(rowsThisRun / Math.max(0.001, (Date.now() - started) / 1000));
      const total = totals.get(p.file) ?? p.rowsDone;
      print(
        `${p.file}.csv ${bar(p.rowsDone / total)} row ${p.rowsDone.toLocaleString()}/${total.toLocaleString()} loaded ${p.loaded.toLocaleString()} rejected ${p.rejected.toLocaleString()} ~${rate.toLocaleString()} rows/s`,
        p.file,
      );
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  const rows = report.rowsThisRun;
  const rejected = report.files.reduce((s, f) => s + f.rejected, 0);
  console.log(
    report.alreadyDone
      ? `该批文件已导入过，未重复导入 This set of files was imported before: nothing loaded again (import ${report.importId.slice(0, 12)}).`
      : `${report.resumed ? "续传完成 Resumed and finished" : "导入完成 Import finished"}: import ${report.importId.slice(0, 12)}`,
  );
  for (const f of report.files)
    console.log(
      `  ${`${f.file}.csv`.padEnd(18)} rows ${String(Math.max(0, f.rows - 1)).padStart(9)}  loaded ${String(f.loaded).padStart(9)}  rejected ${String(f.rejected).padStart(7)}`,
    );
  console.log(
    `  ${rows.toLocaleString()} rows in this run, ${report.seconds.toFixed(1)} s (${Math.round(rows / Math.max(report.seconds, 0.001)).toLocaleString()} rows/s)`,
  );
  console.log(
    rejected > 0
      ? `  ${rejected} 行被拒绝，原因见 rejected rows, reasons in: ${report.reportFile}`
      : `  无错误行 No rejected rows (report: ${report.reportFile})`,
  );
  return { report, rejected };
}

/** What the register's commands use: the register and, for `verify`, the database it replays. */
export type RegisterCliServices = {
  db: Database;
  register: Pick<RegisterModule, "importer" | "ledger" | "seal" | "sequencer">;
};

export async function runRegisterCommand(
  services: RegisterCliServices,
  ctx: RequestContext,
  argv: string[],
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "verify") {
    const print = progressPrinter("校验 verify");
    // Integrate what is queued first (or wait for the sequencer of a running server to).
    await services.register.sequencer.flush();
    const report = await verifyRegister(services.db, {
      sealPublicKey: services.register.seal.publicKey,
      onProgress: (stage, done) =>
        print(`${stage === "chain" ? "hash chain" : "books"}: ${done.toLocaleString()} entries`),
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(
      `登记簿条目 entries ${report.entries.toLocaleString()}, 宗地簿 books ${report.books.toLocaleString()}, projection rows ${report.rows.toLocaleString()}, signed heads ${report.signedHeads}, receipts ${report.receipts.toLocaleString()}, queued ${report.pending}, ${report.seconds.toFixed(1)} s`,
    );
    if (report.ok) {
      console.log(
        "校验通过：哈希链、Merkle 树根、签名树根、回执和全部投影与登记簿一致。 Verified: the register matches its ledger.",
      );
      return 0;
    }
    console.log(
      `发现 ${report.problems.length + report.moreProblems} 处不一致 Found ${report.problems.length + report.moreProblems} difference(s):`,
    );
    for (const p of report.problems) console.log(`  [${p.check}] ${p.message}`);
    if (report.moreProblems > 0) console.log(`  … and ${report.moreProblems} more`);
    return 1;
  }
  if (command === "seal") {
    const head = await services.register.ledger.signCurrentHead();
    console.log(JSON.stringify(head, null, 2));
    return 0;
  }
  if (command === "import") {
    const { values } = parseArgs({
      args: rest,
      options: { dir: { type: "string" }, batch: { type: "string" } },
    });
    if (!values.dir) throw new UsageError("--dir DIR is required");
    const { rejected } = await runImport(
      services,
      ctx,
      path.resolve(values.dir),
      Number(values.batch ?? 2000),
    );
    return rejected > 0 ? 3 : 0;
  }
  if (command === "gen") {
    const { values } = parseArgs({
      args: rest,
      options: {
        units: { type: "string" },
        out: { type: "string" },
        county: { type: "string" },
        seed: { type: "string" },
        batch: { type: "string" },
        "csv-only": { type: "boolean" },
      },
    });
    const units = Number(values.units);
    if (!Number.isInteger(units) || units < 1)
      throw new UsageError("--units N (a positive integer) is required");
    const dir = path.resolve(values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), "yulin-gen-")));
    const started = Date.now();
    const counts = await generateRegisterCsv({
      dir,
      units,
      county: values.county,
      seed: values.seed ? Number(values.seed) : undefined,
    });
    console.log(
      `生成 generated ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString()}`)
        .join(", ")}`,
    );
    if (values["csv-only"]) return 0;
    const { rejected } = await runImport(services, ctx, dir, Number(values.batch ?? 2000));
    return rejected > 0 ? 3 : 0;
  }
  throw new UsageError(`unknown register command ${command}`);
}

export class UsageError extends Error {}
