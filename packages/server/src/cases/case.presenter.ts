import {
  type Actor,
  type ActorRole,
  availableActions,
  CASE_STAGE_NAMES,
  type CaseStage,
  findBusinessType,
  findCombinedType,
  MATERIALS,
  type MaterialId,
  PARTY_ROLE_NAMES,
  type PartyRole,
  STAFF_ROLES,
} from "@yulin/domain";
import { isApplicantSide, staffRoleFor } from "./case.access";
import type { CaseBundle } from "./case-bundle";
import { type StoredState, signedPeople, stateOf } from "./case-drafts";
import type { RepaymentRow } from "./case-repayments.repository";
import { presentWithdrawal } from "./case-withdrawal";

const typeName = (typeId: string) => {
  const t = findBusinessType(typeId) ?? findCombinedType(typeId);
  return { zh: t?.name_zh ?? typeId, en: t?.name_en ?? typeId };
};

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** What the actor may do next with the case: the response tells the client (outline's pattern). */
export function nextActions(actor: Actor, bundle: CaseBundle): string[] {
  const state = stateOf(bundle.row, bundle.parts[0]!.type_id);
  const actions = new Set<string>();
  if (isApplicantSide(actor, bundle.row, bundle.parties)) {
    for (const a of availableActions(state, "applicant")) actions.add(a);
    if (["draft", "correction"].includes(bundle.row.stage)) actions.add("confirm");
  }
  if (actor.kind === "staff")
    for (const role of STAFF_ROLES) {
      for (const a of availableActions(state, role as ActorRole))
        if (staffRoleFor(actor, bundle.row, a)?.role === role) actions.add(a);
    }
  return [...actions];
}

export function presentCase(
  bundle: CaseBundle,
  actor: Actor,
  certificates: Array<{ id: string; number: string; kind: string; status: string }>,
  repayment?: RepaymentRow,
) {
  const { row } = bundle;
  const state = row.state as StoredState;
  const signed = signedPeople(row, bundle.parties, bundle.signatures);
  return {
    id: row.id,
    kind: row.kind,
    typeId: row.type_id,
    typeName: typeName(row.type_id),
    unitCode: row.unit_code,
    registeringOffice: row.jurisdiction,
    acceptingOffice: row.accepting_office,
    stage: row.stage,
    stageName: CASE_STAGE_NAMES[row.stage as CaseStage] ?? { zh: row.stage, en: row.stage },
    contentSm3: row.content_sm3,
    deadline: row.deadline
      ? {
          promised: row.deadline,
          statutory: row.statutory_deadline,
          provisional: row.deadline_provisional,
          paused: row.clock_paused,
        }
      : null,
    correctionItems: state.correctionItems ?? [],
    announcement: state.announcement ?? null,
    instant: row.instant_route ?? null,
    parts: bundle.parts.map((part) => ({
      partNo: part.part_no,
      typeId: part.type_id,
      typeName: typeName(part.type_id),
      details: Object.fromEntries(Object.entries(part.details).filter(([k]) => k !== "riskStatements")),
      entries: part.entry_seqs,
      parties: bundle.parties
        .filter((p) => p.part_no === part.part_no)
        .map((p) => ({
          id: p.id,
          role: p.role,
          roleName: PARTY_ROLE_NAMES[p.role as PartyRole] ?? { zh: p.role, en: p.role },
          name: p.name,
          idType: p.id_type,
          idNumberMasked: p.id_number_masked,
          share: p.share,
          hasAccount: p.account_id !== null || p.institution_id !== null,
          signed: signed.has(p.person_key),
        })),
    })),
    materials: bundle.materials.map((m) => ({
      id: m.id,
      materialId: m.material_id,
      name: MATERIALS[m.material_id as MaterialId]?.name_zh ?? m.material_id,
      source: m.source,
      fetchedFrom: m.fetched_from,
      documentNo: m.document_no,
      fileName: m.file_name,
      sm3: m.file_sm3 ?? m.licence_digest,
      addedAt: iso(m.added_at),
    })),
    signatures: bundle.signatures.map((s) => ({
      method: s.method,
      current: s.content_sm3 === row.content_sm3,
      contentSm3: s.content_sm3,
      publicKey: s.public_key,
      signature: s.signature,
      signedAt: iso(s.signed_at),
      party: bundle.parties.find((p) => p.person_key === s.person_key)?.name ?? null,
    })),
    findings: row.findings,
    certificates,
    createdAt: iso(row.created_at),
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    registeredAt: iso(row.registered_at),
    closedAt: iso(row.closed_at),
    nextActions: nextActions(actor, bundle),
    /** A joint withdrawal waiting for other applicants (撤回, R28), or null. */
    withdrawal:
      row.stage === "withdrawn" ? null : (presentWithdrawal(state.withdrawal, bundle, actor) ?? null),
    /** 带押过户（分段）: the old mortgage the case waits on until its bank confirms repayment, or null. */
    repayment: repayment
      ? {
          status: repayment.confirmed_at ? ("confirmed" as const) : ("awaiting" as const),
          mortgageId: String(repayment.mortgage_seq),
          requestedAt: iso(repayment.requested_at),
          confirmedAt: iso(repayment.confirmed_at),
          cancelEntry: repayment.cancel_seq,
        }
      : null,
  };
}

export type CaseView = ReturnType<typeof presentCase>;

export const presentCaseSummary = (row: CaseBundle["row"]) => ({
  id: row.id,
  typeId: row.type_id,
  typeName: typeName(row.type_id),
  unitCode: row.unit_code,
  registeringOffice: row.jurisdiction,
  acceptingOffice: row.accepting_office,
  stage: row.stage,
  deadline: row.deadline,
  statutoryDeadline: row.statutory_deadline,
  clockPaused: row.clock_paused,
  createdAt: iso(row.created_at),
});
