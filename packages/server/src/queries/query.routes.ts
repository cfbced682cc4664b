import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { QueriesModule } from "./queries.module";
import {
  ZApplyResponse,
  ZMyQuery,
  ZPendingQuery,
  ZQueryApplication,
  ZQueryOfMine,
  ZQueryResult,
  ZQueryVerification,
} from "./query.schemas";

/** 查询 (R30): apply, my queries, who queried my property, the clerk's queue, sealed results. */
export const queryRoutes =
  (module: QueriesModule): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["queries 查询"];
    const { service, approval, results } = module;
    const ZId = z.object({ id: z.string().max(64) });

    app.post(
      "/api/queries",
      {
        schema: {
          tags,
          summary: "申请查询：当场答复或转人工审核，不符合条件的书面告知理由 Apply for a query",
          body: ZQueryApplication,
          response: { 201: ZApplyResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await service.apply(contextOf(request), request.body));
      },
    );

    app.get(
      "/api/queries/mine",
      {
        schema: {
          tags,
          summary: "我的查询记录 My query applications",
          response: { 200: z.object({ queries: z.array(ZMyQuery) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { queries: await service.listMine(contextOf(request)) };
      },
    );

    app.get(
      "/api/queries/of-my-property",
      {
        schema: {
          tags,
          summary: "谁查询了我的不动产 Who queried the property I hold",
          response: { 200: z.object({ entries: z.array(ZQueryOfMine) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { entries: await service.whoQueriedMine(contextOf(request)) };
      },
    );

    app.get(
      "/api/queries/pending",
      {
        schema: {
          tags,
          summary: "待审核查询（受理员）Material-backed queries waiting for a clerk",
          response: { 200: z.object({ queries: z.array(ZPendingQuery) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { queries: await approval.pending(contextOf(request)) };
      },
    );

    app.post(
      "/api/queries/:id/decision",
      {
        schema: {
          tags,
          summary: "审核查询申请：同意或书面说明理由不予查询 Approve or refuse with reasons",
          params: ZId,
          body: z.discriminatedUnion("approve", [
            z.object({ approve: z.literal(true) }),
            z.object({ approve: z.literal(false), reason: z.string().trim().min(2).max(500) }),
          ]),
          response: {
            200: z.object({ id: z.string(), status: z.enum(["answered", "refused"]) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return approval.decide(contextOf(request), request.params.id, request.body);
      },
    );

    app.get(
      "/api/queries/:id",
      {
        schema: {
          tags,
          summary: "查询申请及答复 One of my queries with its answer",
          params: ZId,
          response: {
            200: z.object({
              id: z.string(),
              number: z.string(),
              status: z.enum(["answered", "pending", "refused"]),
              dueOn: z.string().nullable(),
              verifyToken: z.string().nullable(),
              refusal: z.object({ message_zh: z.string(), message_en: z.string() }).passthrough().nullable(),
              result: ZQueryResult.nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return service.getMine(contextOf(request), request.params.id);
      },
    );

    app.get(
      "/api/queries/:id/pdf",
      {
        schema: {
          tags,
          summary: "下载查询结果证明（电子签章）Download the sealed query result",
          params: ZId,
          produces: ["application/pdf"],
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const { number, bytes } = await results.sealedPdf(contextOf(request), request.params.id);
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="query-result-${number}.pdf"`)
          .send(bytes);
      },
    );

    app.get(
      "/api/queries/verify/:token",
      {
        schema: {
          tags,
          summary: "查询结果证明核验（公开）Verify a query result: genuine, and changed since?",
          security: [],
          params: z.object({ token: z.string().max(80) }),
          response: { 200: ZQueryVerification, ...errorResponses },
        },
      },
      async (request) => results.verify(contextOf(request), request.params.token),
    );
  };
