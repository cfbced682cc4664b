import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import { ZCaseId, ZCaseRating } from "./case.schemas";
import type { CaseRatingsService } from "./case-ratings.service";

/** 好差评: the applicant side rates a finished case; supervisors see the figures and the bad ones. */
export const caseRatingRoutes =
  (ratings: CaseRatingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["cases 案件"];

    app.get(
      "/api/cases/:id/rating",
      {
        schema: {
          tags,
          summary: "我的评价 The caller's rating of the case (null if not rated yet)",
          params: ZCaseId,
          response: { 200: z.object({ rating: ZCaseRating.nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { rating: await ratings.myRating(contextOf(request), request.params.id) };
      },
    );

    app.post(
      "/api/cases/:id/rating",
      {
        schema: {
          tags,
          summary: "好差评 Rate a finished case once: 1–5 stars and a comment (applicant side)",
          params: ZCaseId,
          body: z.strictObject({
            score: z.number().int().min(1).max(5),
            comment: z.string().max(500).default(""),
          }),
          response: { 200: z.object({ rating: ZCaseRating }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { rating: await ratings.rate(contextOf(request), request.params.id, request.body) };
      },
    );

    app.get(
      "/api/supervision/ratings",
      {
        schema: {
          tags,
          summary: "好差评统计 Ratings per office and the latest bad ones (supervisors)",
          response: {
            200: z.object({
              offices: z.array(
                z.object({
                  office: z.string(),
                  officeName: z.string(),
                  count: z.number(),
                  average: z.number(),
                  bad: z.number(),
                }),
              ),
              bad: z.array(
                ZCaseRating.extend({ caseId: z.string(), office: z.string(), typeId: z.string() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return ratings.supervisionList(contextOf(request));
      },
    );
  };
