import {
  type Actor,
  blocking,
  type CaseAction,
  type InstantRoute,
  instantRoute,
  type RuleStage,
  requireBusinessType,
} from "@yulin/domain";
import type { RequestContext } from "../platform/audit/audit";
import { writeAudit } from "../platform/audit/audit";
import { inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { isApplicantSide, staffRoleFor } from "./case.access";
import { updateCase } from "./case.repository";
import type { CaseBundle } from "./case-bundle";
import { caseContent, contentText } from "./case-content";
import { buildDrafts, presentFinding, storedState } from "./case-drafts";
import { requireActor, withLockedCase } from "./case-lock";
import { lockCaseUnits, type RegisterOutcome } from "./case-registering";
import { findRepayment } from "./case-repayments.repository";
import { createCaseTransitions, type WorkflowDeps } from "./case-transitions";
import { presentWithdrawal, withdrawalVoteOf } from "./case-withdrawal";
import { verifyContent } from "./party-keys";
import { loadUnitSlice } from "./unit-state.loader";

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
  const { db } = deps;
  const { typesOf, evaluateAt, findingsAt, move, registerWithin } = createCaseTransitions(deps);
  const applicantSide = (actor: Actor, locked: CaseBundle) =>
    isApplicantSide(actor, locked.row, locked.parties) && actor;

  /** Signatures verified once, at submit: a signature that does not verify does not count. */
  function verifiedBundle(bundle: CaseBundle): CaseBundle {
    const text = contentText(caseContent(bundle.row, bundle.parts, bundle.parties));
    const current = bundle.signatures.filter((s) => s.content_sm3 === bundle.row.content_sm3);
    const good = current.filter((s) => verifyContent(text, s.signature, s.public_key));
    return { ...bundle, signatures: good };
  }

  return {
    /**
     * 提交: the rules run and their findings are shown with their legal basis. An eligible case
     * (即时办结) from its channel with no blocking or warning finding is then registered in the
     * same transaction, after the check at commit; anything else waits for an acceptor.
     */
    async submit(ctx: RequestContext, id: string) {
      requireActor(ctx);
      const calendar = await deps.calendar();
      const result = await withLockedCase(db, ctx, id, {
        action: "case.submit",
        authorize: applicantSide,
        audit: null,
        change: async (tx, locked) => {
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
            receipts: registered?.receipts ?? [],
          };
        },
      });
      if (result.certificates.length > 0) deps.afterCommit?.();
      return result;
    },

    /** Staff stage actions: acceptance anywhere, review and the rest by the unit's office. */
    async act(ctx: RequestContext, id: string, input: StaffActionInput) {
      requireActor(ctx);
      const calendar = await deps.calendar();
      return withLockedCase(db, ctx, id, {
        action: `case.${input.kind}`,
        authorize: (actor, locked) =>
          staffRoleFor(actor, locked.row, input.kind, "office" in input ? input.office : undefined),
        audit: null,
        change: async (tx, bundle, role) => {
          if (input.kind === "certify") await requireNoAwaitedRepayment(tx, bundle.row.id);
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
        },
      });
    },

    /**
     * 登簿 by the unit's own office's registrar, with the check at commit. Blocking findings refuse
     * the registration (nothing is written but the findings); the registrar may then refuse the
     * case with written reasons (不予登记) or wait.
     */
    async register(ctx: RequestContext, id: string) {
      requireActor(ctx);
      const calendar = await deps.calendar();
      const outcome = await withLockedCase(db, ctx, id, {
        action: "case.register",
        authorize: (actor, locked) => staffRoleFor(actor, locked.row, "register"),
        audit: null,
        change: async (tx, bundle, role) => {
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
        },
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
        receipts: outcome.receipts,
      };
    },

    /**
     * 撤回 before registering (R28): asked for, or agreed to, by an applicant (or their agent).
     * A joint application is withdrawn only once every applicant has agreed; until then the
     * request is kept on the case and the case goes on.
     */
    async withdraw(ctx: RequestContext, id: string) {
      requireActor(ctx);
      const calendar = await deps.calendar();
      return withLockedCase(db, ctx, id, {
        action: "case.withdraw",
        authorize: applicantSide,
        audit: null,
        async change(tx, bundle, actor) {
          const withdraw = { kind: "withdraw", ...withdrawalVoteOf(actor, bundle) } as const;
          const state = await move(tx, ctx, bundle, withdraw, { role: "applicant", office: null }, calendar);
          const pending = state.stage === "withdrawn" ? undefined : state.withdrawal;
          return { id, stage: state.stage, withdrawal: presentWithdrawal(pending, bundle, actor) };
        },
      });
    },

    /**
     * Ends a pending joint withdrawal: the applicant who asked changes their mind, or another
     * applicant declines (R28). The case goes on as before. A request also lapses by itself
     * WITHDRAWAL_LAPSE_DAYS after it was asked (domain `cases/withdrawal.ts`).
     */
    async cancelWithdrawal(ctx: RequestContext, id: string) {
      requireActor(ctx);
      const calendar = await deps.calendar();
      return withLockedCase(db, ctx, id, {
        action: "case.withdraw-cancel",
        authorize: applicantSide,
        audit: null,
        async change(tx, bundle, actor) {
          const cancel = { kind: "withdraw-cancel", ...withdrawalVoteOf(actor, bundle) } as const;
          const state = await move(tx, ctx, bundle, cancel, { role: "applicant", office: null }, calendar);
          return { id, stage: state.stage };
        },
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

/** 带押过户（分段）: certified only once the old bank confirmed repayment and its mortgage is cancelled. */
async function requireNoAwaitedRepayment(tx: Tx, caseId: string): Promise<void> {
  const awaited = await findRepayment(tx, caseId);
  if (awaited && !awaited.confirmed_at)
    throw new AppError("CASE.AWAITING_REPAYMENT", { mortgageSeq: awaited.mortgage_seq });
}
