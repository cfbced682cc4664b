import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../platform/db/database";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses, ZCountyCode, ZError } from "../platform/http/schemas";
import { bankEventRoutes } from "./bank/bank-events.routes";
import { LICENCE_TYPES } from "./elicence/elicence.connector";
import { ZContractCheckRequest } from "./housing/housing.schemas";
import type { Integrations } from "./integrations.module";
import { nationalRoutes } from "./national/national.routes";
import { operationsRoutes } from "./operations/operations.routes";
import { paymentRoutes } from "./payment/payment.routes";
import { callbackRoutes } from "./shared/callbacks.routes";
import { taxRoutes } from "./tax/tax.routes";
import { utilityRoutes } from "./utilities/utilities.routes";

const _ZParty = z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(8).max(30) });
const ZAny = z.record(z.string(), z.unknown());
const responses = { ...errorResponses, 403: ZError, 503: ZError };

/** Housing contract checks and e-licence fetches (零材料). */
const fetchRoutes =
  (integrations: Integrations): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["integrations 部门协同"];

    app.post(
      "/api/integrations/housing/contract-checks",
      {
        schema: {
          tags,
          summary:
            "调取网签合同与购房资格 Fetch the online contract and purchase eligibility; mismatches are findings",
          body: ZContractCheckRequest,
          response: { 200: ZAny, ...responses },
        },
      },
      async (request) => {
        requireAuth(request);
        return integrations.housing.checkContract(contextOf(request), request.body);
      },
    );

    app.post(
      "/api/integrations/elicence/fetch",
      {
        schema: {
          tags,
          summary:
            "调取电子证照（经持证人授权） Fetch an e-licence with the holder's consent; kept as a material",
          body: z.object({
            caseRef: z.string().min(1).max(64).nullable().optional(),
            jurisdiction: ZCountyCode.nullable().optional(),
            type: z.enum(LICENCE_TYPES),
            holderNumber: z.string().min(15).max(18),
            consent: z.discriminatedUnion("kind", [
              z.object({ kind: z.literal("self") }),
              z.object({
                kind: z.literal("signed-authorisation"),
                reference: z.string().min(1).max(100),
                grantedAt: z.string().max(40),
                purpose: z.string().min(1).max(200),
              }),
            ]),
          }),
          response: { 200: ZAny, ...responses },
        },
      },
      async (request) => {
        requireAuth(request);
        const b = request.body;
        return integrations.elicence.fetchLicence(contextOf(request), {
          ...b,
          caseRef: b.caseRef ?? null,
          jurisdiction: b.jurisdiction ?? null,
        });
      },
    );
  };

/** Every department-collaboration route (registered once in entrypoints/app.ts). */
export const integrationRoutes =
  (deps: {
    db: Database;
    integrations: Integrations;
    now: () => Date;
    localRateBp: number;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(operationsRoutes(deps.integrations));
    await app.register(callbackRoutes(deps.integrations));
    await app.register(taxRoutes(deps));
    await app.register(paymentRoutes(deps.integrations, { localRateBp: deps.localRateBp }));
    await app.register(fetchRoutes(deps.integrations));
    await app.register(utilityRoutes(deps.integrations.utilities));
    await app.register(bankEventRoutes(deps.integrations.bankEvents));
    await app.register(nationalRoutes(deps.integrations.national));
  };
