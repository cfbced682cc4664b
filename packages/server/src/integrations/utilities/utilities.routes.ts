import { UTILITY_SERVICES } from "@yulin/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../../platform/http/request-context";
import { errorResponses } from "../../platform/http/schemas";
import type { UtilitiesService } from "./utilities.service";

const ZCaseRef = z.object({ id: z.string().regex(/^\d{6}-\d{8}-[0-9A-Z]{10}$/, "case id (业务号)") });

const ZUtilityView = z.object({
  caseId: z.string(),
  eligible: z.boolean(),
  open: z.boolean(),
  mayChoose: z.boolean(),
  transfers: z.array(
    z.object({
      service: z.enum(UTILITY_SERVICES),
      name_zh: z.string(),
      name_en: z.string(),
      accountNo: z.string(),
      status: z.enum(["chosen", "requested", "done", "rejected"]),
      chosenAt: z.string(),
      requestedAt: z.string().nullable(),
      answeredAt: z.string().nullable(),
      companyRef: z.string().nullable(),
      reason: z.string().nullable(),
      mode: z.string().nullable(),
    }),
  ),
});

/** 水电气网视联动过户: the buyer's choice before 登簿, and the companies' answers after it. */
export const utilityRoutes =
  (utilities: UtilitiesService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["integrations 部门协同"];
    app.get(
      "/api/cases/:id/utilities",
      {
        schema: {
          tags,
          summary: "联动过户 The case's utility transfers (water, power, gas, network, TV) and their results",
          params: ZCaseRef,
          response: { 200: ZUtilityView, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return utilities.listOfCase(contextOf(request), request.params.id);
      },
    );
    app.put(
      "/api/cases/:id/utilities",
      {
        schema: {
          tags,
          summary:
            "选择联动过户 The buyer chooses the utility accounts to move with the property (until 登簿)",
          params: ZCaseRef,
          body: z.strictObject({
            transfers: z
              .array(
                z.strictObject({
                  service: z.enum(UTILITY_SERVICES),
                  accountNo: z.string().trim().min(1).max(64),
                }),
              )
              .max(UTILITY_SERVICES.length),
          }),
          response: { 200: ZUtilityView, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return utilities.choose(contextOf(request), request.params.id, request.body.transfers);
      },
    );
  };
