import type { OfficeFacts } from "@yulin/domain";
import {
  type CaseFactRow,
  listCaseFacts,
  listPartyKeysOf,
  listRegisteredOnUnits,
  listTransitionsOf,
  unitsWithCaseOf,
} from "../cases/supervision-facts.repository";
import { listUsedFormSerials } from "../certificates/form-serials.repository";
import { listTaxClearedAt } from "../integrations/tax/tax-cleared.repository";
import { listAuditRows } from "../platform/audit/audit.repository";
import type { Database } from "../platform/db/database";
import { listUnitReadsByDay } from "../queries/read-facts.repository";

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Loads what the integrity rules read for one office and window, each table through its owner's
 * repository: cases and timelines, parties, paper forms (印制号, spoiled ones from the audit log),
 * the query log and the tax confirmations.
 */
export async function loadOfficeFacts(
  db: Database,
  office: string,
  window: { from: Date; to: Date; lookBackDays: number },
): Promise<OfficeFacts> {
  const { from, to } = window;
  const cases = await listCaseFacts(db, office, from, to);
  const since = new Date(from.getTime() - window.lookBackDays * 86_400_000);
  const earlier = await listRegisteredOnUnits(db, [...new Set(cases.map((c) => c.unit_code))], since);
  const ids = cases.map((c) => c.id);
  const [transitions, parties, printed, spoiled, reads, taxes] = await Promise.all([
    listTransitionsOf(db, ids),
    listPartyKeysOf(db, ids),
    listUsedFormSerials(db, office, from, to),
    listAuditRows(db, { actions: ["certificate.print-spoiled"], jurisdiction: office, from, to }),
    listUnitReadsByDay(db, office, from, to),
    listTaxClearedAt(db, ids),
  ]);
  const spoiledBy = new Map(
    spoiled.map((a) => [String((a.details as { printId?: string }).printId ?? ""), a] as const),
  );
  const pairs = reads.flatMap((r) => r.unit_codes.map((u) => ({ accountId: r.account_id, unitCode: u })));
  return {
    office,
    cases: cases.map(caseFact),
    earlierCases: earlier.map(caseFact),
    transitions: transitions.map((t) => ({
      id: String(t.id),
      caseId: t.case_id,
      action: t.action,
      from: t.from_stage,
      to: t.to_stage,
      actorId: t.actor_id,
      actorRole: t.actor_role,
      at: iso(t.at),
    })),
    parties: parties.map((p) => ({ caseId: p.case_id, personKey: p.person_key, name: p.name })),
    forms: printed.map((f) => {
      const voided = f.status === "spoiled" ? spoiledBy.get(f.id) : undefined;
      return {
        id: f.id,
        certificateId: f.certificate_id,
        serial: f.form_serial ?? "",
        status: f.status as "printed" | "spoiled",
        by: voided?.actor_id ?? f.printed_by,
        at: iso(voided?.at ?? f.printed_at ?? to),
      };
    }),
    reads: reads.map((r) => ({
      accountId: r.account_id,
      label: r.label,
      day: r.day,
      unitCodes: r.unit_codes,
    })),
    readUnitsWithCase: await unitsWithCaseOf(db, pairs),
    taxes: taxes.map((t) => ({ caseId: t.case_ref, clearedAt: t.cleared_at ? iso(t.cleared_at) : null })),
  };
}

const caseFact = (c: CaseFactRow) => ({
  id: c.id,
  office: c.jurisdiction.trim(),
  typeIds: c.type_ids,
  unitCode: c.unit_code.trim(),
  instant: c.instant,
  createdBy: c.created_by,
  acceptedAt: c.accepted_at ? iso(c.accepted_at) : null,
  registeredAt: c.registered_at ? iso(c.registered_at) : null,
});

/** The audit rows behind each alert's cases: acceptance and registration, for the evidence list. */
export const EVIDENCE_ACTIONS = [
  "case.accept",
  "case.register",
  "case.review",
  "case.certify",
  "case.issue",
  "case.submit",
];
