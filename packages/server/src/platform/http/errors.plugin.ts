import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, errorBody, httpStatusOf } from "../errors";

/** Maps every failure to `{code, message_zh, message_en, details}`; nothing a client sends yields 5xx. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (code: ErrorCode, details: unknown = null) =>
      reply.status(httpStatusOf(code)).send(errorBody(code, details));

    if (error instanceof AppError) return send(error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send("REQUEST.INVALID", {
        issues: error.validation.map((v) => ({
          in: error.validationContext,
          path: v.instancePath,
          message: v.message,
          keyword: v.keyword,
        })),
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its schema");
      return send("INTERNAL");
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return send("REQUEST.MALFORMED_JSON");
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return send("REQUEST.TOO_LARGE");
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
        return send("REQUEST.UNSUPPORTED_MEDIA_TYPE");
    }
    // @fastify/rate-limit throws the body built in app.ts.
    if (error.statusCode === 429)
      return send("RATE_LIMITED", (error as { details?: unknown }).details ?? null);
    if (error instanceof SyntaxError || error.statusCode === 400) return send("REQUEST.MALFORMED_JSON");
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode === 404 ? "REQUEST.NOT_FOUND" : "REQUEST.INVALID");
    }
    request.log.error({ err: error }, "unhandled error");
    return send("INTERNAL");
  });
}

/**
 * Errors the router raises before any route or error handler runs (Fastify's `frameworkErrors`
 * option): a path parameter longer than `maxParamLength`, a URL that does not decode. Without this
 * they answered Fastify's own `{error, code: "FST_ERR_…"}` body, outside the catalogue.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "REQUEST.URL_TOO_LONG"
      : error.code === "FST_ERR_BAD_URL"
        ? "REQUEST.BAD_URL"
        : "REQUEST.INVALID";
  reply.status(httpStatusOf(code)).send(errorBody(code));
}
