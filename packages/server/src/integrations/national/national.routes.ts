import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../../platform/http/request-context";
import { errorResponses } from "../../platform/http/schemas";
import type { NationalService } from "./national.service";

const ZWaiting = z.object({
  reportId: z.string(),
  caseId: z.string(),
  jurisdiction: z.string(),
  unitCode: z.string(),
  status: z.enum(["pending", "delivered", "acknowledged", "rejected"]),
  sends: z.number().int(),
  day: z.string(),
  registeredAt: z.string(),
  lastSentAt: z.string(),
});

const ZReconciliation = z.object({
  day: z.string(),
  registrations: z.number().int(),
  acknowledged: z.number().int(),
  acksFetched: z.number().int(),
  acksRecorded: z.number().int(),
  acksRefused: z.array(z.string()),
  reported: z.number().int(),
  resent: z.number().int(),
  outstanding: z.number().int(),
});

/** 登簿日志上报 on the operator page: the backlog and the daily reconciliation (administrators). */
export const nationalRoutes =
  (national: NationalService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["integrations 部门协同"];
    app.get(
      "/api/integrations/national/backlog",
      {
        schema: {
          tags,
          summary: "登簿日志上报积压 National reporting backlog: counts and reports not acknowledged",
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
          response: {
            200: z.object({
              mode: z.enum(["simulator", "http"]),
              pending: z.number().int(),
              delivered: z.number().int(),
              acknowledged: z.number().int(),
              rejected: z.number().int(),
              duplicateAcks: z.number().int(),
              waiting: z.array(ZWaiting),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return national.backlog(contextOf(request), request.query.limit);
      },
    );
    app.post(
      "/api/integrations/national/reconcile",
      {
        schema: {
          tags,
          summary:
            "登簿日志对账 Reconcile a day's registrations with the acknowledgements; re-send what is missing",
          body: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
          response: { 200: ZReconciliation, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return national.reconcile(contextOf(request), request.body.day);
      },
    );
  };
