import { NOTARY_FILING_TYPES } from "@yulin/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import { ZPartDetails, ZPartyInput } from "./case.schemas";
import type { NotaryFilingService } from "./case-notary.service";

/** 公证机构代办: `POST /api/notary/filings`, the registration and its notarial deed in one step. */
export const caseNotaryRoutes =
  (notary: NotaryFilingService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/notary/filings",
      {
        schema: {
          tags: ["cases 案件"],
          summary: "公证代办 A notary files an inheritance or gift registration with its notarial deed",
          body: z.strictObject({
            typeId: z.enum(NOTARY_FILING_TYPES),
            unitCode: z.string().length(28),
            parts: z
              .array(
                z.object({ details: ZPartDetails.optional(), parties: z.array(ZPartyInput).min(1).max(50) }),
              )
              .length(1),
            deed: z.strictObject({
              deedNo: z.string().min(1).max(60).describe("公证书编号, e.g. （2026）粤佛禅城证字第1234号"),
              fileName: z.string().min(1).max(200),
              mediaType: z.string().max(100),
              contentBase64: z.string().max(15_000_000),
            }),
          }),
          response: {
            201: z.object({ id: z.string(), deed: z.object({ deedNo: z.string(), sm3: z.string() }) }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await notary.fileNotarised(contextOf(request), request.body));
      },
    );
  };
