import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Finding, HolderFacts } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import { bulkSessionOf, type CopyRows } from "../../platform/db/bulk";
import { type Database, inTransaction, type Tx } from "../../platform/db/database";
import { reserveNumbers, upsertZones } from "../code-allocation.repository";
import { appendEntries } from "../ledger";
import { sealEntries } from "../ledger-sequencer";
import { analyzeRegisterTables } from "../projection.repository";
import { csvLine, readCsv } from "./csv";
import { COLUMNS, type Fields, IMPORT_FILES, type ImportFile } from "./import.columns";
import {
  type ImportRun,
  insertRejections,
  insertStagedHolders,
  listRejections,
  loadProgress,
  markFinished,
  openRun,
  saveProgress,
  takeStagedHolders,
} from "./import.repository";
import {
  type ParsedRow,
  parseBuildingRow,
  parseHolderRow,
  parseParcelRow,
  parseRestrictionRow,
  parseRightRow,
  parseUnitRow,
  type RowContext,
  type StagedHolder,
} from "./import.rows";

export type ImportProgress = {
  file: ImportFile;
  rowsDone: number;
  loaded: number;
  rejected: number;
  bytesRead?: number;
};

export type ImportOptions = {
  dir: string;
  /** Rows per transaction. */
  batchSize?: number;
  /** Sign a tree head every this many batches (and after each file). */
  signEvery?: number;
  onProgress?: (p: ImportProgress) => void;
  /**
   * COPY and seal each batch in its own transaction (default). `false`: the ordinary path, row
   * inserts and the sequencer's queue, as a registration writes (kept to check the two agree).
   */
  bulk?: boolean;
};

export type ImportReport = {
  importId: string;
  /** Rows read and settled (loaded or rejected) by this run; a resumed run counts only its own. */
  rowsThisRun: number;
  resumed: boolean;
  alreadyDone: boolean;
  files: Array<{ file: ImportFile; rows: number; loaded: number; rejected: number }>;
  reportFile: string;
  seconds: number;
};

export type ImporterDeps = {
  db: Database;
  pii: PiiCipher;
  now: () => Date;
  signHead: (reason: string) => Promise<unknown>;
};

type Rejection = { row: number; key: string | null; findings: Finding[] };

const digestOf = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = crypto.createHash("sm3");
    fs.createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });

const joinFindings = (findings: Finding[]) => ({
  codes: [...new Set(findings.map((f) => f.code))].join(" "),
  zh: findings.map((f) => f.message_zh).join("；"),
  en: findings.map((f) => f.message_en).join("; "),
});

/**
 * `yulin import`: loads an existing register from CSV files (数据整合) as ledger entries of kind
 * `migrated`. Every row is checked; bad rows go to the error report with their row number and a
 * reason in Chinese and English, good rows load. Each batch commits its entries, its rejections
 * and the file's progress together, so a run killed at any point resumes where it stopped and
 * never loads a row twice. The run is identified by the files' SM3 digests.
 */
export function createImporter(deps: ImporterDeps) {
  const { db, pii } = deps;

  async function run(ctx: RequestContext, options: ImportOptions): Promise<ImportReport> {
    const started = Date.now();
    const batchSize = options.batchSize ?? 2000;
    const signEvery = options.signEvery ?? 10;
    const present = IMPORT_FILES.filter((f) => fs.existsSync(path.join(options.dir, `${f}.csv`)));
    if (present.length === 0)
      throw new Error(`no import files (${IMPORT_FILES.join(", ")}.csv) in ${options.dir}`);
    const digests = await Promise.all(present.map((f) => digestOf(path.join(options.dir, `${f}.csv`))));
    const files = present.map((file, i) => ({ file, digest: digests[i]! }));
    const importId = crypto.createHash("sm3").update(JSON.stringify(files)).digest("hex");
    const runRow: ImportRun = await openRun(db, importId, files);
    const reportFile = path.join(options.dir, `import-errors-${importId.slice(0, 12)}.csv`);
    const summary: ImportReport["files"] = [];
    let rowsThisRun = 0;

    if (!runRow.finishedAt) {
      await writeAudit(db, ctx, {
        action: "register.import.start",
        outcome: "success",
        targetType: "import",
        targetId: importId,
        details: { files: files.map((f) => f.file), resumed: runRow.resumed },
      });
      let batches = 0;
      let analyzeAt = 5000;
      for (const file of present) {
        const progress = await loadProgress(db, importId, file);
        const source = (row: number) => ({ file: `${file}.csv`, row, run: importId.slice(0, 12) });
        const ctxRow: RowContext = { pii, source };
        let header: string[] | undefined;
        let batch: Array<{ row: number; fields: Fields }> = [];
        const state = { ...progress };

        // Pipelined: the next batch is parsed (and its IDs sealed) while the database writes the
        // previous one. Commits stay strictly in order, one transaction per batch.
        let inflight: Promise<void> = Promise.resolve();
        const flush = async () => {
          if (batch.length === 0) return;
          const rows = batch;
          batch = [];
          const prepared = await prepareBatch(importId, file, rows, ctxRow);
          await inflight;
          // One connection for the batch: its transaction, and COPY on the same session.
          const commit =
            options.bulk === false
              ? inTransaction(db, (tx) => commitBatch(tx, undefined, importId, file, prepared, state))
              : bulkSessionOf(db)((conn) =>
                  inTransaction(conn.db, (tx) => commitBatch(tx, conn.copy, importId, file, prepared, state)),
                );
          inflight = commit.then(async () => {
            batches += 1;
            rowsThisRun += rows.length;
            options.onProgress?.({ file, ...state });
            if (batches % signEvery === 0) await deps.signHead("import");
            // Fresh statistics as the tables grow: planned on the stats of an almost empty
            // table, the batch lookups (IN lists on the primary key) degrade to range scans.
            if (rowsThisRun >= analyzeAt) {
              analyzeAt = rowsThisRun * 2;
              await analyzeRegisterTables(db);
            }
          });
          // A failed commit is rethrown by the next `await inflight`; this only keeps it from being "unhandled".
          inflight.catch(() => undefined);
        };

        for await (const record of readCsv(path.join(options.dir, `${file}.csv`))) {
          if (!header) {
            header = record.fields.map((h) => h.trim().toLowerCase());
            const missing = COLUMNS[file].required.filter((c) => !header!.includes(c));
            if (missing.length > 0) {
              if (state.rowsDone === 0)
                await inTransaction(db, async (tx) => {
                  const reason = joinFindings([
                    {
                      code: "IMPORT.COLUMNS",
                      severity: "block",
                      message_zh: `缺少必需的列：${missing.join(", ")}，整个文件未导入`,
                      message_en: `Missing required columns: ${missing.join(", ")}; the file was not loaded`,
                    },
                  ]);
                  await insertRejections(tx, importId, file, [{ row: 1, key: null, ...reason }]);
                  state.rowsDone = 1;
                  state.rejected += 1;
                  await saveProgress(tx, importId, file, state);
                });
              break;
            }
            continue;
          }
          if (record.row <= state.rowsDone) continue;
          batch.push({
            row: record.row,
            fields: Object.fromEntries(header.map((h, i) => [h, record.fields[i] ?? ""])),
          });
          if (batch.length >= batchSize) await flush();
        }
        await flush();
        await inflight;
        await deps.signHead("import");
        summary.push({ file, rows: state.rowsDone, loaded: state.loaded, rejected: state.rejected });
      }
      await inTransaction(db, async (tx) => {
        await markFinished(tx, importId);
        await writeAudit(tx, ctx, {
          action: "register.import.finish",
          outcome: "success",
          targetType: "import",
          targetId: importId,
          details: { files: summary },
        });
      });
    } else {
      for (const file of present) {
        const p = await loadProgress(db, importId, file);
        summary.push({ file, rows: p.rowsDone, loaded: p.loaded, rejected: p.rejected });
      }
    }
    await writeReport(importId, reportFile);
    return {
      importId,
      rowsThisRun,
      resumed: runRow.resumed,
      alreadyDone: runRow.finishedAt !== null,
      files: summary,
      reportFile,
      seconds: (Date.now() - started) / 1000,
    };
  }

  type Prepared = {
    rows: Array<{ row: number; fields: Fields }>;
    rejections: Rejection[];
    staged: StagedHolder[];
    parsedRows: Array<{ row: number; parsed: ParsedRow }>;
  };

  /** Parses and checks a batch's rows (CPU work, outside the transaction). */
  async function prepareBatch(
    importId: string,
    file: ImportFile,
    rows: Array<{ row: number; fields: Fields }>,
    ctx: RowContext,
  ): Promise<Prepared> {
    const prepared: Prepared = { rows, rejections: [], staged: [], parsedRows: [] };
    if (file === "holders") {
      for (const { row, fields } of rows) {
        const parsed = parseHolderRow(fields, row, ctx);
        if (parsed.ok) prepared.staged.push(parsed.value);
        else prepared.rejections.push({ row, key: parsed.key || null, findings: parsed.findings });
      }
      return prepared;
    }
    let holdersByRef = new Map<string, HolderFacts[]>();
    if (file === "rights") {
      const refs = rows.map((r) => (r.fields.right_ref ?? "").trim()).filter(Boolean);
      holdersByRef = await takeStagedHolders(db, importId, refs);
    }
    for (const { row, fields } of rows) {
      const parsed =
        file === "parcels"
          ? parseParcelRow(fields, row, ctx)
          : file === "buildings"
            ? parseBuildingRow(fields, row, ctx)
            : file === "units"
              ? parseUnitRow(fields, row, ctx)
              : file === "rights"
                ? parseRightRow(fields, row, ctx, holdersByRef.get((fields.right_ref ?? "").trim()) ?? [])
                : parseRestrictionRow(fields, row, ctx);
      if (parsed.ok) prepared.parsedRows.push({ row, parsed: parsed.value });
      else prepared.rejections.push({ row, key: parsed.key || null, findings: parsed.findings });
    }
    return prepared;
  }

  /** One transaction: the batch's entries (or staged holders), its rejections and the file's progress. */
  async function commitBatch(
    tx: Tx,
    copy: CopyRows | undefined,
    importId: string,
    file: ImportFile,
    prepared: Prepared,
    state: { rowsDone: number; loaded: number; rejected: number },
  ) {
    const rejections = [...prepared.rejections];
    let loaded = 0;
    if (file === "holders") {
      await insertStagedHolders(tx, importId, prepared.staged, copy);
      loaded = prepared.staged.length;
    } else {
      const { parsedRows } = prepared;
      const result = await appendEntries(
        tx,
        parsedRows.map((p) => p.parsed.draft),
        {
          now: deps.now(),
          skipInvalid: true,
          receipt: false,
          ...(copy ? { copy, sealedByCaller: true } : {}),
        },
      );
      if (copy) await sealEntries(tx, result.entries, copy);
      const refused = new Set(result.rejected.map((r) => r.index));
      for (const r of result.rejected) {
        const p = parsedRows[r.index]!;
        rejections.push({ row: p.row, key: p.parsed.key, findings: r.findings });
      }
      const accepted = parsedRows.filter((_, i) => !refused.has(i)).map((p) => p.parsed);
      await reserveNumbers(
        tx,
        accepted.flatMap((p) => p.reserve),
      );
      await upsertZones(
        tx,
        accepted.flatMap((p) => (p.zone ? [p.zone] : [])),
      );
      loaded = result.entries.length;
    }
    await insertRejections(
      tx,
      importId,
      file,
      rejections.map((r) => ({ row: r.row, key: r.key, ...joinFindings(r.findings) })),
    );
    // The counters change only once the transaction's work is done (a retried one starts again).
    const next = {
      rowsDone: prepared.rows[prepared.rows.length - 1]!.row,
      loaded: state.loaded + loaded,
      rejected: state.rejected + rejections.length,
    };
    await saveProgress(tx, importId, file, next);
    Object.assign(state, next);
  }

  /** The error report: one line per rejected row, with the reason in Chinese and in English. */
  async function writeReport(importId: string, file: string) {
    const rows = await listRejections(db, importId);
    const out = fs.createWriteStream(file, { encoding: "utf8" });
    out.write(`\ufeff${csvLine(["file", "row", "key", "codes", "reason_zh", "reason_en"])}`);
    for (const r of rows)
      out.write(csvLine([`${r.file}.csv`, r.row_number, r.record_key, r.codes, r.reason_zh, r.reason_en]));
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  return { run };
}
