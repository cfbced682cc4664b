import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../platform/errors";
import { contextOf, requireAuth } from "../../platform/http/request-context";
import { errorResponses } from "../../platform/http/schemas";
import type { Integrations } from "../integrations.module";
import { DEPARTMENTS } from "./inbound.service";
import { HEADER_SIGNATURE, HEADER_TIMESTAMP } from "./signed-message";

declare module "fastify" {
  interface FastifyRequest {
    rawBody?: string;
  }
}

/**
 * POST /api/integrations/{tax|payment|housing|bank}/callbacks — departments' signed messages.
 * The signature covers the exact bytes received, so this plugin keeps the raw body (its own
 * encapsulated JSON parser; the rest of the API is untouched).
 */
export const callbackRoutes =
  (integrations: Integrations): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
      request.rawBody = body as string;
      try {
        done(null, body === "" ? {} : JSON.parse(body as string));
      } catch {
        done(Object.assign(new SyntaxError("malformed JSON"), { statusCode: 400 }), undefined);
      }
    });

    app.post(
      "/api/integrations/:department/callbacks",
      {
        schema: {
          tags: ["integrations 部门协同"],
          summary:
            "部门回调 Department callbacks: bearer token + SM2 signature over timestamp ‖ body (docs/integrations.md)",
          params: z.object({ department: z.enum(DEPARTMENTS) }),
          headers: z.object({
            "x-yulin-timestamp": z.string().optional().describe("Milliseconds since the epoch"),
            "x-yulin-signature": z.string().optional().describe("Hex DER SM2 signature"),
          }),
          body: z.object({
            messageId: z.string(),
            nonce: z.string(),
            type: z.string(),
            sentAt: z.string(),
            data: z.record(z.string(), z.unknown()),
          }),
          response: {
            200: z.object({ messageId: z.string(), duplicate: z.boolean(), result: z.unknown() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        const header = (name: string) => {
          const v = request.headers[name];
          return typeof v === "string" ? v : undefined;
        };
        if (request.rawBody === undefined) throw new AppError("REQUEST.UNSUPPORTED_MEDIA_TYPE");
        return integrations.inbound.receive(contextOf(request), {
          department: request.params.department,
          rawBody: request.rawBody,
          timestamp: header(HEADER_TIMESTAMP),
          signature: header(HEADER_SIGNATURE),
        });
      },
    );
  };
