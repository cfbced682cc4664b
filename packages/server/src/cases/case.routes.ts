import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import {
  ZCaseId,
  ZCaseSummary,
  ZCaseView,
  ZConsentRequest,
  ZCreateCaseRequest,
  ZFinding,
  ZMaterialRequest,
  ZPartDetails,
  ZPartyInput,
  ZSubmitResult,
  ZTimeline,
} from "./case.schemas";
import type { CaseApplicationService } from "./case.service";
import type { CaseViewsService } from "./case-views.service";
import type { CaseWorkflowService } from "./case-workflow.service";

export type CaseRouteDeps = {
  application: CaseApplicationService;
  workflow: CaseWorkflowService;
  views: CaseViewsService;
};

const ok = z.object({ ok: z.literal(true) });

/** Thin routes: authenticate → validate → one service call → present (STYLE.md §3). */
export const caseRoutes =
  (deps: CaseRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["cases 案件"];
    const { application, workflow, views } = deps;

    app.post(
      "/api/cases",
      {
        schema: {
          tags,
          summary: "申请（草稿） Create a case: by a party, a helper (帮办人) or an agent",
          body: ZCreateCaseRequest,
          response: {
            201: z.object({ id: z.string(), submitted: ZSubmitResult.nullable() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const ctx = contextOf(request);
        const { confirm, submit, ...input } = request.body;
        const { id } = await application.createCase(ctx, input);
        if (confirm || submit)
          await application.confirm(ctx, id).catch((error) => {
            if (!(error as { code?: string }).code?.startsWith("CASE.NOT_A_PARTY")) throw error;
          });
        const submitted = submit ? await workflow.submit(ctx, id) : null;
        return reply.status(201).send({ id, submitted });
      },
    );

    app.get(
      "/api/cases",
      {
        schema: {
          tags,
          summary: "我的案件 / 窗口队列 The caller's cases, or an office's work queue",
          querystring: z.object({
            queue: z.enum(["accepting", "registering"]).optional(),
            stage: z.string().optional().describe("comma-separated stages"),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
          response: { 200: z.object({ cases: z.array(ZCaseSummary) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        const { queue, stage, limit } = request.query;
        return {
          cases: await views.listCases(contextOf(request), {
            ...(queue ? { queue } : {}),
            ...(stage ? { stages: stage.split(",") } : {}),
            ...(limit ? { limit } : {}),
          }),
        };
      },
    );

    app.get(
      "/api/cases/:id",
      {
        schema: {
          tags,
          summary: "案件详情 One case with what the caller may do next",
          params: ZCaseId,
          response: { 200: ZCaseView, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return views.getCase(contextOf(request), request.params.id);
      },
    );

    app.get(
      "/api/cases/:id/timeline",
      {
        schema: {
          tags,
          summary: "案件时间线 Every transition: actor, office, time, reasons",
          params: ZCaseId,
          response: { 200: ZTimeline, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return application.timeline(contextOf(request), request.params.id);
      },
    );

    app.get(
      "/api/cases/:id/findings",
      {
        schema: {
          tags,
          summary: "规则检查（预审） The rules' findings now, with their legal basis",
          params: ZCaseId,
          querystring: z.object({
            stage: z.enum(["submit", "accept", "review", "register", "issue"]).optional(),
          }),
          response: {
            200: z.object({ id: z.string(), stage: z.string(), findings: z.array(ZFinding) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return views.checkCase(contextOf(request), request.params.id, request.query.stage ?? "submit");
      },
    );

    app.get(
      "/api/cases/:id/content",
      {
        schema: {
          tags,
          summary: "待签名内容 The canonical content the parties sign, and its SM3",
          params: ZCaseId,
          response: {
            200: z.object({ content: z.unknown(), text: z.string(), sm3: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return application.content(contextOf(request), request.params.id);
      },
    );

    app.put(
      "/api/cases/:id/parts/:partNo",
      {
        schema: {
          tags,
          summary: "修改申请事项 Change a part's particulars (draft or correction)",
          params: ZCaseId.extend({ partNo: z.coerce.number().int().min(0).max(9) }),
          body: ZPartDetails,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        await application.updatePart(
          contextOf(request),
          request.params.id,
          request.params.partNo,
          request.body,
        );
        return { ok: true as const };
      },
    );

    app.post(
      "/api/cases/:id/parts/:partNo/parties",
      {
        schema: {
          tags,
          summary: "邀请当事人 Add (invite) a party to a part",
          params: ZCaseId.extend({ partNo: z.coerce.number().int().min(0).max(9) }),
          body: ZPartyInput,
          response: { 201: z.object({ personKey: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const result = await application.addParty(
          contextOf(request),
          request.params.id,
          request.params.partNo,
          request.body,
        );
        return reply.status(201).send(result);
      },
    );

    app.delete(
      "/api/cases/:id/parties/:partyId",
      {
        schema: {
          tags,
          summary: "移除当事人 Remove a party",
          params: ZCaseId.extend({ partyId: z.uuid() }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        await application.removeParty(contextOf(request), request.params.id, request.params.partyId);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/cases/:id/confirm",
      {
        schema: {
          tags,
          summary: "确认并电子签名 Confirm as a party: SM2 signature over the canonical content",
          params: ZCaseId,
          response: {
            200: z.object({ signedAs: z.array(z.string()), contentSm3: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return application.confirm(contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/cases/:id/parties/:partyId/witness",
      {
        schema: {
          tags,
          summary: "窗口见证签名 Counter staff witness a party's signature",
          params: ZCaseId.extend({ partyId: z.uuid() }),
          response: { 200: z.object({ contentSm3: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return application.witness(contextOf(request), request.params.id, request.params.partyId);
      },
    );

    app.post(
      "/api/cases/:id/materials",
      {
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags,
          summary: "提交材料 Upload a material (PDF, JPEG, PNG, OFD; SM3 digest), or refer to an e-licence",
          params: ZCaseId,
          body: ZMaterialRequest,
          response: { 201: z.object({ id: z.string(), sm3: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply
          .status(201)
          .send(await application.addMaterial(contextOf(request), request.params.id, request.body));
      },
    );

    app.get(
      "/api/cases/:id/materials/:materialId/file",
      {
        schema: {
          tags,
          summary: "下载材料 A material's file",
          params: ZCaseId.extend({ materialId: z.uuid() }),
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const file = await application.materialFile(
          contextOf(request),
          request.params.id,
          request.params.materialId,
        );
        return reply
          .type(file.mediaType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.bytes);
      },
    );

    app.post(
      "/api/cases/:id/consents",
      {
        schema: {
          tags,
          summary: "书面同意 Record a written consent (R10, R13, R14)",
          params: ZCaseId,
          body: ZConsentRequest,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        await application.recordConsent(contextOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/cases/:id/risk-statements",
      {
        schema: {
          tags,
          summary: "异议风险承诺 The applicant accepts the risk of an objection (R12)",
          params: ZCaseId,
          body: z.object({ objectionId: z.string().min(1) }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        await application.recordRiskStatement(
          contextOf(request),
          request.params.id,
          request.body.objectionId,
        );
        return { ok: true as const };
      },
    );
  };
