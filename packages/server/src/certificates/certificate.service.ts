import crypto from "node:crypto";
import {
  type Action,
  type CertificateData,
  type CertificateKind,
  type CertificationFields,
  certificateDataSm3,
  type ElectronicLicence,
  electronicLicence,
  type IsoDate,
  isIsoDate,
  type LedgerReceipt,
  type ReplacementReason,
  type SealMessage,
  splitSealedPdf,
  type TitleFields,
  type VoidReason,
  validateCertificateData,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { type CertificateAccess, canOnCertificate, loadAccess } from "./certificate.access";
import { type CertificateView, presentCertificate } from "./certificate.presenter";
import type { CertificatePlans } from "./certificate.renderer";
import {
  type CertificateRow,
  findCertificate,
  insertCertificate,
  insertRecipients,
  listCaseCertificates,
  listCurrentOnUnit,
  listForRecipient,
  listRecipients,
  readFile,
  setRegisterSeq,
  setVoid,
} from "./certificate.repository";
import type { CertificateSealing } from "./certificate.sealing";
import { allocateNumber } from "./certificate-number.repository";
import { recordReplacement } from "./certificate-register";
import type { OfficeDirectory } from "./offices.port";

export type Recipient = {
  role: "holder" | "mortgagee";
  accountId?: string | null;
  institutionId?: string | null;
};

/** What the registering transaction passes for each certificate it issues. */
export type PrepareCertificateInput = {
  office: string;
  /** 登簿 date (China time); its year is the number's year. */
  registeredOn: IsoDate;
  caseId?: string | null;
  /** `register_entries.seq` of the entry that recorded the right: the QR page proves its inclusion. */
  registerSeq?: number | null;
  content:
    | { kind: "certificate"; title: TitleFields }
    | { kind: "certification"; certification: CertificationFields };
  notes?: string[];
  plans?: CertificatePlans;
  recipients: Recipient[];
  /**
   * 补发/换发 of a certificate the registry holds no e-certificate of (paper, from before): the
   * new one is marked as replacing `replacesNumber`, the number the register holds.
   */
  replacement?: { replacesNumber: string; reason: ReplacementReason } | null;
};

export type PreparedCertificate = { id: string; number: string; kind: CertificateKind; verifyUrl: string };

export type ReplaceInput = {
  reason: ReplacementReason;
  /** 遗失声明: required for a lost certificate (补发), published on or before today. */
  announcement?: { publishedOn: IsoDate; reference: string } | null;
  caseId?: string | null;
};

/** The new certificate, and the register entry that recorded its number (null if none was written). */
export type ReplacedCertificate = PreparedCertificate & {
  entrySeq: number | null;
  /** The register's signed receipt for that entry. */
  receipt?: LedgerReceipt | undefined;
};

function requireAnnouncement(input: ReplaceInput, today: IsoDate): void {
  if (input.reason !== "lost") return;
  const a = input.announcement;
  if (!a || !isIsoDate(a.publishedOn) || a.publishedOn > today || a.reference.trim() === "")
    throw new AppError("CERTIFICATE.ANNOUNCEMENT_REQUIRED");
}

/** Days in China (UTC+8, no daylight saving) for dates printed on certificates. */
export const chinaToday = (now: Date): IsoDate =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function createCertificateService(deps: {
  db: Database;
  sealing: CertificateSealing;
  publicUrl: string;
  now: () => Date;
  offices: OfficeDirectory;
}) {
  const { db, now } = deps;
  const verifyUrl = (token: string) => `${deps.publicUrl}/verify/${token}`;

  async function insertPrepared(
    tx: Tx,
    ctx: RequestContext,
    input: {
      data: CertificateData;
      office: string;
      allocated: { scopeCode: string; year: number; sequence: number };
      caseId: string | null;
      registerSeq: number | null;
      plans: CertificatePlans;
      recipients: Recipient[];
      replacesId?: string;
    },
  ): Promise<PreparedCertificate> {
    const valid = validateCertificateData(input.data);
    if (!valid.ok) throw new AppError("CERTIFICATE.INVALID", { findings: valid.error });
    const token = crypto.randomBytes(16).toString("base64url");
    const unitCode =
      input.data.kind === "certificate" ? input.data.title.unitCode : input.data.certification.unitCode;
    const id = await insertCertificate(tx, {
      number: input.data.number,
      kind: input.data.kind,
      office: input.office,
      scope_code: input.allocated.scopeCode,
      year: input.allocated.year,
      sequence: input.allocated.sequence,
      unit_code: unitCode,
      case_id: input.caseId,
      register_seq: input.registerSeq,
      data: JSON.stringify(input.data),
      data_sm3: certificateDataSm3(input.data),
      plans: JSON.stringify(input.plans),
      verify_token: token,
      replaces_id: input.replacesId ?? null,
      replacement_reason: input.data.replacement?.reason ?? null,
    });
    await insertRecipients(tx, id, input.recipients);
    await writeAudit(tx, ctx, {
      action: input.replacesId ? "certificate.replace" : "certificate.prepare",
      outcome: "success",
      targetType: "certificate",
      targetId: id,
      jurisdiction: input.office,
      details: { number: input.data.number, kind: input.data.kind, unitCode, caseId: input.caseId },
    });
    return { id, number: input.data.number, kind: input.data.kind, verifyUrl: verifyUrl(token) };
  }

  async function officeName(tx: Tx, office: string): Promise<string> {
    const name = await deps.offices.findName(tx, office);
    if (name === undefined) throw new AppError("OFFICE.UNKNOWN", { office });
    return name;
  }

  async function voidOne(
    tx: Tx,
    ctx: RequestContext,
    row: CertificateRow,
    input: { reason: VoidReason; caseId: string | null; replacedById?: string },
  ): Promise<void> {
    if (row.status !== "current") throw new AppError("CERTIFICATE.NOT_CURRENT", { number: row.number });
    await setVoid(tx, row.id, { ...input, at: now() });
    await writeAudit(tx, ctx, {
      action: "certificate.void",
      outcome: "success",
      targetType: "certificate",
      targetId: row.id,
      jurisdiction: row.office,
      details: { number: row.number, reason: input.reason, caseId: input.caseId },
    });
  }

  /**
   * Not found and forbidden look the same. Checked before any transaction opens, so the denial is
   * audited on its own connection (PGlite has only one); mutations re-read the row locked.
   */
  async function requireAccess(
    ctx: RequestContext,
    id: string,
    actions: Action | Action[],
  ): Promise<CertificateAccess> {
    const wanted = Array.isArray(actions) ? actions : [actions];
    const access = await loadAccess(db, id);
    if (!access || !wanted.some((action) => canOnCertificate(ctx.actor, action, access))) {
      await writeAudit(db, ctx, {
        action: wanted[0]!,
        outcome: "denied",
        targetType: "certificate",
        targetId: id,
        jurisdiction: access?.certificate.office ?? null,
      });
      throw new AppError("AUTH.FORBIDDEN");
    }
    return access;
  }

  /**
   * 补发/换发 inside the caller's transaction: a new certificate with a new number, marked on its
   * face; the old one becomes `replaced` (R26). The register records the new number in the same
   * transaction (see `recordReplacement`) and the new certificate links to that entry, so its QR
   * page proves it. `{unitCode, number}` picks the unit's current title of that number and answers
   * null when there is none (a paper certificate from before the e-certificate, for example).
   */
  async function replaceInTx(
    tx: Tx,
    ctx: RequestContext,
    target: { id: string } | { unitCode: string; number: string },
    input: ReplaceInput & { now?: Date },
  ): Promise<ReplacedCertificate | null> {
    const at = input.now ?? now();
    const today = chinaToday(at);
    requireAnnouncement(input, today);
    const old = await findCertificate(tx, "id" in target ? { id: target.id } : { number: target.number }, {
      lock: true,
    });
    if (!old) {
      if ("id" in target) throw new AppError("AUTH.FORBIDDEN");
      return null;
    }
    if ("unitCode" in target && (old.unit_code !== target.unitCode || old.kind !== "certificate"))
      return null;
    if (old.status !== "current") {
      if ("id" in target) throw new AppError("CERTIFICATE.NOT_CURRENT", { number: old.number });
      return null;
    }
    const allocated = await allocateNumber(tx, {
      office: old.office,
      year: Number(today.slice(0, 4)),
      kind: old.kind,
    });
    const notes = [...old.data.notes.filter((n) => !n.startsWith("遗失声明"))];
    if (input.reason === "lost" && input.announcement)
      notes.push(`遗失声明：${input.announcement.reference}（${input.announcement.publishedOn}刊登）`);
    const data: CertificateData = {
      ...old.data,
      number: allocated.number,
      registeredOn: today,
      notes,
      replacement: { replacesNumber: old.number, reason: input.reason },
    };
    const recorded = await recordReplacement(tx, old, allocated.number, input.reason, at);
    const entrySeq = recorded?.seq ?? null;
    const recipients = (await listRecipients(tx, old.id)).map((r) => ({
      role: r.role,
      accountId: r.account_id,
      institutionId: r.institution_id,
    }));
    const prepared = await insertPrepared(tx, ctx, {
      data,
      office: old.office,
      allocated,
      caseId: input.caseId ?? old.case_id,
      // The entry that recorded the new number; without one, the entry behind the old certificate.
      registerSeq: entrySeq ?? old.register_seq,
      plans: (old.plans ?? {}) as CertificatePlans,
      recipients,
      replacesId: old.id,
    });
    await voidOne(tx, ctx, old, {
      reason: "replacement",
      caseId: input.caseId ?? null,
      replacedById: prepared.id,
    });
    return { ...prepared, entrySeq, receipt: recorded?.receipt };
  }

  return {
    /**
     * Called by the registering transaction (登簿), inside it: allocates the number (gapless,
     * rolled back with the case), stores the certificate data and its recipients, and leaves the
     * PDF to the sealing worker, off the transaction's critical path. Call `sealing.wake()` after
     * the commit so the holder has the PDF within about a second.
     */
    async prepareInTx(
      tx: Tx,
      ctx: RequestContext,
      input: PrepareCertificateInput,
    ): Promise<PreparedCertificate> {
      if (!isIsoDate(input.registeredOn))
        throw new AppError("CERTIFICATE.INVALID", { registeredOn: input.registeredOn });
      const kind = input.content.kind;
      const office = { code: input.office, name: await officeName(tx, input.office) };
      // Last read before the number: the series row stays locked until the registration commits.
      const allocated = await allocateNumber(tx, {
        office: input.office,
        year: Number(input.registeredOn.slice(0, 4)),
        kind,
      });
      const common = {
        v: 1 as const,
        number: allocated.number,
        office,
        registeredOn: input.registeredOn,
        notes: input.notes ?? [],
        replacement: input.replacement ?? null,
      };
      const data: CertificateData =
        input.content.kind === "certificate"
          ? { ...common, kind: "certificate", title: input.content.title }
          : { ...common, kind: "certification", certification: input.content.certification };
      return insertPrepared(tx, ctx, {
        data,
        office: input.office,
        allocated,
        caseId: input.caseId ?? null,
        registerSeq: input.registerSeq ?? null,
        plans: input.plans ?? {},
        recipients: input.recipients,
      });
    },

    /**
     * R26, inside the registering transaction: a transfer, change, correction or cancellation voids
     * the unit's current certificates (of `kind`, or the listed ones). Returns the voided numbers.
     */
    async voidInTx(
      tx: Tx,
      ctx: RequestContext,
      input: {
        reason: Exclude<VoidReason, "replacement">;
        caseId?: string | null;
        unitCode?: string;
        kind?: CertificateKind;
        certificateIds?: string[];
      },
    ): Promise<string[]> {
      const rows = input.unitCode
        ? await listCurrentOnUnit(tx, input.unitCode, input.kind)
        : await Promise.all(
            (input.certificateIds ?? []).map(async (id) => {
              const row = await findCertificate(tx, { id }, { lock: true });
              if (!row) throw new AppError("AUTH.FORBIDDEN");
              return row;
            }),
          );
      for (const row of rows)
        await voidOne(tx, ctx, row, { reason: input.reason, caseId: input.caseId ?? null });
      return rows.map((r) => r.number);
    },

    /**
     * Inside the registering transaction, once the register entry is appended: links the
     * certificate to the entry (its number is already in the entry), so the QR page can prove it.
     */
    async linkEntryInTx(tx: Tx, certificateId: string, registerSeq: number): Promise<void> {
      await setRegisterSeq(tx, certificateId, registerSeq);
    },

    /** The certificates a case produced (the case page checks access to the case). */
    listOfCase: (caseId: string) => listCaseCertificates(db, caseId),

    /** One certificate with what the caller may do next. */
    async getCertificate(ctx: RequestContext, id: string): Promise<CertificateView> {
      const access = await requireAccess(ctx, id, ["certificate.read", "certificate.download"]);
      return presentCertificate(access, ctx.actor, verifyUrl(access.certificate.verify_token));
    },

    /** The caller's own certificates (holder) or its institution's (mortgagee bank). */
    async listMine(ctx: RequestContext): Promise<CertificateView[]> {
      if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const rows = await listForRecipient(db, {
        accountId: ctx.actor.accountId,
        institutionId: ctx.actor.institutionId,
      });
      const views: CertificateView[] = [];
      for (const row of rows) {
        const recipients = await listRecipients(db, row.id);
        views.push(
          presentCertificate(
            { certificate: row, recipients, prints: [] },
            ctx.actor,
            verifyUrl(row.verify_token),
          ),
        );
      }
      return views;
    },

    /** The sealed PDF (rendered now if the worker has not got to it yet). Audited. */
    async downloadPdf(ctx: RequestContext, id: string): Promise<{ number: string; bytes: Buffer }> {
      const access = await requireAccess(ctx, id, "certificate.download");
      const fileSm3 = await deps.sealing.ensureSealed(id);
      const bytes = await readFile(db, fileSm3);
      if (!bytes) throw new AppError("CERTIFICATE.RENDER_FAILED");
      await writeAudit(db, ctx, {
        action: "certificate.download",
        outcome: "success",
        targetType: "certificate",
        targetId: id,
        jurisdiction: access.certificate.office,
        details: { number: access.certificate.number, fileSm3 },
      });
      return { number: access.certificate.number, bytes };
    },

    /** The 电子证照 JSON with its seal, for departments and the holder's apps. Audited. */
    async electronicLicence(ctx: RequestContext, id: string): Promise<ElectronicLicence> {
      const access = await requireAccess(ctx, id, ["certificate.read", "certificate.download"]);
      const fileSm3 = await deps.sealing.ensureSealed(id);
      const bytes = await readFile(db, fileSm3);
      const parts = bytes ? splitSealedPdf(new Uint8Array(bytes)) : undefined;
      if (!parts) throw new AppError("CERTIFICATE.RENDER_FAILED");
      const message = JSON.parse(parts.messageText) as SealMessage;
      await writeAudit(db, ctx, {
        action: "certificate.licence",
        outcome: "success",
        targetType: "certificate",
        targetId: id,
        jurisdiction: access.certificate.office,
        details: { number: access.certificate.number },
      });
      return electronicLicence(message.certificate, {
        publicKeyHex: message.publicKey,
        pdfSm3: message.pdfSm3,
        messageText: parts.messageText,
        signatureHex: parts.signatureHex,
      });
    },

    replaceInTx,

    /**
     * 补发 (lost, after the registry published the 作废声明) or 换发 (damaged) by a registrar: see
     * `replaceInTx`, in a transaction of its own; the PDF is sealed after the commit.
     */
    async replace(ctx: RequestContext, id: string, input: ReplaceInput): Promise<ReplacedCertificate> {
      requireAnnouncement(input, chinaToday(now()));
      await requireAccess(ctx, id, "certificate.replace");
      const replaced = await inTransaction(db, (tx) => replaceInTx(tx, ctx, { id }, input));
      deps.sealing.wake();
      return replaced!;
    },

    /** Voids one certificate outside a registration (注销 of the right, 撤销 of the registration). */
    async voidCertificate(
      ctx: RequestContext,
      id: string,
      input: { reason: Exclude<VoidReason, "replacement">; caseId?: string | null },
    ): Promise<void> {
      await requireAccess(ctx, id, "certificate.void");
      await inTransaction(db, async (tx) => {
        const row = (await findCertificate(tx, { id }, { lock: true }))!;
        await voidOne(tx, ctx, row, { reason: input.reason, caseId: input.caseId ?? null });
      });
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
