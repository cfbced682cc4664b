import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
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

    app.get(
      "/api/calendar/status",
      {
        schema: {
          tags,
          summary: "节假日安排是否齐全 Whether this and next year's schedules are in (workbench warning)",
          response: {
            200: z.object({
              today: z.string(),
              scheduledYears: z.array(z.number()),
              missingYears: z.array(z.number()).describe("this year if unscheduled; next year from December"),
              warning: z.boolean(),
            }),
            ...errorResponses,
          },
        },
      },
      async () => calendar.status(),
    );
  };
