import {
  type AccountKind,
  type CaseDraft,
  type CaseState,
  type DraftParty,
  evaluateCombined,
  evaluateRules,
  type HolidayCalendar,
  type InstitutionKind,
  type IsoDate,
  type MaterialId,
  type OfficeSettings,
  type PartyRole,
  parseFraction,
  type RuleContext,
  type RuleFinding,
  type RuleStage,
  type UnitSlice,
  unitStateOf,
} from "@yulin/domain";
import type { CaseRow, MaterialRow, PartRow, PartyRow, SignatureRow } from "./case.repository";

/**
 * The bridge from stored cases to the domain: the `CaseDraft` of each part as the rules read it,
 * and the `CaseState` the stage machine moves. Pure functions over rows.
 */

/**
 * A part's particulars as stored (`case_parts.details`): the CaseDraft fields a part carries, what
 * the register records (right, unit facts, document number), and the price for the deed tax.
 */
export type PartDetails = Partial<
  Pick<
    CaseDraft,
    | "coOwnership"
    | "consents"
    | "riskStatements"
    | "targetRightId"
    | "scope"
    | "ownShareOnly"
    | "coOwnerAgreement"
    | "presentedCertificate"
    | "termEnd"
    | "landUse"
    | "fromAdvanceNoticeId"
    | "developerRefused"
    | "correction"
    | "mortgage"
    | "advanceNotice"
    | "seizure"
    | "objection"
    | "easement"
    | "habitation"
    | "decision"
    | "right"
    | "unit"
    | "documentNo"
  >
> & {
  /** Transaction price in fen (deed tax base). */
  priceFen?: number;
};

/** The stored stage-machine state: the domain `CaseState` without its history (kept in case_transitions). */
export type StoredState = Omit<CaseState, "history" | "typeId" | "stage">;

export const stateOf = (row: Pick<CaseRow, "state" | "stage">, typeId: string): CaseState => ({
  ...(row.state as StoredState),
  typeId,
  stage: row.stage as CaseState["stage"],
  history: [],
});

export const storedState = (state: CaseState): StoredState => {
  const { history: _h, typeId: _t, stage: _s, ...rest } = state;
  return rest;
};

export type DraftInputs = {
  caseRow: CaseRow;
  parts: readonly PartRow[];
  parties: readonly PartyRow[];
  signatures: readonly SignatureRow[];
  materials: readonly MaterialRow[];
  taxCleared: boolean;
  feePaid: boolean;
  creator: { kind: AccountKind; institutionKind: InstitutionKind | null };
};

/** People who signed the current content themselves, or through an authorised agent (代理人). */
export function signedPeople(
  caseRow: Pick<CaseRow, "content_sm3">,
  parties: readonly PartyRow[],
  signatures: readonly SignatureRow[],
): Set<string> {
  const own = new Set(
    signatures.filter((s) => s.content_sm3 === caseRow.content_sm3).map((s) => s.person_key),
  );
  const signed = new Set(own);
  for (const agent of parties.filter((p) => p.role === "agent" && p.acts_for && own.has(p.person_key)))
    signed.add(agent.acts_for!);
  return signed;
}

export function buildDrafts(input: DraftInputs): CaseDraft[] {
  const { caseRow, parts, parties, signatures, materials } = input;
  const signed = signedPeople(caseRow, parties, signatures);
  const state = caseRow.state as StoredState;
  const draftMaterials = materials.map((m) => ({ id: m.material_id as MaterialId, source: m.source }));
  return parts.map((part): CaseDraft => {
    const details = part.details as PartDetails;
    const { priceFen: _price, ...fields } = details;
    const draftParties = parties
      .filter((p) => p.part_no === part.part_no)
      .map((p): DraftParty => {
        const share = p.share ? parseFraction(p.share) : undefined;
        return {
          personId: p.person_key,
          name: p.name,
          role: p.role as PartyRole,
          ...(p.account_id ? { accountId: p.account_id } : {}),
          signed: signed.has(p.person_key),
          ...(share ? { share } : {}),
          ...(p.heir_order === 1 || p.heir_order === 2 ? { heirOrder: p.heir_order } : {}),
          ...(p.acts_for ? { actsFor: p.acts_for } : {}),
          ...(p.unregistered_acquisition === "inheritance" || p.unregistered_acquisition === "decision"
            ? { unregisteredAcquisition: p.unregistered_acquisition }
            : {}),
          identity: {
            holderType: p.holder_type,
            idType: p.id_type,
            idNumberEnc: p.id_number_enc,
            idNumberMasked: p.id_number_masked,
            shareText: p.share,
            institutionId: p.institution_id,
          },
        };
      });
    return {
      ...fields,
      typeId: part.type_id,
      unitCode: caseRow.unit_code,
      parties: draftParties,
      materials: draftMaterials,
      consents: details.consents ?? [],
      riskStatements: details.riskStatements ?? [],
      taxCleared: input.taxCleared,
      feePaid: input.feePaid,
      submittedBy: input.creator,
      ...(state.acceptedOn ? { acceptedOn: state.acceptedOn } : {}),
      pauses: state.pauses ?? [],
      ...(state.announcement
        ? { announcement: { startedOn: state.announcement.startedOn, objectionsReceived: 0 } }
        : {}),
      ...(caseRow.stage === "withdrawn" && caseRow.closed_at
        ? { withdrawnAt: new Date(caseRow.closed_at).toISOString() }
        : {}),
    };
  });
}

export function ruleContext(
  today: IsoDate,
  calendar: HolidayCalendar,
  office: OfficeSettings,
  stage: RuleStage,
): RuleContext {
  return { today, calendar, office, stage };
}

/** Every finding of every rule for the case's parts (a combined case part by part, in order). */
export function evaluateCase(
  caseRow: Pick<CaseRow, "id" | "kind" | "type_id">,
  drafts: readonly CaseDraft[],
  unit: UnitSlice,
  ctx: RuleContext,
): RuleFinding[] {
  if (caseRow.kind === "combined")
    return evaluateCombined(
      { combinedTypeId: caseRow.type_id, parts: drafts, caseId: caseRow.id },
      unit,
      ctx,
    );
  return evaluateRules(drafts[0]!, unitStateOf(unit), ctx);
}

/** Findings as the API shows them: rule id, severity, messages, legal basis, part, commitment. */
export const presentFinding = (f: RuleFinding) => ({
  rule: f.rule,
  code: f.code,
  severity: f.severity,
  message_zh: f.message_zh,
  message_en: f.message_en,
  basis: f.basis,
  part: f.part ?? 0,
  commitment: f.commitment ?? null,
});
export type FindingView = ReturnType<typeof presentFinding>;
