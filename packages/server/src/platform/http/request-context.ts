import type { FastifyReply, FastifyRequest } from "fastify";
import type { Authenticated, AuthService } from "../../identity/auth.service";
import type { RequestContext } from "../audit/audit";
import { AppError } from "../errors";

export const SESSION_COOKIE = "yulin_session";

declare module "fastify" {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

/** Resolves the caller from the session cookie or a bearer token, before rate limits and routes. */
export function authenticateRequest(auth: AuthService) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.auth = null;
    const header = request.headers.authorization;
    if (header?.startsWith("Bearer ")) {
      request.auth = await auth.authenticateBearer(header.slice(7).trim());
      if (!request.auth) throw new AppError("AUTH.INVALID_TOKEN");
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.auth = await auth.authenticateSession(cookie);
  };
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.auth?.actor ?? null, requestId: String(request.id), ip: request.ip };
}

/** For routes that need a logged-in caller. */
export function requireAuth(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new AppError("AUTH.UNAUTHENTICATED");
  return request.auth;
}
