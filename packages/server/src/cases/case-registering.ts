import {
  applyToSlice,
  blocking,
  type CaseDraft,
  type HolidayCalendar,
  isTransferCase,
  type LedgerReceipt,
  type OfficeSettings,
  type PartPlan,
  type Plan,
  planPart,
  REPLACEMENT_MARKS,
  type ReplacementReason,
  type RuleFinding,
  requireBusinessType,
  type UnitSlice,
  withCertificateNumber,
} from "@yulin/domain";
import type { CollateralEvent } from "../integrations/bank/bank.notifications";
import type { RequestContext } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { appendEntries, readForAppend } from "../register/ledger";
import { listBuildingsOfParcel } from "../register/register.repository";
import { isFeePaid, updatePart } from "./case.repository";
import type { CaseBundle } from "./case-bundle";
import { chinaDateOf } from "./case-clock";
import { buildDrafts, evaluateCase, type PartDetails, ruleContext } from "./case-drafts";
import { awaitRepaymentInTx } from "./case-repayments";
import { scheduleEffectsOf } from "./effects.repository";
import { bankMortgagees, banksByKey } from "./mortgagee-banks";
import { loadUnitSlice, lockUnits } from "./unit-state.loader";

/** What the registering transaction needs from the other capabilities (wired in cases.module.ts). */
export type RegisteringPorts = {
  pii: PiiCipher;
  /** R22 (integrations/tax): throws TAX.* unless the tax department confirmed payment or exemption. */
  requireTaxCleared: (tx: Tx, caseRef: string) => Promise<unknown>;
  notifyTaxRegistered: (
    tx: Tx,
    input: { caseRef: string; registeredAt: Date; certificateNo?: string | null },
  ) => Promise<void>;
  /** 1+N (integrations/utilities): the buyer's chosen utility transfers, through the outbox. */
  requestUtilityTransfers: (
    tx: Tx,
    input: {
      caseRef: string;
      unitCode: string;
      jurisdiction: string;
      registeredAt: Date;
      certificateNo: string | null;
      newHolders: Array<{ name: string; idNumber: string }>;
    },
  ) => Promise<number>;
  /** 登簿日志上报 (integrations/national): the registration reported, through the outbox. */
  reportRegistration: (
    tx: Tx,
    input: {
      caseId: string;
      jurisdiction: string;
      unitCode: string;
      typeId: string;
      registeredAt: Date;
      entrySeqs: number[];
    },
  ) => Promise<unknown>;
  /** Collateral events to the mortgagee banks, through the outbox (integrations/bank). */
  notifyBanks: (tx: Tx, event: CollateralEvent) => Promise<number>;
  /**
   * Certificates (certificates/): the number is allocated inside this transaction (gapless), the
   * old title voided (R26), and the certificate linked to the ledger entry that recorded it.
   */
  certificates: {
    prepare: (
      tx: Tx,
      ctx: RequestContext,
      input: {
        office: string;
        registeredOn: string;
        caseId: string;
        registerSeq: number | null;
        content: NonNullable<PartPlan["certificate"]>["content"];
        notes: string[];
        recipients: NonNullable<PartPlan["certificate"]>["recipients"];
        /** 附图页: the parcel plan drawn from the register's geometry. */
        plans: { parcel?: Plan | null };
        /** 补发/换发 of a paper certificate: the number the new one replaces. */
        replacement?: { replacesNumber: string; reason: ReplacementReason } | null;
      },
    ) => Promise<{ id: string; number: string; kind: string }>;
    /**
     * 补发/换发: replaces the unit's current e-certificate of `number` (the one the register holds)
     * and appends the entry recording the new number; null when the registry has no such
     * e-certificate (a paper one), and the part's own plan applies.
     */
    replace: (
      tx: Tx,
      ctx: RequestContext,
      target: { unitCode: string; number: string },
      input: {
        reason: ReplacementReason;
        announcement: { publishedOn: string; reference: string } | null;
        caseId: string;
        now: Date;
      },
    ) => Promise<{
      id: string;
      number: string;
      kind: string;
      entrySeq: number | null;
      receipt?: LedgerReceipt;
    } | null>;
    voidOnUnit: (
      tx: Tx,
      ctx: RequestContext,
      input: {
        reason: "transfer" | "change" | "correction" | "cancellation";
        caseId: string;
        unitCode: string;
        kind: "certificate";
      },
    ) => Promise<string[]>;
    linkEntry: (tx: Tx, certificateId: string, seq: number) => Promise<void>;
  };
};

export type RegisterOutcome =
  | {
      ok: true;
      findings: RuleFinding[];
      entries: number[];
      certificates: Array<{ id: string; number: string; kind: string }>;
      voided: string[];
      /** The register's signed receipts (one per append), handed to the caller. */
      receipts: LedgerReceipt[];
    }
  | { ok: false; findings: RuleFinding[] };

/**
 * Locks the case's units FOR UPDATE in unit-code order (the unit, and an easement's dominant unit)
 * and reads the unit's slice under the lock.
 */
export async function lockCaseUnits(tx: Tx, bundle: CaseBundle): Promise<UnitSlice> {
  const dominant = bundle.parts
    .map((p) => (p.details as PartDetails).easement?.dominantUnitCode)
    .filter((c): c is string => typeof c === "string");
  await lockUnits(tx, [bundle.row.unit_code, ...dominant]);
  const slice = await loadUnitSlice(tx, bundle.row.unit_code);
  if (!slice) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode: bundle.row.unit_code });
  return slice;
}

type Deps = RegisteringPorts & { calendar: HolidayCalendar; office: OfficeSettings; now: Date };
type Issued = { id: string; number: string; kind: string };
type Recorded = {
  slice: UnitSlice;
  seqs: number[];
  certificates: Issued[];
  voided: string[];
  receipt?: LedgerReceipt | undefined;
};

/**
 * 登簿 with the check at commit (ARCHITECTURE "Check at commit"), inside the caller's transaction:
 * lock the affected units in unit-code order and load the unit once; re-run every rule at the
 * `register` stage against it (a combined case part by part, each against the unit as the earlier
 * parts' plans leave it) and refuse on any blocking finding (a seizure that arrived while a transfer
 * was under review wins). Otherwise record each part's plan (domain `planPart`) in the catalogue's
 * order — a combined case all or nothing — with its certificate number, void the old certificates
 * (R26), enqueue the banks' and the tax department's notices and schedule the time-driven effects.
 * Throws only programmer and register errors.
 */
export async function registerInTx(
  tx: Tx,
  ctx: RequestContext,
  bundle: CaseBundle,
  deps: Deps,
  /** The unit as read in this transaction after `lockCaseUnits` (the instant path reads it once). */
  locked?: UnitSlice,
  /**
   * Runs once the check has passed, before the register's and the certificates' serial locks are
   * taken: the case's own writes (stage, timeline, audit) stay out of the serialised section.
   */
  beforeRecord?: (findings: RuleFinding[]) => Promise<void>,
): Promise<RegisterOutcome> {
  const { row } = bundle;
  let slice = locked ?? (await lockCaseUnits(tx, bundle));
  const drafts = await draftsAtCommit(tx, bundle, deps);
  const findings = evaluateCase(
    row,
    drafts,
    slice,
    ruleContext(chinaDateOf(deps.now), deps.calendar, deps.office, "register"),
  );
  if (blocking(findings).length > 0) return { ok: false, findings };
  const banks = await banksByKey(tx, deps.pii);
  await beforeRecord?.(findings);

  const seqs: number[] = [];
  const certificates: Issued[] = [];
  const voided: string[] = [];
  const receipts: LedgerReceipt[] = [];
  for (const [index, part] of bundle.parts.entries()) {
    // Each part is planned against the register as the earlier parts left it.
    const recorded = await recordPart(tx, ctx, bundle, part.part_no, drafts[index]!, slice, deps, banks);
    slice = recorded.slice;
    seqs.push(...recorded.seqs);
    certificates.push(...recorded.certificates);
    voided.push(...recorded.voided);
    if (recorded.receipt) receipts.push(recorded.receipt);
  }
  await awaitRepaymentInTx(tx, bundle, drafts, slice, deps, banks);
  await deps.reportRegistration(tx, {
    caseId: row.id,
    jurisdiction: row.jurisdiction,
    unitCode: row.unit_code,
    typeId: row.type_id,
    registeredAt: deps.now,
    entrySeqs: seqs,
  });
  return { ok: true, findings, entries: seqs, certificates, voided, receipts };
}

/** The parts' drafts as the check at commit reads them: R22 read under the declaration's lock. */
async function draftsAtCommit(tx: Tx, bundle: CaseBundle, deps: Deps): Promise<CaseDraft[]> {
  const types = bundle.parts.map((p) => requireBusinessType(p.type_id));
  let taxCleared = !types.some((t) => t.deedTax);
  if (!taxCleared)
    taxCleared = await deps.requireTaxCleared(tx, bundle.row.id).then(
      () => true,
      (error: unknown) => {
        if (error instanceof AppError && error.code.startsWith("TAX.")) return false;
        throw error;
      },
    );
  const feePaid = await isFeePaid(tx, bundle.row.id);
  return buildDrafts({ ...bundle, caseRow: bundle.row, taxCleared, feePaid });
}

/** Records one part: its plan's entries, certificate, voided titles and notices. */
async function recordPart(
  tx: Tx,
  ctx: RequestContext,
  bundle: CaseBundle,
  partNo: number,
  draft: CaseDraft,
  slice: UnitSlice,
  deps: Deps,
  banks: ReadonlyMap<string, string>,
): Promise<Recorded> {
  const { row } = bundle;
  const planned = planPart(draft, slice, { caseId: row.id, today: chinaDateOf(deps.now) });
  if (!planned.ok)
    throw new AppError("CASE.INVALID", { reason: planned.error[0]?.message_en, findings: planned.error });
  const plan = planned.value;
  const certs = deps.certificates;
  const swap = plan.replacement;
  const notice = swap ? lossNoticeOf(row, swap.reason) : null;
  const replaced = swap?.replaces
    ? await certs.replace(
        tx,
        ctx,
        { unitCode: row.unit_code, number: swap.replaces },
        { reason: swap.reason, announcement: notice, caseId: row.id, now: deps.now },
      )
    : null;
  if (replaced) {
    // The certificates capability recorded the new number itself: read the unit anew.
    const seqs = replaced.entrySeq !== null ? [replaced.entrySeq] : [];
    await updatePart(tx, row.id, partNo, { entry_seqs: JSON.stringify(seqs) });
    const after = await loadUnitSlice(tx, row.unit_code);
    if (!after) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode: row.unit_code });
    const { id, number, kind } = replaced;
    return {
      slice: after,
      seqs,
      certificates: [{ id, number, kind }],
      voided: [],
      receipt: replaced.receipt,
    };
  }
  const voided = plan.voidsCertificate
    ? await certs.voidOnUnit(tx, ctx, {
        reason: plan.voidsCertificate,
        caseId: row.id,
        unitCode: row.unit_code,
        kind: "certificate",
      })
    : [];
  // Every read before the number: from it to the commit the office's series is locked.
  const read = await readForAppend(tx, plan.entries);
  const issued = plan.certificate ? await prepareCertificate(tx, ctx, row, plan, slice, deps, notice) : null;
  const entries = plan.entries.map((e, i) =>
    issued && i === plan.certificate?.entryIndex ? withCertificateNumber(e, issued.number) : e,
  );
  const { entries: appended, receipt } = await appendEntries(tx, entries, { now: deps.now, read });
  const after = applyToSlice(slice, appended);
  if (!after.ok) throw new Error(`the register took entries its own rules refuse: ${after.error[0]?.code}`);
  const seqs = appended.map((e) => e.seq);
  await updatePart(tx, row.id, partNo, { entry_seqs: JSON.stringify(seqs) });
  const seq = plan.certificate ? seqs[plan.certificate.entryIndex] : undefined;
  if (issued && seq !== undefined) await certs.linkEntry(tx, issued.id, seq);
  await scheduleEffectsOf(tx, appended, deps.calendar);
  await notifyParties(tx, bundle, partNo, plan, seqs, issued, deps, banks);
  return { slice: after.value, seqs, certificates: issued ? [issued] : [], voided, receipt };
}

/** The part's certificate or certification: its number allocated now (gapless per office and year). */
async function prepareCertificate(
  tx: Tx,
  ctx: RequestContext,
  row: CaseBundle["row"],
  plan: PartPlan,
  slice: UnitSlice,
  deps: Deps,
  notice: { publishedOn: string; reference: string } | null,
): Promise<Issued> {
  const certificate = plan.certificate!;
  const swap = plan.replacement;
  return deps.certificates.prepare(tx, ctx, {
    office: row.jurisdiction,
    registeredOn: chinaDateOf(deps.now),
    caseId: row.id,
    registerSeq: null,
    content: certificate.content,
    notes: [
      `业务号 ${row.id}`,
      ...(notice ? [`遗失声明：${notice.reference}（${notice.publishedOn}刊登）`] : []),
      ...(swap && !swap.replaces ? [`${REPLACEMENT_MARKS[swap.reason]}：登记簿未记载原证书号`] : []),
    ],
    recipients: certificate.recipients,
    plans: await plansOf(tx, slice),
    replacement: swap?.replaces ? { replacesNumber: swap.replaces, reason: swap.reason } : null,
  });
}

/** The mortgagee banks' collateral notices and the tax department's registered notice (outbox). */
async function notifyParties(
  tx: Tx,
  bundle: CaseBundle,
  partNo: number,
  plan: PartPlan,
  seqs: readonly number[],
  issued: Issued | null,
  deps: Deps,
  banks: ReadonlyMap<string, string>,
): Promise<void> {
  const { row } = bundle;
  for (const event of plan.banks) {
    const mortgagees = bankMortgagees(event.mortgageeKeys, banks);
    if (mortgagees.length === 0) continue;
    await deps.notifyBanks(tx, {
      event: event.event,
      eventId: `${row.id}:${partNo}:${event.event}`,
      occurredAt: deps.now,
      caseRef: row.id,
      unitCode: row.unit_code,
      jurisdiction: row.jurisdiction,
      registerEntry: seqs[0] !== undefined ? String(seqs[0]) : null,
      details: event.details,
      mortgagees,
    });
  }
  if (plan.taxed)
    await deps.notifyTaxRegistered(tx, {
      caseRef: row.id,
      registeredAt: deps.now,
      certificateNo: issued?.number ?? null,
    });
  const part = bundle.parts.find((p) => p.part_no === partNo);
  if (part && isTransferCase([part.type_id]))
    await deps.requestUtilityTransfers(tx, {
      caseRef: row.id,
      unitCode: row.unit_code,
      jurisdiction: row.jurisdiction,
      registeredAt: deps.now,
      certificateNo: issued?.number ?? null,
      newHolders: bundle.parties
        .filter((p) => p.part_no === partNo && p.role === "right-holder")
        .map((p) => ({ name: p.name, idNumber: deps.pii.decrypt(p.id_number_enc) })),
    });
}

/**
 * R20: a lost certificate is replaced after the registry's own 遗失声明, the case's announcement
 * (its start is the publication date).
 */
function lossNoticeOf(
  row: CaseBundle["row"],
  reason: ReplacementReason,
): { publishedOn: string; reference: string } | null {
  const startedOn = (row.state as { announcement?: { startedOn?: string } } | null)?.announcement?.startedOn;
  if (reason !== "lost" || !startedOn) return null;
  return { publishedOn: startedOn, reference: `不动产登记机构遗失声明（业务号 ${row.id}）` };
}

/**
 * 附图页 of a certificate issued through a case: the 宗地图 — the parcel filled, its buildings
 * outlined and named — from the register's CGCS2000 geometry; none when the parcel has no survey.
 */
export async function plansOf(tx: Tx, slice: Pick<UnitSlice, "parcel">): Promise<{ parcel?: Plan }> {
  const parcel = slice.parcel;
  if (!parcel?.geometry) return {};
  const buildings = await listBuildingsOfParcel(tx, parcel.parcelCode);
  return {
    parcel: {
      units: "degrees",
      dimensions: true,
      features: [
        { geometry: parcel.geometry, role: "subject", label: parcel.parcelCode.slice(12) },
        ...buildings
          .filter((b) => b.geometry !== null)
          .map((b) => ({ geometry: b.geometry!, role: "neighbour" as const, label: b.name ?? b.buildingNo })),
      ],
    },
  };
}
