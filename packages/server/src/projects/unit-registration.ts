import {
  applyToSlice,
  blocking,
  type CaseDraft,
  chinaDateOfInstant,
  DEFAULT_OFFICE_SETTINGS,
  type DraftParty,
  evaluateCombined,
  evaluateRules,
  type HolidayCalendar,
  type PartyRole,
  type PlannedUnitView,
  planPart,
  type RuleFinding,
  type UnitSlice,
  unitStateOf,
  withCertificateNumber,
} from "@yulin/domain";
import type { RequestContext } from "../platform/audit/audit";
import type { Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import type { ProjectsPorts, SealedParty } from "./projects.port";

/** A sealed party in a role, as the domain's drafts name parties (signed: the filing is theirs). */
export const draftParty = (p: SealedParty, role: PartyRole): DraftParty => ({
  personId: p.personKey,
  name: p.name,
  role,
  ...(p.accountId ? { accountId: p.accountId } : {}),
  signed: true,
  identity: {
    holderType: p.holderType,
    idType: p.idType,
    idNumberEnc: p.idNumberEnc,
    idNumberMasked: p.idNumberMasked,
    shareText: null,
    institutionId: p.institutionId,
  },
});

export type UnitCase = {
  caseId: string;
  /** A combined business (双预告, 预转本) or one type. */
  combinedTypeId?: string;
  drafts: CaseDraft[];
  /** R16: the planned units a construction mortgage names, with their presale state. */
  plannedUnits?: PlannedUnitView[];
};

export type UnitOutcome =
  | { ok: true; findings: RuleFinding[]; seqs: number[]; certificates: string[]; slice: UnitSlice }
  | { ok: false; findings: RuleFinding[] };

/**
 * Registers one unit's case inside the caller's transaction, with the check at commit: the unit is
 * already locked by the caller; every rule runs at the `register` stage against the unit as read
 * now (a combined case part by part) and any blocking finding refuses the whole case; otherwise
 * each part's plan (domain `planPart`) is appended in order with its certificate number, the old
 * certificate voided on a transfer (R26).
 */
export async function registerUnitCase(
  tx: Tx,
  ctx: RequestContext,
  unitCase: UnitCase,
  deps: { ports: ProjectsPorts; calendar: HolidayCalendar; now: Date; slice: UnitSlice },
): Promise<UnitOutcome> {
  const today = chinaDateOfInstant(deps.now);
  const office = { ...DEFAULT_OFFICE_SETTINGS, code: deps.slice.unit.unitCode.slice(0, 6) };
  const ruleCtx = { today, calendar: deps.calendar, office, stage: "register" as const };
  const findings = unitCase.combinedTypeId
    ? evaluateCombined(
        { combinedTypeId: unitCase.combinedTypeId, parts: unitCase.drafts, caseId: unitCase.caseId },
        deps.slice,
        ruleCtx,
      )
    : evaluateRules(
        unitCase.drafts[0]!,
        {
          ...unitStateOf(deps.slice),
          ...(unitCase.plannedUnits ? { plannedUnits: unitCase.plannedUnits } : {}),
        },
        ruleCtx,
      );
  if (blocking(findings).length > 0) return { ok: false, findings };
  let slice = deps.slice;
  const seqs: number[] = [];
  const certificates: string[] = [];
  for (const draft of unitCase.drafts) {
    const planned = planPart(draft, slice, { caseId: unitCase.caseId, today });
    if (!planned.ok) return { ok: false, findings: [...findings, ...planned.error.map(asFinding)] };
    const plan = planned.value;
    const { certificates: certs, register } = deps.ports;
    if (plan.voidsCertificate === "transfer")
      await certs.voidOnUnit(tx, ctx, {
        reason: "transfer",
        caseId: unitCase.caseId,
        unitCode: slice.unit.unitCode,
        kind: "certificate",
      });
    const issued = plan.certificate
      ? await certs.prepare(tx, ctx, {
          office: office.code,
          registeredOn: today,
          caseId: unitCase.caseId,
          registerSeq: null,
          content: plan.certificate.content,
          notes: [`业务号 ${unitCase.caseId}`],
          recipients: plan.certificate.recipients,
          plans: {},
        })
      : null;
    const entries = plan.entries.map((e, i) =>
      issued && i === plan.certificate?.entryIndex ? withCertificateNumber(e, issued.number) : e,
    );
    const { entries: appended } = await register.append(tx, entries, deps.now);
    const after = applyToSlice(slice, appended);
    if (!after.ok) throw new Error(`the register took entries its own rules refuse: ${after.error[0]?.code}`);
    slice = after.value;
    seqs.push(...appended.map((e) => e.seq));
    const seq = plan.certificate ? appended[plan.certificate.entryIndex]?.seq : undefined;
    if (issued && seq !== undefined) await certs.linkEntry(tx, issued.id, seq);
    if (issued) certificates.push(issued.number);
  }
  return { ok: true, findings, seqs, certificates, slice };
}

const asFinding = (f: { code: string; severity: string; message_zh: string; message_en: string }) =>
  ({
    rule: "R1",
    code: f.code,
    severity: "block",
    message_zh: f.message_zh,
    message_en: f.message_en,
    basis: "条例 第16条",
  }) satisfies RuleFinding;

/** Locks and reads a unit, or refuses the request (404) when the register does not know it. */
export async function lockedSlice(tx: Tx, ports: ProjectsPorts, unitCode: string): Promise<UnitSlice> {
  await ports.register.lockUnits(tx, [unitCode]);
  const slice = await ports.register.loadUnitSlice(tx, unitCode);
  if (!slice) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode });
  return slice;
}

/** A finding as the API shows it: rule id, code, severity, the messages and the legal basis. */
export const presentRuleFinding = (f: RuleFinding) => ({
  rule: f.rule,
  code: f.code,
  severity: f.severity,
  message_zh: f.message_zh,
  message_en: f.message_en,
  basis: f.basis ?? null,
});
