import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import {
  ZAcceptRequest,
  ZCaseId,
  ZCorrectionRequest,
  ZDeadlineList,
  ZNotAcceptRequest,
  ZReasons,
  ZRegisterResult,
  ZStageResult,
  ZSubmitResult,
} from "./case.schemas";
import type { CaseViewsService } from "./case-views.service";
import type { CaseWorkflowService, StaffActionInput } from "./case-workflow.service";

const ZWithdrawResult = z.object({
  id: z.string(),
  stage: z.string(),
  /** A joint withdrawal still waiting for other applicants; absent once withdrawn. */
  withdrawal: z
    .object({
      requestedBy: z.string(),
      requestedAt: z.string(),
      confirmedBy: z.array(z.string()),
      awaiting: z.array(z.string()),
      agreedByYou: z.boolean(),
    })
    .optional(),
});

/** The stage routes: submit, withdraw, the staff actions, 登簿, and the supervisors' deadline lists. */
export const caseWorkflowRoutes =
  (deps: { workflow: CaseWorkflowService; views: CaseViewsService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["cases 案件"];
    const { workflow, views } = deps;

    app.post(
      "/api/cases/:id/submit",
      {
        schema: {
          tags,
          summary: "提交（补正后重新提交） Submit or resubmit: findings; instant types may register at once",
          params: ZCaseId,
          response: { 200: ZSubmitResult, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return workflow.submit(contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/cases/:id/withdraw",
      {
        schema: {
          tags,
          summary:
            "撤回 Ask for or agree to withdrawal before registering; joint cases need every applicant (R28)",
          params: ZCaseId,
          response: { 200: ZWithdrawResult, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return workflow.withdraw(contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/cases/:id/withdraw/cancel",
      {
        schema: {
          tags,
          summary:
            "取消或拒绝撤回 End a pending joint withdrawal: the asker changes their mind or another applicant declines (R28)",
          params: ZCaseId,
          response: { 200: ZWithdrawResult.omit({ withdrawal: true }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return workflow.cancelWithdrawal(contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/cases/:id/register",
      {
        schema: {
          tags,
          summary: "登簿 Register (the unit's office), with the check at commit",
          params: ZCaseId,
          response: { 200: ZRegisterResult, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return workflow.register(contextOf(request), request.params.id);
      },
    );

    const staffAction = <S extends z.ZodType>(
      path: string,
      summary: string,
      body: S | undefined,
      toInput: (body: z.infer<S>) => StaffActionInput,
    ) =>
      app.post(
        `/api/cases/:id/${path}`,
        {
          schema: {
            tags,
            summary,
            params: ZCaseId,
            ...(body ? { body } : {}),
            response: { 200: ZStageResult, ...errorResponses },
          },
        },
        async (request) => {
          requireAuth(request);
          return workflow.act(
            contextOf(request),
            (request.params as { id: string }).id,
            toInput(request.body as z.infer<S>),
          );
        },
      );

    staffAction("accept", "受理 Accept (any office: 全市通办/跨省通办)", ZAcceptRequest, (b) => ({
      kind: "accept",
      ...(b?.office ? { office: b.office } : {}),
    }));
    staffAction("not-accept", "不予受理 Not accepted, with written reasons", ZNotAcceptRequest, (b) => ({
      kind: "not-accept",
      reasons: b.reasons,
      ...(b.office ? { office: b.office } : {}),
    }));
    staffAction(
      "request-correction",
      "一次性告知补正 Return for correction: every item at once; the clock stops",
      ZCorrectionRequest,
      (b) => ({ kind: "request-correction", items: b.items }),
    );
    staffAction("announcement/start", "公告 Start the announcement", undefined, () => ({
      kind: "start-announcement",
    }));
    staffAction(
      "announcement/objection",
      "公告期异议 An objection received during the announcement",
      ZReasons,
      (b) => ({ kind: "receive-objection", reasons: b.reasons }),
    );
    staffAction("announcement/end", "公告期满 End the announcement", undefined, () => ({
      kind: "end-announcement",
    }));
    staffAction("review", "审核 Review (the unit's office)", undefined, () => ({ kind: "review" }));
    staffAction("suspend", "中止 Suspend, with reasons", ZReasons, (b) => ({
      kind: "suspend",
      reasons: b.reasons,
    }));
    staffAction("resume", "恢复 Resume", undefined, () => ({ kind: "resume" }));
    staffAction("refuse", "不予登记 Refuse, with written reasons", ZReasons, (b) => ({
      kind: "refuse",
      reasons: b.reasons,
    }));
    staffAction("certify", "缮证 Certificate prepared", undefined, () => ({ kind: "certify" }));
    staffAction("issue", "发证 Issue (fees paid, R22)", undefined, () => ({ kind: "issue" }));
    staffAction("archive", "归档 Archive", undefined, () => ({ kind: "archive" }));

    const deadlineList = (list: "overdue" | "due-soon", summary: string) =>
      app.get(
        `/api/supervision/cases/${list}`,
        {
          schema: {
            tags,
            summary,
            querystring: z.object({
              today: z.iso.date().optional().describe("As of this day (default: today, China time)"),
            }),
            response: { 200: ZDeadlineList, ...errorResponses },
          },
        },
        async (request) => {
          requireAuth(request);
          const { today } = request.query;
          return views.deadlineList(contextOf(request), list, today ? { today } : {});
        },
      );
    deadlineList("overdue", "超期案件 Overdue cases (supervisors, R23)");
    deadlineList("due-soon", "临期案件 Cases due soon (supervisors, R23)");
  };
