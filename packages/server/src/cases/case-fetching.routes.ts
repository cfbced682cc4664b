import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import { ZCaseId } from "./case.schemas";
import type { CaseFetchingService } from "./case-fetching.service";

/** 零材料: one route, the party's confirmation that the registry fetches a material. */
export const caseFetchingRoutes =
  (fetching: CaseFetchingService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/cases/:id/materials/:materialId/fetch",
      {
        schema: {
          tags: ["cases 案件"],
          summary:
            "调取材料 Fetch a material from its department (e-licence library, register, housing) with the caller's consent",
          params: ZCaseId.extend({ materialId: z.string().max(64) }),
          response: {
            201: z.object({ id: z.string(), from: z.string(), digest: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const fetched = await fetching.fetchMaterial(
          contextOf(request),
          request.params.id,
          request.params.materialId,
        );
        return reply.status(201).send(fetched);
      },
    );
  };
