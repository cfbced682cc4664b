import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { TransparencyModule } from "./transparency.module";
import {
  ZComplaint,
  ZComplaintInput,
  ZMonthQuery,
  ZPublicStatistics,
  ZTrackingNo,
} from "./transparency.schemas";

/** 阳光登记, public without login: monthly statistics, the complaint channel and its publication. */
export const publicRoutes =
  (module: TransparencyModule): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["public 公开"];
    const { statistics, complaints } = module;

    app.get(
      "/api/public/statistics",
      {
        schema: {
          tags,
          security: [],
          summary: "登记统计公开 Cases, processing times and disputes of a month (no login)",
          querystring: ZMonthQuery,
          response: { 200: ZPublicStatistics, ...errorResponses },
        },
      },
      async (request) => statistics.month(request.query.month),
    );

    app.post(
      "/api/public/complaints",
      {
        schema: {
          tags,
          security: [],
          summary: "投诉 File a complaint about the registry or the cadastre (no login; contact required)",
          body: ZComplaintInput,
          response: { 201: ZComplaint, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await complaints.file(contextOf(request), request.body)),
    );

    app.get(
      "/api/public/complaints/:trackingNo",
      {
        schema: {
          tags,
          security: [],
          summary: "投诉查询 A complaint and its answer by tracking number",
          params: ZTrackingNo,
          response: { 200: ZComplaint, ...errorResponses },
        },
      },
      async (request) => complaints.track(request.params.trackingNo),
    );

    app.get(
      "/api/public/complaints",
      {
        schema: {
          tags,
          security: [],
          summary: "投诉公开 The complaints of a month with answers and deadlines, anonymised",
          querystring: ZMonthQuery,
          response: {
            200: z.object({ month: z.string(), complaints: z.array(ZComplaint) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { month, period } = statistics.checkMonth(request.query.month);
        return { month, complaints: await complaints.published(period) };
      },
    );
  };

/** 投诉处理 by the office's supervisors. */
export const complaintStaffRoutes =
  (module: TransparencyModule): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["supervision 监管"];
    const { complaints } = module;
    app.get(
      "/api/supervision/complaints",
      {
        schema: {
          tags,
          summary: "投诉处理 Complaints of the supervised offices",
          querystring: z.object({ status: z.enum(["open", "answered"]).optional() }),
          response: {
            200: z.object({ complaints: z.array(ZComplaint.extend({ contactName: z.string() })) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return { complaints: await complaints.listForStaff(contextOf(request), request.query.status) };
      },
    );
    app.post(
      "/api/supervision/complaints/:trackingNo/answer",
      {
        schema: {
          tags,
          summary: "答复投诉 Answer a complaint (supervisor of its office)",
          params: ZTrackingNo,
          body: z.strictObject({ answer: z.string().trim().min(5).max(4000) }),
          response: { 200: ZComplaint, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return complaints.answer(contextOf(request), request.params.trackingNo, request.body.answer);
      },
    );
  };
