import {
  type ActorRole,
  type BusinessType,
  blocking,
  type CaseAction,
  type CaseState,
  DEFAULT_OFFICE_SETTINGS,
  type HolidayCalendar,
  type OfficeSettings,
  type RuleFinding,
  type RuleStage,
  requireBusinessType,
  transition,
  type UnitSlice,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database, Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { insertTransitions, isFeePaid, updateCase } from "./case.repository";
import type { CaseBundle } from "./case-bundle";
import { chinaDateOf, chinaDateTimeOf } from "./case-clock";
import { deadlinesOf } from "./case-deadlines";
import { buildDrafts, evaluateCase, presentFinding, ruleContext, stateOf, storedState } from "./case-drafts";
import { type RegisteringPorts, type RegisterOutcome, registerInTx } from "./case-registering";
import { loadUnitSlice } from "./unit-state.loader";

export type WorkflowDeps = RegisteringPorts & {
  db: Database;
  now: () => Date;
  calendar: () => Promise<HolidayCalendar>;
  officeSettings?: (code: string) => OfficeSettings;
  /** After a registering transaction commits: wake the certificate sealing worker. */
  afterCommit?: () => void;
  /**
   * 退费 (integrations/payment): a case that ends without registration has the fee its payers
   * paid refunded; called in the transaction that ends it, safe to call again.
   */
  refundUnregisteredCase: (
    tx: Tx,
    input: { caseRef: string; reason: UnregisteredEnd; closedAt: Date },
  ) => Promise<unknown>;
};

/** The ends without registration: 不予登记, 不予受理, 撤回. */
type UnregisteredEnd = "refused" | "not-accepted" | "withdrawn";
const UNREGISTERED_ENDS: readonly string[] = [
  "refused",
  "not-accepted",
  "withdrawn",
] satisfies UnregisteredEnd[];

const CLOSED = ["not-accepted", "refused", "withdrawn", "archived"];

/**
 * One move of a case through the domain's stage machine, inside the caller's transaction: the
 * rules' findings at a stage, the new stage with its timeline lines and deadlines (R23), the fee
 * refund of an end without registration, and the audit row; and the registering step.
 */
export function createCaseTransitions(deps: WorkflowDeps) {
  const { now } = deps;
  const officeOf = (code: string): OfficeSettings =>
    deps.officeSettings?.(code) ?? { code, allowsCommitments: DEFAULT_OFFICE_SETTINGS.allowsCommitments };

  const typesOf = (bundle: CaseBundle): BusinessType[] =>
    bundle.parts.map((p) => requireBusinessType(p.type_id));

  /** R23: the promised and statutory deadlines from acceptance, not counting paused days. */
  const deadlines = (bundle: CaseBundle, state: CaseState, calendar: HolidayCalendar, today: string) =>
    deadlinesOf(
      bundle.parts.map((p) => p.type_id),
      state,
      calendar,
      today,
      officeOf(bundle.row.jurisdiction),
    );

  async function evaluateAt(
    tx: Tx,
    bundle: CaseBundle,
    unit: UnitSlice,
    stage: RuleStage,
    calendar: HolidayCalendar,
  ): Promise<RuleFinding[]> {
    const deedTax = typesOf(bundle).some((t) => t.deedTax);
    const taxCleared = deedTax
      ? await deps.requireTaxCleared(tx, bundle.row.id).then(
          () => true,
          () => false,
        )
      : true;
    const feePaid = await isFeePaid(tx, bundle.row.id);
    const drafts = buildDrafts({ ...bundle, caseRow: bundle.row, taxCleared, feePaid });
    const findings = evaluateCase(
      bundle.row,
      drafts,
      unit,
      ruleContext(chinaDateOf(now()), calendar, officeOf(bundle.row.jurisdiction), stage),
    );
    // After 登簿 the register already holds the change: what remains before issuing is the fee (R22).
    return stage === "issue" ? findings.filter((f) => f.rule === "R22") : findings;
  }

  async function findingsAt(
    tx: Tx,
    bundle: CaseBundle,
    stage: RuleStage,
    calendar: HolidayCalendar,
  ): Promise<RuleFinding[]> {
    const unit = await loadUnitSlice(tx, bundle.row.unit_code);
    if (!unit) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode: bundle.row.unit_code });
    return evaluateAt(tx, bundle, unit, stage, calendar);
  }

  /** Applies the stage machine, persists the new stage and its timeline lines. */
  async function move(
    tx: Tx,
    ctx: RequestContext,
    bundle: CaseBundle,
    action: CaseAction,
    actor: { role: ActorRole; office: string | null },
    calendar: HolidayCalendar,
    extra: { findings?: RuleFinding[]; patch?: Parameters<typeof updateCase>[2] } = {},
  ): Promise<CaseState> {
    const at = now();
    // A combined case moves through the stages as its first part does (the main registration).
    const state = stateOf(bundle.row, bundle.parts[0]!.type_id);
    const moved = transition(state, action, actor.role, chinaDateTimeOf(at));
    if (!moved.ok) {
      const codes = moved.error.map((f) => f.code);
      const withdrawal = codes.find((c) => c.startsWith("CASE.WITHDRAW_"));
      if (withdrawal)
        throw new AppError(withdrawal as "CASE.WITHDRAW_NOT_AN_APPLICANT", { findings: moved.error });
      if (codes.some((c) => c.startsWith("R29.")))
        throw new AppError("CASE.REASONS_REQUIRED", { findings: moved.error });
      if (
        codes.some(
          (c) =>
            c === "CASE.NOT_FROM_STAGE" ||
            c === "CASE.ROLE_NOT_ALLOWED" ||
            c === "R28.AFTER_RECORDING" ||
            c.startsWith("R20.") ||
            c.startsWith("CASE."),
        )
      )
        throw new AppError("CASE.STAGE", { stage: bundle.row.stage, findings: moved.error });
      throw new AppError("CASE.RULES_BLOCK", {
        findings: (extra.findings ?? []).filter((f) => blocking([f]).length > 0).map(presentFinding),
      });
    }
    const next = moved.value;
    const today = chinaDateOf(at);
    const stamps: Record<string, Date> = {};
    if (next.stage === "submitted" && bundle.row.stage === "draft") stamps.submitted_at = at;
    if (next.acceptedOn && !bundle.row.accepted_at) stamps.accepted_at = at;
    if (["registered", "certified"].includes(next.stage) && !bundle.row.registered_at)
      stamps.registered_at = at;
    if (CLOSED.includes(next.stage)) stamps.closed_at = at;
    await updateCase(tx, bundle.row.id, {
      stage: next.stage,
      state: JSON.stringify(storedState(next)),
      ...deadlines(bundle, next, calendar, today),
      ...stamps,
      ...(extra.findings ? { findings: JSON.stringify(extra.findings.map(presentFinding)) } : {}),
      ...extra.patch,
    });
    if (UNREGISTERED_ENDS.includes(next.stage) && next.stage !== bundle.row.stage) {
      await deps.refundUnregisteredCase(tx, {
        caseRef: bundle.row.id,
        reason: next.stage as UnregisteredEnd,
        closedAt: at,
      });
    }
    const shown = extra.findings
      ? JSON.stringify(extra.findings.filter((f) => f.severity !== "info").map(presentFinding))
      : null;
    await insertTransitions(
      tx,
      next.history.slice(state.history.length).map((line) => ({
        case_id: bundle.row.id,
        action: line.action,
        from_stage: line.from,
        to_stage: line.to,
        actor_id: actor.role === "system" ? null : (ctx.actor?.accountId ?? null),
        actor_role: line.actor,
        office: actor.office,
        at,
        reasons: line.reasons ? JSON.stringify(line.reasons) : null,
        findings: shown,
      })),
    );
    await writeAudit(tx, ctx, {
      action: `case.${action.kind}`,
      outcome: "success",
      targetType: "case",
      targetId: bundle.row.id,
      jurisdiction: actor.office ?? bundle.row.jurisdiction,
      details: { from: bundle.row.stage, to: next.stage },
    });
    return next;
  }

  /** The registering step shared by the registrar and the instant path. */
  async function registerWithin(
    tx: Tx,
    ctx: RequestContext,
    bundle: CaseBundle,
    calendar: HolidayCalendar,
    locked?: UnitSlice,
    beforeRecord?: (findings: RuleFinding[]) => Promise<void>,
  ): Promise<RegisterOutcome> {
    return registerInTx(
      tx,
      ctx,
      bundle,
      { ...deps, calendar, office: officeOf(bundle.row.jurisdiction), now: now() },
      locked,
      beforeRecord,
    );
  }

  return { typesOf, evaluateAt, findingsAt, move, registerWithin };
}

export type CaseTransitions = ReturnType<typeof createCaseTransitions>;
