import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { HolidayScheduleService } from "./holiday-schedule.service";

const ZYear = z.number().int().min(2000).max(2100);
const ZDay = z.strictObject({
  date: z.string().max(10),
  kind: z.enum(["off", "work"]).describe("off 放假 · work 调休上班"),
  name: z.string().min(1).max(40),
});
const ZSourceRef = z.string().trim().min(2).max(120).describe("The notice, e.g. 国办发明电〔2026〕12号");
const ZProposalResult = z.object({
  id: z.string(),
  year: z.number(),
  status: z.enum(["pending", "approved", "rejected"]),
  days: z.number().optional(),
  recomputedCases: z.number().nullable().optional(),
});
const ZProposal = z.object({
  id: z.string(),
  year: z.number(),
  days: z.array(z.object({ date: z.string(), kind: z.enum(["off", "work"]), name: z.string() })),
  sourceRef: z.string(),
  status: z.enum(["pending", "approved", "rejected"]),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  recomputedCases: z.number().nullable(),
  mine: z.boolean().describe("proposed by the caller, who may withdraw but not approve it"),
});
const ZDecision = z.strictObject({ note: z.string().trim().max(200).optional() });

/** 节假日安排 administration: enter or import a year's schedule, approve it as a second administrator. */
export const holidayScheduleRoutes =
  ({ schedules }: { schedules: HolidayScheduleService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["calendar 工作日历"];
    app.post(
      "/api/calendar/schedules",
      {
        schema: {
          tags,
          summary:
            "录入全年节假日安排（待另一管理员审批） Enter a year's schedule (pending a second administrator)",
          body: z.strictObject({ year: ZYear, sourceRef: ZSourceRef, days: z.array(ZDay).max(400) }),
          response: { 201: ZProposalResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await schedules.propose(contextOf(request), request.body));
      },
    );

    app.post(
      "/api/calendar/schedules/import",
      {
        schema: {
          tags,
          summary: "导入全年节假日安排（CSV/JSON） Import a year's schedule from CSV or JSON",
          body: z.strictObject({
            year: ZYear,
            sourceRef: ZSourceRef,
            format: z.enum(["csv", "json"]),
            text: z
              .string()
              .min(1)
              .max(100_000)
              .describe("CSV lines date,kind,name or JSON [{date,kind,name}]"),
          }),
          response: { 201: ZProposalResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await schedules.importSchedule(contextOf(request), request.body));
      },
    );

    app.get(
      "/api/calendar/schedules",
      {
        schema: {
          tags,
          summary: "节假日安排提议 Schedule proposals",
          querystring: z.strictObject({
            year: z.coerce.number().int().min(2000).max(2100).optional(),
            status: z.enum(["pending", "approved", "rejected"]).optional(),
          }),
          response: { 200: z.object({ proposals: z.array(ZProposal) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { proposals: await schedules.list(contextOf(request), request.query) };
      },
    );

    for (const [verb, summary] of [
      [
        "approve",
        "审批生效（另一管理员） Approve: the schedule takes effect and open deadlines are recomputed",
      ],
      ["reject", "驳回或撤回 Reject or withdraw"],
    ] as const) {
      app.post(
        `/api/calendar/schedules/:id/${verb}`,
        {
          schema: {
            tags,
            summary,
            params: z.object({ id: z.uuid() }),
            body: ZDecision.optional(),
            response: { 200: ZProposalResult, ...errorResponses },
          },
        },
        async (request) => {
          requireAuth(request);
          const note = request.body?.note || null;
          return schedules[verb](contextOf(request), request.params.id, note);
        },
      );
    }
  };
