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
  /** Set when the caller is an API token: what the token may do. */
  tokenScopes?: readonly string[];
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

export type AuthenticateOptions = {
  /** Invalid bearer tokens per minute per address; past it the address is refused before lookup. */
  badTokensPerMinute: number;
  /** Whether a token's scopes allow this request (identity/api-token-scopes.ts). */
  tokenAllows: (scopes: readonly string[], method: string, url: string) => boolean;
  now?: () => number;
};

/**
 * Resolves the caller from the session cookie or a bearer token, before rate limits and routes.
 * A bearer token is checked only if its address has not sent too many invalid ones this minute
 * (rate limit before authentication, so guessing tokens costs the guesser, not the database), and
 * a valid token is held to its scopes.
 */
export function authenticateRequest(auth: CallerResolver, options: AuthenticateOptions) {
  const now = options.now ?? Date.now;
  const failures = new Map<string, { count: number; since: number }>();
  const recent = (ip: string) => {
    const f = failures.get(ip);
    if (!f || now() - f.since >= 60_000) return undefined;
    return f;
  };
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.auth = null;
    const header = request.headers.authorization;
    if (header?.startsWith("Bearer ")) {
      const seen = recent(request.ip);
      if (seen && seen.count >= options.badTokensPerMinute) {
        const retryAfterSeconds = Math.ceil((seen.since + 60_000 - now()) / 1000);
        throw new AppError("RATE_LIMITED", { retryAfterSeconds });
      }
      request.auth = await auth.authenticateBearer(header.slice(7).trim());
      if (!request.auth) {
        if (failures.size > 100_000) failures.clear();
        failures.set(request.ip, { count: (seen?.count ?? 0) + 1, since: seen?.since ?? now() });
        throw new AppError("AUTH.INVALID_TOKEN");
      }
      const scopes = request.auth.tokenScopes ?? [];
      if (!options.tokenAllows(scopes, request.method, request.url)) {
        throw new AppError("AUTH.TOKEN_SCOPE", { scopes });
      }
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
