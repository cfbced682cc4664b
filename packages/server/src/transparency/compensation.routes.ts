import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { CompensationService } from "./compensation.service";
import {
  ZClaim,
  ZClaimInput,
  ZClaimNumber,
  ZDecisionInput,
  ZPaymentInput,
  ZReviewInput,
} from "./transparency.schemas";

/** 赔偿 (民法典 222, 条例 29): claim, review with its legal basis, decision, payment record. */
export const compensationRoutes =
  (compensation: CompensationService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["compensation 赔偿"];
    const one = { 200: ZClaim, ...errorResponses };

    app.post(
      "/api/compensation-claims",
      {
        schema: {
          tags,
          summary: "赔偿申请 Claim compensation for a loss caused by a registry error",
          body: ZClaimInput,
          response: { 201: ZClaim, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await compensation.file(contextOf(request), request.body));
      },
    );
    app.get(
      "/api/compensation-claims",
      {
        schema: {
          tags,
          summary: "赔偿申请列表 The caller's claims, or the supervised offices' claims",
          response: { 200: z.object({ claims: z.array(ZClaim) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { claims: await compensation.list(contextOf(request)) };
      },
    );
    app.get(
      "/api/compensation-claims/:number",
      { schema: { tags, summary: "赔偿申请 One claim", params: ZClaimNumber, response: one } },
      async (request) => {
        requireAuth(request);
        return compensation.read(contextOf(request), request.params.number);
      },
    );

    const stepRoute = <S extends z.ZodType>(
      path: string,
      summary: string,
      body: S,
      run: (
        ctx: ReturnType<typeof contextOf>,
        number: string,
        input: z.infer<S>,
      ) => Promise<z.infer<typeof ZClaim>>,
    ) =>
      app.post(
        `/api/compensation-claims/:number/${path}`,
        { schema: { tags, summary, params: ZClaimNumber, body, response: one } },
        async (request) => {
          requireAuth(request);
          return run(contextOf(request), request.params.number, request.body as z.infer<S>);
        },
      );
    stepRoute(
      "review",
      "赔偿审查 Review: registry error or not, with the legal basis",
      ZReviewInput,
      compensation.review,
    );
    stepRoute(
      "decision",
      "赔偿决定 Decide: grant up to the loss, or refuse",
      ZDecisionInput,
      compensation.decide,
    );
    stepRoute("payment", "赔偿支付 Record the payment of a granted award", ZPaymentInput, compensation.pay);
  };
