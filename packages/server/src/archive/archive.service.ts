import fs from "node:fs";
import path from "node:path";
import { ARCHIVE_CATEGORIES, archiveCategoryOf, mayDestroy } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import type { ArchivePorts } from "./archive.ports";
import {
  findRecord,
  findRecordOfCase,
  insertEvent,
  insertRecord,
  listEvents,
  listLoans,
  listRecords,
  nextArchiveSerial,
  type RecordRow,
  statistics,
  updateRecord,
} from "./archive.repository";
import { authorizeArchive, scopesOf } from "./archive-access";
import { MANIFEST, type Manifest, type PackageFile, writePackage } from "./archive-package";
import { casePackageFiles } from "./case-package";
import { type CheckReport, checkPackage } from "./four-properties";

/** Stages after which a case's file is complete: issued, or closed without registration. */
const TRANSFERABLE = [
  "issued",
  "certified",
  "registered",
  "not-accepted",
  "refused",
  "withdrawn",
  "archived",
];

export type ArchiveDeps = { db: Database; ports: ArchivePorts; archiveDir: string; now: () => Date };

export function presentRecord(r: RecordRow) {
  return {
    archiveNo: r.archive_no,
    kind: r.kind,
    caseId: r.case_id,
    jurisdiction: r.jurisdiction,
    unitCode: r.unit_code,
    title: r.title,
    category: r.category,
    retention: r.retention,
    year: r.year,
    status: r.status,
    files: r.files,
    bytes: Number(r.bytes),
    manifestSm3: r.manifest_sm3,
    transferredAt: new Date(r.transferred_at).toISOString(),
    signedOffAt: r.signed_off_at ? new Date(r.signed_off_at).toISOString() : null,
    checkOk: r.check_ok,
    lastCheckAt: r.last_check_at ? new Date(r.last_check_at).toISOString() : null,
  };
}

/**
 * 电子档案: a finished case becomes one signed, self-describing package (移交), checked for the
 * four properties on ingest; the archivist signs it off (接收), checks it on demand, lends it
 * (archive-loans.service.ts), and destroys only what the retention rules allow.
 */
export function createArchiveService(deps: ArchiveDeps) {
  const { db, ports, now } = deps;

  async function check(
    row: Pick<RecordRow, "package_dir" | "manifest_sm3" | "kind">,
    trusted?: readonly string[],
  ): Promise<CheckReport> {
    const report = checkPackage(
      path.join(deps.archiveDir, row.package_dir),
      { manifestSm3: row.manifest_sm3, trustedPublicKeys: trusted ?? (await ports.trustedPublicKeys()) },
      now(),
    );
    if (row.kind === "legacy")
      report.failures = report.failures.filter((f) => !f.problem.endsWith(" section"));
    report.ok = report.failures.length === 0;
    return report;
  }

  /**
   * Writes, checks and records one package. A package failing its ingest check is removed and
   * nothing is recorded (ARCHIVE.CHECK_FAILED): nothing is archived half.
   */
  async function ingest(
    ctx: RequestContext,
    meta: Omit<Manifest, "files" | "format" | "signer" | "archiveNo" | "createdAt" | "fonds">,
    files: PackageFile[],
    kind: "case" | "legacy",
    archiveNo?: string,
  ) {
    // Read before the transaction: the embedded database has one connection.
    const trusted = await ports.trustedPublicKeys();
    return inTransaction(db, async (tx) => {
      const serial = await nextArchiveSerial(tx, meta.jurisdiction, meta.year);
      const no =
        archiveNo ??
        `${meta.jurisdiction}-${meta.year}-${kind === "case" ? "DJ" : "LS"}-${String(serial).padStart(6, "0")}`;
      const dir = `${meta.jurisdiction}/${meta.year}/${no}`;
      const full = path.join(deps.archiveDir, dir);
      if (fs.existsSync(full)) throw new AppError("ARCHIVE.ALREADY_TRANSFERRED", { archiveNo: no });
      const at = now();
      const written = writePackage(
        full,
        { ...meta, archiveNo: no, fonds: `BDC-${meta.jurisdiction}`, createdAt: at.toISOString() },
        files,
        ports.seal,
      );
      const report = await check({ package_dir: dir, manifest_sm3: written.manifestSm3, kind }, trusted);
      if (!report.ok) {
        fs.rmSync(full, { recursive: true, force: true });
        throw new AppError("ARCHIVE.CHECK_FAILED", { failures: report.failures });
      }
      try {
        await insertRecord(tx, {
          archive_no: no,
          kind,
          case_id: meta.caseId,
          jurisdiction: meta.jurisdiction,
          unit_code: meta.unitCode,
          title: meta.title,
          category: meta.category,
          retention: meta.retention as "permanent",
          year: meta.year,
          status: "transferred",
          package_dir: dir,
          manifest_sm3: written.manifestSm3,
          signature: written.signature,
          public_key: ports.seal.publicKeyHex,
          files: written.files,
          bytes: written.bytes,
          transferred_by: ctx.actor?.accountId ?? null,
          transferred_at: at,
          check_ok: true,
          last_check: JSON.stringify(report),
          last_check_at: at,
        });
        await insertEvent(tx, {
          archiveNo: no,
          action: "transfer",
          actorId: ctx.actor?.accountId ?? null,
          at,
          details: { files: written.files, check: "passed" },
        });
        await writeAudit(tx, ctx, {
          action: "archive.transfer",
          outcome: "success",
          targetType: "archive",
          targetId: no,
          jurisdiction: meta.jurisdiction,
          details: { caseId: meta.caseId, manifestSm3: written.manifestSm3 },
        });
      } catch (error) {
        fs.rmSync(full, { recursive: true, force: true });
        throw error;
      }
      return { archiveNo: no, check: report };
    });
  }

  async function requireRecord(
    ctx: RequestContext,
    archiveNo: string,
    action: "archive.manage" | "archive.borrow" | "archive.transfer",
  ) {
    const row = await findRecord(db, archiveNo);
    await authorizeArchive(db, ctx, action, { jurisdiction: row?.jurisdiction, id: archiveNo });
    return row!;
  }

  return {
    ingest,
    requireRecord,
    /** 移交: the case office hands a finished case to the archive as a signed package. */
    async transferCase(ctx: RequestContext, caseId: string) {
      const dossier = await ports.dossier(caseId);
      await authorizeArchive(db, ctx, "archive.transfer", {
        jurisdiction: dossier?.jurisdiction,
        id: caseId,
      });
      const d = dossier!;
      if (!TRANSFERABLE.includes(d.stage)) throw new AppError("ARCHIVE.CASE_NOT_READY", { stage: d.stage });
      const existing = await findRecordOfCase(db, caseId);
      if (existing) throw new AppError("ARCHIVE.ALREADY_TRANSFERRED", { archiveNo: existing.archive_no });
      const category = archiveCategoryOf({ recordedEntries: d.entrySeqs.length });
      const files = await casePackageFiles(ports, d);
      const year = Number((d.registeredAt ?? now().toISOString()).slice(0, 4));
      return ingest(
        ctx,
        {
          title: `${d.typeId} ${d.unitCode} (${d.caseId})`,
          category,
          retention: ARCHIVE_CATEGORIES[category].retention,
          year,
          jurisdiction: d.jurisdiction,
          unitCode: d.unitCode,
          caseId: d.caseId,
        },
        files,
        "case",
      );
    },

    /** 接收签收: the archivist checks the package again and signs it off; the case is 归档. */
    async signOff(ctx: RequestContext, archiveNo: string) {
      const row = await requireRecord(ctx, archiveNo, "archive.manage");
      if (row.status !== "transferred") throw new AppError("ARCHIVE.WRONG_STATUS", { status: row.status });
      const report = await check(row);
      if (!report.ok) throw new AppError("ARCHIVE.CHECK_FAILED", { failures: report.failures });
      // The case's own stage first: a sign-off that fails after it is simply repeated.
      if (row.case_id) await ports.archiveCase(ctx, row.case_id);
      const at = now();
      await inTransaction(db, async (tx) => {
        await updateRecord(tx, archiveNo, {
          status: "archived",
          signed_off_by: ctx.actor!.accountId,
          signed_off_at: at,
          check_ok: true,
          last_check: JSON.stringify(report),
          last_check_at: at,
        });
        await insertEvent(tx, { archiveNo, action: "sign-off", actorId: ctx.actor!.accountId, at });
        await writeAudit(tx, ctx, {
          action: "archive.sign-off",
          outcome: "success",
          targetType: "archive",
          targetId: archiveNo,
          jurisdiction: row.jurisdiction,
        });
      });
      return presentRecord((await findRecord(db, archiveNo))!);
    },

    /** 四性检测 on demand: records the outcome and names every failing file. */
    async checkRecord(ctx: RequestContext, archiveNo: string) {
      const row = await requireRecord(ctx, archiveNo, "archive.manage");
      if (row.status === "destroyed") throw new AppError("ARCHIVE.WRONG_STATUS", { status: row.status });
      const report = await check(row);
      const at = now();
      await inTransaction(db, async (tx) => {
        await updateRecord(tx, archiveNo, {
          check_ok: report.ok,
          last_check: JSON.stringify(report),
          last_check_at: at,
        });
        await insertEvent(tx, {
          archiveNo,
          action: "check",
          actorId: ctx.actor!.accountId,
          at,
          details: { ok: report.ok, failures: report.failures },
        });
        await writeAudit(tx, ctx, {
          action: "archive.check",
          outcome: report.ok ? "success" : "failed",
          targetType: "archive",
          targetId: archiveNo,
          jurisdiction: row.jurisdiction,
          details: { failures: report.failures.length },
        });
      });
      return report;
    },

    /** 鉴定销毁: only where the retention rules allow it; never register records. */
    async destroy(ctx: RequestContext, archiveNo: string, reason: string) {
      const row = await requireRecord(ctx, archiveNo, "archive.manage");
      if (row.status !== "archived") throw new AppError("ARCHIVE.WRONG_STATUS", { status: row.status });
      const decision = mayDestroy(row, now().toISOString().slice(0, 10));
      if (!decision.allowed) {
        await writeAudit(db, ctx, {
          action: "archive.destroy",
          outcome: "denied",
          targetType: "archive",
          targetId: archiveNo,
          jurisdiction: row.jurisdiction,
          details: { reason: decision.reason_en },
        });
        throw new AppError("ARCHIVE.DESTRUCTION_NOT_ALLOWED", {
          reason_zh: decision.reason_zh,
          reason_en: decision.reason_en,
        });
      }
      const at = now();
      await inTransaction(db, async (tx) => {
        await updateRecord(tx, archiveNo, {
          status: "destroyed",
          destroyed_by: ctx.actor!.accountId,
          destroyed_at: at,
          destroy_reason: reason,
        });
        await insertEvent(tx, {
          archiveNo,
          action: "destroy",
          actorId: ctx.actor!.accountId,
          at,
          details: { reason },
        });
        await writeAudit(tx, ctx, {
          action: "archive.destroy",
          outcome: "success",
          targetType: "archive",
          targetId: archiveNo,
          jurisdiction: row.jurisdiction,
        });
      });
      fs.rmSync(path.join(deps.archiveDir, row.package_dir), { recursive: true, force: true });
    },

    async list(
      ctx: RequestContext,
      filter: { status?: RecordRow["status"]; unitCode?: string; limit?: number },
    ) {
      const scopes = scopesOf(ctx);
      if (scopes.length === 0) throw new AppError("AUTH.FORBIDDEN");
      const rows = await listRecords(db, { jurisdictions: scopes, limit: filter.limit ?? 100, ...filter });
      return rows.map(presentRecord);
    },

    async get(ctx: RequestContext, archiveNo: string) {
      const row = await requireRecord(ctx, archiveNo, "archive.borrow");
      const manifest = JSON.parse(
        fs.readFileSync(path.join(deps.archiveDir, row.package_dir, MANIFEST), "utf8"),
      ) as Manifest;
      return {
        ...presentRecord(row),
        lastCheck: row.last_check,
        manifest: {
          files: manifest.files.map(({ path: p, role, title, mediaType, size, sm3 }) => ({
            path: p,
            role,
            title,
            mediaType,
            size,
            sm3,
          })),
        },
        loans: (await listLoans(db, archiveNo)).map((l) => ({
          id: Number(l.id),
          borrowerId: l.borrower_id,
          purpose: l.purpose,
          status: l.status,
          requestedAt: new Date(l.requested_at).toISOString(),
          dueOn: l.due_on,
          returnedAt: l.returned_at ? new Date(l.returned_at).toISOString() : null,
        })),
        events: (await listEvents(db, archiveNo)).map((e) => ({
          action: e.action,
          actorId: e.actor_id,
          at: new Date(e.at).toISOString(),
          details: e.details,
        })),
      };
    },

    /** The package's folder, for export and for the checks of independent tools. */
    async packagePath(ctx: RequestContext, archiveNo: string) {
      const row = await requireRecord(ctx, archiveNo, "archive.manage");
      return path.join(deps.archiveDir, row.package_dir);
    },

    async statistics(ctx: RequestContext) {
      const scopes = scopesOf(ctx);
      if (scopes.length === 0) throw new AppError("AUTH.FORBIDDEN");
      return statistics(db, scopes);
    },
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
