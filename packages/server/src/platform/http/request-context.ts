import type { Actor } from "@yulin/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RequestContext } from "../audit/audit";
import { AppError } from "../errors";

export const SESSION_COOKIE = "yulin_session";

/**
 * A logged-in caller. Platform knows only the actor; identity, which resolves callers, adds the
 * account's profile by declaration merging (identity/auth.service.ts), so platform imports no
 * capability (STYLE.md §15). An interface, not a type, because it is merged.
 */
export interface Caller {
  actor: Actor;
}

/** The port identity implements to resolve a session cookie or a bearer token. */
export type CallerResolver = {
  authenticateBearer(token: string): Promise<Caller | null>;
  authenticateSession(token: string): Promise<Caller | null>;
};

declare module "fastify" {
  interface FastifyRequest {
    auth: Caller | null;
  }
}

/** Resolves the caller from the session cookie or a bearer token, before rate limits and routes. */
export function authenticateRequest(auth: CallerResolver) {
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
export function requireAuth(request: FastifyRequest): Caller {
  if (!request.auth) throw new AppError("AUTH.UNAUTHENTICATED");
  return request.auth;
}
