import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../platform/db/database";
import { contextOf, requireAuth } from "../../platform/http/request-context";
import { errorResponses, ZCalendarDate, ZCountyCode } from "../../platform/http/schemas";
import type { Integrations } from "../integrations.module";
import { listTaxRisks } from "./tax-risks";

const ZParty = z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(8).max(30) });

export const ZDeclareTaxRequest = z.object({
  caseRef: z.string().min(1).max(64),
  jurisdiction: ZCountyCode,
  contractNo: z.string().max(64).nullable().optional(),
  unit: z.object({
    unitCode: z.string().length(28),
    address: z.string().min(1).max(200),
    areaSqm: z.number().positive().max(1_000_000),
    use: z.enum(["residential", "non-residential"]),
  }),
  priceFen: z.number().int().nonnegative().describe("Transaction price excluding VAT, in fen"),
  transfer: z.enum(["sale", "gift", "inheritance", "bequest", "between-spouses"]),
  statutoryHeir: z.boolean().nullable().optional(),
  onDate: ZCalendarDate,
  buyerKind: z.enum(["individual", "organisation"]),
  buyers: z.array(ZParty).min(1).max(20),
  sellers: z.array(ZParty).max(20),
  spouse: ZParty.nullable().optional(),
  children: z
    .array(z.object({ idNumber: z.string().min(15).max(18) }))
    .max(20)
    .optional(),
});

const caseParams = z.object({ caseRef: z.string().min(1).max(64) });

export const taxRoutes =
  (deps: { db: Database; integrations: Integrations; now: () => Date }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["integrations 部门协同"];
    const tax = deps.integrations.tax;

    app.post(
      "/api/integrations/tax/declarations",
      {
        schema: {
          tags,
          summary:
            "契税申报（推送税务） Push a deed tax declaration; the household home count comes from the register",
          body: ZDeclareTaxRequest,
          response: { 202: z.record(z.string(), z.unknown()), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(202).send(await tax.declareTax(contextOf(request), request.body));
      },
    );

    app.get(
      "/api/integrations/tax/cases/:caseRef",
      {
        schema: {
          tags,
          summary: "案件完税状态 A case's declaration, assessment and confirmations",
          params: caseParams,
          response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return tax.getCaseTax(contextOf(request), request.params.caseRef);
      },
    );

    app.post(
      "/api/integrations/tax/cases/:caseRef/contest",
      {
        schema: {
          tags,
          summary: "家庭住房套数异议（诚信保证） Contest the household home count with a signed guarantee",
          params: caseParams,
          body: z.object({
            claimedHomesBefore: z.number().int().min(0).max(100),
            text_zh: z.string().min(4).max(2000).describe("The guarantee in the buyer's words"),
          }),
          response: { 202: z.record(z.string(), z.unknown()), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply
          .status(202)
          .send(await tax.contestHousingCount(contextOf(request), request.params.caseRef, request.body));
      },
    );

    app.get(
      "/api/integrations/tax/risks",
      {
        schema: {
          tags,
          summary:
            "完税核验风险清单 Unmatched tax items (supervisors: own jurisdictions; administrators: all)",
          querystring: z.object({
            confirmedDays: z.coerce.number().int().min(0).max(3650).default(30),
            paidHours: z.coerce.number().int().min(0).max(8760).default(24),
          }),
          response: {
            200: z.object({ risks: z.array(z.record(z.string(), z.unknown())) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return {
          risks: await listTaxRisks(deps.db, contextOf(request), { now: deps.now(), ...request.query }),
        };
      },
    );
  };
