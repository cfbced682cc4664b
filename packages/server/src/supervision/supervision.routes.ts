import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses, ZCountyCode } from "../platform/http/schemas";
import type { AlertsService } from "./alerts.service";
import {
  ZAlert,
  ZAlertDetail,
  ZAlertRule,
  ZAlertStatus,
  ZFollowUp,
  ZThresholds,
} from "./supervision.schemas";

/** 廉防预警: the alert list, an alert with its evidence and follow-ups, thresholds per office. */
export const supervisionRoutes =
  (alerts: AlertsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["supervision 监管"];
    const ZAlertId = z.object({ id: z.string().uuid() });
    const ZOffice = z.object({ office: ZCountyCode });

    app.get(
      "/api/supervision/alerts",
      {
        schema: {
          tags,
          summary: "廉防预警列表 Integrity and risk alerts of the caller's offices (supervisors)",
          querystring: z.strictObject({
            status: ZAlertStatus.optional(),
            rule: ZAlertRule.optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: {
            200: z.object({ alerts: z.array(ZAlert), byStatus: z.record(z.string(), z.number()) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        const q = request.query;
        return alerts.list(contextOf(request), {
          ...(q.status ? { status: q.status } : {}),
          ...(q.rule ? { rule: q.rule } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
        });
      },
    );

    app.get(
      "/api/supervision/alerts/:id",
      {
        schema: {
          tags,
          summary: "预警详情 An alert with its evidence (cases, timeline lines, audit rows) and follow-ups",
          params: ZAlertId,
          response: { 200: ZAlertDetail, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return alerts.detail(contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/supervision/alerts/:id/follow-up",
      {
        schema: {
          tags,
          summary: "预警跟进 Assign, explain, close as justified or escalate (supervisors of the office)",
          params: ZAlertId,
          body: ZFollowUp,
          response: { 200: ZAlertDetail, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        const { action, note, assignee } = request.body;
        return alerts.followUp(contextOf(request), request.params.id, {
          action,
          note,
          ...(assignee ? { assignee } : {}),
        });
      },
    );

    app.post(
      "/api/supervision/offices/:office/alerts/evaluate",
      {
        schema: {
          tags,
          summary: "立即检查 Run the integrity rules over the office now (the scheduler runs them too)",
          params: ZOffice,
          response: { 200: z.object({ raised: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return alerts.evaluateNow(contextOf(request), request.params.office);
      },
    );

    app.get(
      "/api/supervision/offices/:office/thresholds",
      {
        schema: {
          tags,
          summary: "预警阈值 The office's thresholds with their defaults and bounds",
          params: ZOffice,
          response: { 200: ZThresholds, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return alerts.thresholds(contextOf(request), request.params.office);
      },
    );

    app.put(
      "/api/supervision/offices/:office/thresholds",
      {
        schema: {
          tags,
          summary: "设置预警阈值 Change some thresholds of the office (whole numbers within bounds)",
          params: ZOffice,
          body: z.record(z.string(), z.number()),
          response: { 200: ZThresholds, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return alerts.setThresholds(contextOf(request), request.params.office, request.body);
      },
    );
  };
