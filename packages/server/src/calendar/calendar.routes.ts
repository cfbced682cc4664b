import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { CalendarService } from "./calendar.service";

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const ZYear = z.coerce.number().int().min(2000).max(2100);

export const calendarRoutes =
  ({ calendar }: { calendar: CalendarService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["calendar 工作日历"];
    app.get(
      "/api/calendar/holidays",
      {
        schema: {
          tags,
          summary: "节假日安排 Holiday schedule of a year",
          querystring: z.strictObject({ year: ZYear }),
          response: {
            200: z.object({
              year: z.number(),
              official: z.boolean().describe("false: no State Council schedule loaded; only weekends count"),
              days: z.array(
                z.object({
                  date: z.string(),
                  kind: z.enum(["off", "work"]),
                  name: z.string(),
                  source: z.string(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => calendar.listYear(request.query.year),
    );

    app.get(
      "/api/calendar/deadline",
      {
        schema: {
          tags,
          summary: "按工作日计算期限 Deadline in working days (R23, R24)",
          querystring: z.strictObject({ from: ZDate, workingDays: z.coerce.number().int().min(0).max(400) }),
          response: { 200: z.object({ date: z.string(), provisional: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => calendar.deadline(request.query.from, request.query.workingDays),
    );

    app.put(
      "/api/calendar/holidays/:date",
      {
        schema: {
          tags,
          summary: "维护节假日（管理员） Set a day off or an adjusted working day",
          params: z.object({ date: ZDate }),
          body: z.strictObject({ kind: z.enum(["off", "work"]), name: z.string().min(1).max(40) }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        await calendar.setDay(contextOf(request), request.params.date, request.body.kind, request.body.name);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      "/api/calendar/holidays/:date",
      {
        schema: {
          tags,
          summary: "删除节假日 Remove a day",
          params: z.object({ date: ZDate }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        await calendar.clearDay(contextOf(request), request.params.date);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/api/calendar/years/:year",
      {
        schema: {
          tags,
          summary: "确认全年安排已录入 Declare a year's official schedule complete",
          params: z.object({ year: ZYear }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        await calendar.publishYear(contextOf(request), request.params.year);
        return reply.status(204).send(null);
      },
    );
  };
