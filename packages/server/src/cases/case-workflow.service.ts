import {
  type ActorRole,
  type BusinessType,
  blocking,
  type CaseAction,
  type CaseState,
  caseDeadline,
  DEFAULT_OFFICE_SETTINGS,
  type HolidayCalendar,
  type InstantRoute,
  instantRoute,
  type OfficeSettings,
  promisedDaysFor,
  type RuleFinding,
  type RuleStage,
  requireBusinessType,
  transition,
  type UnitSlice,
} from "@yulin/domain";
import type { RequestContext } from "../platform/audit/audit";
import { writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { isApplicantSide, staffRoleFor } from "./case.access";
import { insertTransitions, isFeePaid, updateCase } from "./case.repository";
import { type CaseBundle, loadBundle, requireBundle } from "./case-bundle";
import { chinaDateOf, chinaDateTimeOf } from "./case-clock";
import { caseContent, contentText } from "./case-content";
import { buildDrafts, evaluateCase, presentFinding, ruleContext, stateOf, storedState } from "./case-drafts";
import { lockCaseUnits, type RegisteringPorts, type RegisterOutcome, registerInTx } from "./case-registering";
import { verifyContent } from "./party-keys";
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

/** Staff actions taken through one endpoint each (`POST /api/cases/:id/<action>`). */
export type StaffActionInput =
  | { kind: "accept"; office?: string }
  | { kind: "not-accept"; reasons: string[]; office?: string }
  | { kind: "request-correction"; items: string[] }
  | { kind: "start-announcement" }
  | { kind: "receive-objection"; reasons: string[] }
  | { kind: "end-announcement" }
  | { kind: "review" }
  | { kind: "suspend"; reasons: string[] }
  | { kind: "resume" }
  | { kind: "refuse"; reasons: string[] }
  | { kind: "certify" }
  | { kind: "issue" }
  | { kind: "archive" };

const CLOSED = ["not-accepted", "refused", "withdrawn", "archived"];

/** Stages that run the rules before the transition, and the rule stage they run at. */
const RULE_STAGE: Partial<Record<CaseAction["kind"], RuleStage>> = {
  accept: "accept",
  review: "review",
  issue: "issue",
};

/**
 * The case stages (受理 → 审核 → 登簿 → 缮证 → 发证 → 归档, with 补正, 公告, 中止, 不予受理, 不予登记,
 * 撤回) through the domain's stage machine. Every transition is one transaction that locks the
 * case, records actor, office, time and reasons, recomputes the deadline (R23) and audits.
 * 即时办结: an eligible case whose rules all pass is registered at submit with no human step.
 */
export function createCaseWorkflowService(deps: WorkflowDeps) {
  const { db, now } = deps;
  const officeOf = (code: string): OfficeSettings =>
    deps.officeSettings?.(code) ?? { code, allowsCommitments: DEFAULT_OFFICE_SETTINGS.allowsCommitments };

  const typesOf = (bundle: CaseBundle): BusinessType[] =>
    bundle.parts.map((p) => requireBusinessType(p.type_id));

  /** R23: the promised and statutory deadlines from acceptance, not counting paused days. */
  function deadlines(bundle: CaseBundle, state: CaseState, calendar: HolidayCalendar, today: string) {
    if (!state.acceptedOn) return {};
    const office = officeOf(bundle.row.jurisdiction);
    const days = Math.max(...typesOf(bundle).map((t) => promisedDaysFor(t, office)));
    const promised = caseDeadline(state.acceptedOn, days, state.pauses, calendar, { asOf: today });
    const statutory = caseDeadline(state.acceptedOn, 30, state.pauses, calendar, { asOf: today });
    return {
      deadline: promised.date,
      statutory_deadline: statutory.date,
      deadline_provisional: promised.provisional || statutory.provisional,
      clock_paused: promised.paused,
    };
  }

  /** Signatures verified once, at submit: a signature that does not verify does not count. */
  function verifiedBundle(bundle: CaseBundle): CaseBundle {
    const text = contentText(caseContent(bundle.row, bundle.parts, bundle.parties));
    const current = bundle.signatures.filter((s) => s.content_sm3 === bundle.row.content_sm3);
    const good = current.filter((s) => verifyContent(text, s.signature, s.public_key));
    return { ...bundle, signatures: good };
  }

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

  async function denied(ctx: RequestContext, action: string, id: string): Promise<never> {
    await writeAudit(db, ctx, {
      action: `case.${action}`,
      outcome: "denied",
      targetType: "case",
      targetId: id,
    });
    throw new AppError("CASE.NOT_FOUND");
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

  return {
    /**
     * 提交: the rules run and their findings are shown with their legal basis. An eligible case
     * (即时办结) from its channel with no blocking or warning finding is then registered in the
     * same transaction, after the check at commit; anything else waits for an acceptor.
     */
    async submit(ctx: RequestContext, id: string) {
      if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const actor = ctx.actor;
      const calendar = await deps.calendar();
      let forbidden = false;
      const result = await inTransaction(db, async (tx) => {
        const locked = await loadBundle(tx, id, { lock: true });
        if (!locked || !isApplicantSide(actor, locked.row, locked.parties)) {
          forbidden = true;
          throw new AppError("CASE.NOT_FOUND");
        }
        const bundle = verifiedBundle(locked);
        const resubmit = bundle.row.stage === "correction";
        // 即时办结 candidates are read once, under the unit lock: the rules at submit are the check at commit.
        const eligible = !resubmit && typesOf(bundle).every((t) => t.instant);
        const unit = eligible
          ? await lockCaseUnits(tx, bundle)
          : await loadUnitSlice(tx, bundle.row.unit_code);
        if (!unit) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode: bundle.row.unit_code });
        const findings = await evaluateAt(tx, bundle, unit, "submit", calendar);
        const drafts = buildDrafts({ ...bundle, caseRow: bundle.row, taxCleared: true, feePaid: true });
        let route: InstantRoute = instantRoute(drafts, findings);
        const record = drafts.some((d) => requireBusinessType(d.typeId).instant)
          ? { instant_route: JSON.stringify(route) }
          : {};
        let state = await move(
          tx,
          ctx,
          bundle,
          { kind: resubmit ? "resubmit" : "submit" },
          { role: "applicant", office: null },
          calendar,
          {
            findings,
            ...(route.route === "automatic" && eligible ? {} : { patch: record }),
          },
        );
        let registered: Extract<RegisterOutcome, { ok: true }> | undefined;
        if (eligible && route.route === "automatic") {
          const current = {
            ...bundle,
            row: { ...bundle.row, stage: state.stage, state: storedState(state) as never },
          };
          const automatic = route;
          const outcome = await registerWithin(
            tx,
            { ...ctx, actor: null },
            current,
            calendar,
            unit,
            async (passed) => {
              state = await move(
                tx,
                { ...ctx, actor: null },
                current,
                { kind: "auto", route: automatic },
                { role: "system", office: bundle.row.jurisdiction },
                calendar,
                { findings: passed, patch: { ...record, accepting_office: bundle.row.jurisdiction } },
              );
            },
          );
          if (outcome.ok) {
            registered = outcome;
          } else {
            route = {
              route: "human",
              reasons: blocking(outcome.findings).map((f) => `${f.rule} ${f.code}: ${f.message_en}`),
            };
            await updateCase(tx, id, {
              instant_route: JSON.stringify(route),
              findings: JSON.stringify(outcome.findings.map(presentFinding)),
            });
          }
        }
        return {
          id,
          stage: state.stage,
          findings: (registered?.findings ?? findings).map(presentFinding),
          blocked: blocking(findings).length > 0,
          instant: route,
          certificates: registered?.certificates ?? [],
          entries: registered?.entries ?? [],
        };
      }).catch(async (error: unknown) => {
        if (forbidden)
          await writeAudit(db, ctx, {
            action: "case.submit",
            outcome: "denied",
            targetType: "case",
            targetId: id,
          });
        throw error;
      });
      if (result.certificates.length > 0) deps.afterCommit?.();
      return result;
    },

    /** Staff stage actions: acceptance anywhere, review and the rest by the unit's office. */
    async act(ctx: RequestContext, id: string, input: StaffActionInput) {
      if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const actor = ctx.actor;
      const first = await requireBundle(db, id).catch(() => undefined);
      const role =
        first && staffRoleFor(actor, first.row, input.kind, "office" in input ? input.office : undefined);
      if (!first || !role) return denied(ctx, input.kind, id);
      const calendar = await deps.calendar();
      return inTransaction(db, async (tx) => {
        const bundle = await requireBundle(tx, id, { lock: true });
        const stage = RULE_STAGE[input.kind];
        const findings = stage ? await findingsAt(tx, bundle, stage, calendar) : undefined;
        if (input.kind === "accept" && findings && blocking(findings).length > 0)
          throw new AppError("CASE.RULES_BLOCK", { findings: blocking(findings).map(presentFinding) });
        const action: CaseAction =
          input.kind === "review" || input.kind === "issue"
            ? { kind: input.kind, findings: findings ?? [] }
            : input.kind === "start-announcement"
              ? { kind: "start-announcement", calendar }
              : input.kind === "not-accept" ||
                  input.kind === "refuse" ||
                  input.kind === "suspend" ||
                  input.kind === "receive-objection"
                ? { kind: input.kind, reasons: input.reasons }
                : input.kind === "request-correction"
                  ? { kind: "request-correction", items: input.items }
                  : { kind: input.kind };
        const state = await move(
          tx,
          ctx,
          bundle,
          action,
          { role: role.role, office: role.office },
          calendar,
          {
            ...(findings ? { findings } : {}),
            ...(input.kind === "accept" || input.kind === "not-accept"
              ? { patch: { accepting_office: role.office } }
              : {}),
          },
        );
        return { id, stage: state.stage, findings: (findings ?? []).map(presentFinding) };
      });
    },

    /**
     * 登簿 by the unit's own office's registrar, with the check at commit. Blocking findings refuse
     * the registration (nothing is written but the findings); the registrar may then refuse the
     * case with written reasons (不予登记) or wait.
     */
    async register(ctx: RequestContext, id: string) {
      if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const first = await requireBundle(db, id).catch(() => undefined);
      const role = first && staffRoleFor(ctx.actor, first.row, "register");
      if (!first || !role) return denied(ctx, "register", id);
      const calendar = await deps.calendar();
      const outcome = await inTransaction(db, async (tx) => {
        const bundle = await requireBundle(tx, id, { lock: true });
        if (bundle.row.stage !== "reviewed") throw new AppError("CASE.STAGE", { stage: bundle.row.stage });
        let stage = bundle.row.stage;
        const result = await registerWithin(tx, ctx, bundle, calendar, undefined, async (passed) => {
          const state = await move(
            tx,
            ctx,
            bundle,
            { kind: "register", findings: passed },
            { role: "registrar", office: role.office },
            calendar,
            { findings: passed },
          );
          stage = state.stage;
        });
        if (!result.ok) {
          await updateCase(tx, id, { findings: JSON.stringify(result.findings.map(presentFinding)) });
          await writeAudit(tx, ctx, {
            action: "case.register",
            outcome: "failed",
            targetType: "case",
            targetId: id,
            jurisdiction: bundle.row.jurisdiction,
            details: { blocking: blocking(result.findings).map((f) => f.code) },
          });
          return result;
        }
        return { ...result, stage };
      });
      if (!outcome.ok)
        throw new AppError("CASE.RULES_BLOCK", { findings: blocking(outcome.findings).map(presentFinding) });
      if (outcome.certificates.length > 0) deps.afterCommit?.();
      return {
        id,
        stage: "registered",
        findings: outcome.findings.map(presentFinding),
        entries: outcome.entries,
        certificates: outcome.certificates,
        voided: outcome.voided,
      };
    },

    /** 撤回 by the applicant before registering (R28). */
    async withdraw(ctx: RequestContext, id: string) {
      if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const actor = ctx.actor;
      const first = await requireBundle(db, id).catch(() => undefined);
      if (!first || !isApplicantSide(actor, first.row, first.parties)) return denied(ctx, "withdraw", id);
      const calendar = await deps.calendar();
      return inTransaction(db, async (tx) => {
        const bundle = await requireBundle(tx, id, { lock: true });
        const state = await move(
          tx,
          ctx,
          bundle,
          { kind: "withdraw" },
          { role: "applicant", office: null },
          calendar,
        );
        return { id, stage: state.stage };
      });
    },

    /** The rules' findings for the case now (shown to the applicant and staff; no state change). */
    async findings(bundle: CaseBundle, stage: RuleStage = "submit") {
      const calendar = await deps.calendar();
      return inTransaction(db, (tx) => findingsAt(tx, bundle, stage, calendar));
    },
  };
}

export type CaseWorkflowService = ReturnType<typeof createCaseWorkflowService>;
