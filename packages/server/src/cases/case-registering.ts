import {
  blocking,
  type HolidayCalendar,
  type OfficeSettings,
  type Plan,
  REPLACEMENT_MARKS,
  type ReplacementReason,
  type RuleFinding,
  requireBusinessType,
  type UnitState,
} from "@yulin/domain";
import type { CollateralEvent } from "../integrations/bank/bank.notifications";
import type { RequestContext } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { appendEntries } from "../register/ledger";
import { listBuildingsOfParcel } from "../register/register.repository";
import { isFeePaid, updatePart } from "./case.repository";
import type { CaseBundle } from "./case-bundle";
import { chinaDateOf } from "./case-clock";
import { buildDrafts, evaluateCase, type PartDetails, ruleContext } from "./case-drafts";
import { type PartPlan, planPart, withCertificateNumber } from "./case-entries";
import { scheduleEffectsOf } from "./effects.repository";
import { bankMortgagees, banksByKey } from "./mortgagee-banks";
import { loadUnit, lockUnits, type UnitRecords } from "./unit-state.loader";

/** What the registering transaction needs from the other capabilities (wired in cases.module.ts). */
export type RegisteringPorts = {
  pii: PiiCipher;
  /** R22 (integrations/tax): throws TAX.* unless the tax department confirmed payment or exemption. */
  requireTaxCleared: (tx: Tx, caseRef: string) => Promise<unknown>;
  notifyTaxRegistered: (
    tx: Tx,
    input: { caseRef: string; registeredAt: Date; certificateNo?: string | null },
  ) => Promise<void>;
  /** Collateral events to the mortgagee banks, through the outbox (integrations/bank). */
  notifyBanks: (tx: Tx, event: CollateralEvent) => Promise<number>;
  /**
   * Certificates (certificates/): the number is allocated inside this transaction (gapless), the
   * old title voided (R26), and the certificate linked to the ledger entry that recorded it.
   * Absent when the certificates capability is not wired: registering then yields no certificate.
   */
  certificates?: {
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
    ) => Promise<{ id: string; number: string; kind: string; entrySeq: number | null } | null>;
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
    }
  | { ok: false; findings: RuleFinding[] };

/**
 * Locks the case's units FOR UPDATE in unit-code order (the unit, and an easement's dominant unit)
 * and reads the unit under the lock.
 */
export async function lockCaseUnits(
  tx: Tx,
  bundle: CaseBundle,
): Promise<{ records: UnitRecords; state: UnitState }> {
  const dominant = bundle.parts
    .map((p) => (p.details as PartDetails).easement?.dominantUnitCode)
    .filter((c): c is string => typeof c === "string");
  await lockUnits(tx, [bundle.row.unit_code, ...dominant]);
  const loaded = await loadUnit(tx, bundle.row.unit_code);
  if (!loaded) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode: bundle.row.unit_code });
  return loaded;
}

/**
 * 登簿 with the check at commit (ARCHITECTURE "Check at commit"), inside the caller's transaction:
 * lock the affected units FOR UPDATE in unit-code order, rebuild the rules' view of them from the
 * projections, re-run every rule at the `register` stage, and refuse on any blocking finding (a
 * seizure that arrived while a transfer was under review wins). Otherwise append the parts'
 * entries in the catalogue's order — a combined case all or nothing — with their certificate
 * numbers, void the old certificates (R26), enqueue the banks' and the tax department's notices
 * and schedule the time-driven effects. Throws only programmer and register errors.
 */
export async function registerInTx(
  tx: Tx,
  ctx: RequestContext,
  bundle: CaseBundle,
  deps: RegisteringPorts & { calendar: HolidayCalendar; office: OfficeSettings; now: Date },
  /** The unit as read in this transaction after `lockCaseUnits` (the instant path reads it once). */
  locked?: { records: UnitRecords; state: UnitState },
  /**
   * Runs once the check has passed, before the register's and the certificates' serial locks are
   * taken: the case's own writes (stage, timeline, audit) stay out of the serialised section.
   */
  beforeRecord?: (findings: RuleFinding[]) => Promise<void>,
): Promise<RegisterOutcome> {
  const { row } = bundle;
  const today = chinaDateOf(deps.now);
  const types = bundle.parts.map((p) => requireBusinessType(p.type_id));
  const loaded = locked ?? (await lockCaseUnits(tx, bundle));
  const unit = loaded.state;

  // R22: the tax department's confirmation, read under the declaration's lock.
  let taxCleared = !types.some((t) => t.deedTax);
  if (!taxCleared)
    taxCleared = await deps.requireTaxCleared(tx, row.id).then(
      () => true,
      (error: unknown) => {
        if (error instanceof AppError && error.code.startsWith("TAX.")) return false;
        throw error;
      },
    );
  const feePaid = await isFeePaid(tx, row.id);
  const drafts = buildDrafts({ ...bundle, caseRow: row, taxCleared, feePaid });
  const findings = evaluateCase(
    row,
    drafts,
    unit,
    ruleContext(today, deps.calendar, deps.office, "register"),
  );
  if (blocking(findings).length > 0) return { ok: false, findings };
  const banks = await banksByKey(tx, deps.pii);
  await beforeRecord?.(findings);

  const seqs: number[] = [];
  const certificates: Array<{ id: string; number: string; kind: string }> = [];
  const voided: string[] = [];
  for (const [index, part] of bundle.parts.entries()) {
    // Each part sees the register as the earlier parts left it.
    const records = index === 0 ? loaded.records : (await loadUnit(tx, row.unit_code))?.records;
    if (!records) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode: row.unit_code });
    const plan = planPart({
      caseId: row.id,
      type: types[index]!,
      details: part.details as PartDetails,
      parties: bundle.parties.filter((p) => p.part_no === part.part_no),
      records,
      today,
    });
    const certs = deps.certificates;
    const swap = plan.replacement;
    const notice = swap ? lossNoticeOf(row, swap.reason) : null;
    const replaced =
      swap?.replaces && certs
        ? await certs.replace(
            tx,
            ctx,
            { unitCode: row.unit_code, number: swap.replaces },
            {
              reason: swap.reason,
              announcement: notice,
              caseId: row.id,
              now: deps.now,
            },
          )
        : null;
    if (replaced) {
      certificates.push({ id: replaced.id, number: replaced.number, kind: replaced.kind });
      const partSeqs = replaced.entrySeq !== null ? [replaced.entrySeq] : [];
      seqs.push(...partSeqs);
      await updatePart(tx, row.id, part.part_no, { entry_seqs: JSON.stringify(partSeqs) });
      continue;
    }
    if (plan.voidsCertificate && certs)
      voided.push(
        ...(await certs.voidOnUnit(tx, ctx, {
          reason: plan.voidsCertificate,
          caseId: row.id,
          unitCode: row.unit_code,
          kind: "certificate",
        })),
      );
    // A replacement without the certificates capability has no new number to record.
    let entries = swap && !certs ? [] : plan.entries;
    let prepared: { id: string; number: string; kind: string } | undefined;
    if (plan.certificate && certs) {
      prepared = await certs.prepare(tx, ctx, {
        office: row.jurisdiction,
        registeredOn: today,
        caseId: row.id,
        registerSeq: null,
        content: plan.certificate.content,
        notes: [
          `业务号 ${row.id}`,
          ...(notice ? [`遗失声明：${notice.reference}（${notice.publishedOn}刊登）`] : []),
          ...(swap && !swap.replaces ? [`${REPLACEMENT_MARKS[swap.reason]}：登记簿未记载原证书号`] : []),
        ],
        recipients: plan.certificate.recipients,
        plans: await plansOf(tx, records),
        replacement: swap?.replaces ? { replacesNumber: swap.replaces, reason: swap.reason } : null,
      });
      certificates.push(prepared);
      const at = plan.certificate.entryIndex;
      entries = entries.map((e, i) => (i === at ? withCertificateNumber(e, prepared!.number) : e));
    }
    const { entries: appended } = await appendEntries(tx, entries, { now: deps.now });
    const partSeqs = appended.map((e) => e.seq);
    seqs.push(...partSeqs);
    await updatePart(tx, row.id, part.part_no, { entry_seqs: JSON.stringify(partSeqs) });
    const seq = plan.certificate ? partSeqs[plan.certificate.entryIndex] : undefined;
    if (prepared && certs && seq !== undefined) await certs.linkEntry(tx, prepared.id, seq);
    await scheduleEffectsOf(tx, appended, deps.calendar);
    for (const event of plan.banks) {
      const mortgagees = bankMortgagees(event.mortgageeKeys, banks);
      if (mortgagees.length === 0) continue;
      await deps.notifyBanks(tx, {
        event: event.event,
        eventId: `${row.id}:${part.part_no}:${event.event}`,
        occurredAt: deps.now,
        caseRef: row.id,
        unitCode: row.unit_code,
        jurisdiction: row.jurisdiction,
        registerEntry: partSeqs[0] !== undefined ? String(partSeqs[0]) : null,
        details: event.details,
        mortgagees,
      });
    }
    if (plan.taxed)
      await deps.notifyTaxRegistered(tx, {
        caseRef: row.id,
        registeredAt: deps.now,
        certificateNo: prepared?.number ?? null,
      });
  }
  return { ok: true, findings, entries: seqs, certificates, voided };
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
export async function plansOf(tx: Tx, records: UnitRecords): Promise<{ parcel?: Plan }> {
  const parcel = records.parcel;
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
