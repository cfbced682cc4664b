import {
  addWorkingDays,
  can,
  classifyDeadline,
  DEFAULT_OFFICE_SETTINGS,
  type HolidayCalendar,
  type RuleStage,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { officesOf } from "./case.access";
import { presentCase, presentCaseSummary } from "./case.presenter";
import { listAcceptingQueue, listCasesByDeadline, listCasesOf, listOfficeCases } from "./case.repository";
import type { CaseApplicationService } from "./case.service";
import { chinaDateOf } from "./case-clock";
import { OPEN_STAGES } from "./case-deadlines";
import { presentFinding } from "./case-drafts";
import { findRepayment } from "./case-repayments.repository";
import type { CaseWorkflowService } from "./case-workflow.service";

/** Reads: one case with what the caller may do next, work queues, and supervisors' deadline lists. */
export function createCaseViewsService(deps: {
  db: Database;
  now: () => Date;
  calendar: () => Promise<HolidayCalendar>;
  application: CaseApplicationService;
  workflow: CaseWorkflowService;
  /** The certificates and certifications issued for a case (certificates module). */
  certificatesOf: (
    caseId: string,
  ) => Promise<Array<{ id: string; number: string; kind: string; status: string }>>;
}) {
  const { db, now } = deps;

  return {
    async getCase(ctx: RequestContext, id: string) {
      const bundle = await deps.application.readable(ctx, id);
      await writeAudit(db, ctx, {
        action: "case.read",
        outcome: "success",
        targetType: "case",
        targetId: id,
        jurisdiction: bundle.row.jurisdiction,
      });
      return presentCase(bundle, ctx.actor!, await deps.certificatesOf(id), await findRepayment(db, id));
    },

    /** The rules' findings for the case as it stands now, at a stage (预审: shown before submitting). */
    async checkCase(ctx: RequestContext, id: string, stage: RuleStage = "submit") {
      const bundle = await deps.application.readable(ctx, id);
      const findings = await deps.workflow.findings(bundle, stage);
      return { id, stage, findings: findings.map(presentFinding) };
    },

    /** The caller's cases: as applicant or party (citizens, companies, institutions), or the office queue. */
    async listCases(
      ctx: RequestContext,
      query: { queue?: "accepting" | "registering"; stages?: string[]; limit?: number },
    ) {
      const actor = ctx.actor;
      if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const limit = Math.min(query.limit ?? 50, 200);
      if (actor.kind !== "staff") {
        const rows = await listCasesOf(
          db,
          { accountId: actor.accountId, institutionId: actor.institutionId },
          limit,
        );
        return rows.map(presentCaseSummary);
      }
      const offices = [...new Set(actor.roles.map((r) => r.jurisdiction))].filter((o) =>
        can(actor, "case.read", { jurisdiction: o }),
      );
      if (query.queue === "accepting") {
        // 全市通办: a submitted case waits for any office; accepted ones stay with their accepting office.
        const anyAcceptor = officesOf(actor, "acceptor").length > 0;
        const rows = await listAcceptingQueue(db, { anyAcceptor, offices }, limit);
        return rows.map(presentCaseSummary);
      }
      const rows = await listOfficeCases(
        db,
        {
          offices,
          stages: query.stages?.length
            ? query.stages
            : ["submitted", ...OPEN_STAGES, "registered", "certified", "issued"],
        },
        limit,
      );
      return rows.map(presentCaseSummary);
    },

    /**
     * R23 督办: open cases past their promised deadline (`overdue`) or within the office's due-soon
     * window (`due-soon`), for supervisors of the jurisdiction (a city supervisor sees its counties).
     */
    async deadlineList(
      ctx: RequestContext,
      which: "overdue" | "due-soon",
      options: { limit?: number; today?: string } = {},
    ) {
      const actor = ctx.actor;
      if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const scopes = officesOf(actor, "supervisor").filter((o) =>
        can(actor, "supervision.view", { jurisdiction: o }),
      );
      if (scopes.length === 0) {
        await writeAudit(db, ctx, { action: `case.${which}`, outcome: "denied" });
        throw new AppError("AUTH.FORBIDDEN");
      }
      const prefixes = scopes.map((s) =>
        s.endsWith("0000") ? s.slice(0, 2) : s.endsWith("00") ? s.slice(0, 4) : s,
      );
      const today = options.today ?? chinaDateOf(now());
      const calendar = await deps.calendar();
      const window = DEFAULT_OFFICE_SETTINGS.dueSoonWorkingDays;
      const rows =
        which === "overdue"
          ? await listCasesByDeadline(
              db,
              { prefixes, stages: OPEN_STAGES, before: today },
              options.limit ?? 200,
            )
          : await listCasesByDeadline(
              db,
              {
                prefixes,
                stages: OPEN_STAGES,
                before: addWorkingDays(calendar, today, window + 1).date,
                onOrAfter: today,
              },
              options.limit ?? 200,
            );
      const classified = rows
        .map((row) => ({
          row,
          status: classifyDeadline(
            { date: row.deadline!, provisional: row.deadline_provisional, paused: row.clock_paused },
            today,
            calendar,
            window,
          ),
        }))
        // A paused clock (补正, 公告, 中止) is not late: its deadline moves with the pause.
        .filter((c) => c.status === which && !(which === "overdue" && c.row.clock_paused));
      await writeAudit(db, ctx, {
        action: `case.${which}`,
        outcome: "success",
        details: { count: classified.length, scopes },
      });
      return {
        today,
        cases: classified.map(({ row }) => ({
          ...presentCaseSummary(row),
          daysLate:
            which === "overdue"
              ? Math.round((Date.parse(today) - Date.parse(row.deadline!)) / 86_400_000)
              : 0,
        })),
      };
    },
  };
}

export type CaseViewsService = ReturnType<typeof createCaseViewsService>;
