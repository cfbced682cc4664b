import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses, ZCountyCode } from "../platform/http/schemas";
import { dashboardCsv } from "./dashboard.csv";
import type { DashboardService } from "./dashboard.service";

const ZRates = z.object({
  submitted: z.number(),
  registered: z.number(),
  online: z.number(),
  instant: z.number(),
  onTime: z.number(),
  onlineRate: z.number().nullable(),
  instantRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  averageDays: z.number().nullable(),
});

export const ZDashboardFigures = z.object({
  view: z.enum(["city", "office"]),
  scope: z.array(z.string()),
  period: z.object({ from: z.string(), to: z.string() }),
  totals: ZRates,
  byDay: z.array(z.object({ day: z.string(), submitted: z.number(), registered: z.number() })),
  byOffice: z.array(ZRates.extend({ key: z.string(), name: z.string() })),
  byType: z.array(ZRates.extend({ key: z.string(), name: z.string(), promisedDays: z.number().nullable() })),
  staff: z.array(
    z.object({ office: z.string(), staffId: z.string(), name: z.string(), actions: z.number() }),
  ),
  backlog: z.array(
    z.object({
      office: z.string(),
      name: z.string(),
      stage: z.string(),
      open: z.number(),
      overdue: z.number(),
    }),
  ),
  mortgages: z.array(z.object({ bank: z.string(), count: z.number(), amountYuan: z.number() })),
  market: z.array(
    z.object({
      month: z.string(),
      office: z.string(),
      name: z.string(),
      transfers: z.number(),
      averagePriceYuan: z.number().nullable(),
    }),
  ),
});

const ZQuery = z.object({
  from: z.string().max(10).optional().describe("YYYY-MM-DD, default 29 days before `to`"),
  to: z.string().max(10).optional().describe("YYYY-MM-DD, default today (China)"),
  office: ZCountyCode.optional().describe("one county office of the caller's scope (a leader's drill-down)"),
});

/** 一屏智判: the supervisors' dashboard figures and their CSV export (the same numbers). */
export const dashboardRoutes =
  (dashboards: DashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["supervision 监管"];
    app.get(
      "/api/dashboards/figures",
      {
        schema: {
          tags,
          summary: "一屏智判 Dashboard figures of a period (city leader or office head; at most 366 days)",
          querystring: ZQuery,
          response: { 200: ZDashboardFigures, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return dashboards.figures(contextOf(request), request.query);
      },
    );
    app.get(
      "/api/dashboards/figures.csv",
      {
        schema: {
          tags,
          summary: "一屏智判导出 The same figures as CSV (section,key,name,metric,value)",
          querystring: ZQuery,
          produces: ["text/csv"],
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const figures = await dashboards.figures(contextOf(request), request.query);
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="dashboard-${figures.period.from}-${figures.period.to}.csv"`,
          )
          .send(dashboardCsv(figures));
      },
    );
  };
