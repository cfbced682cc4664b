import csrfProtection from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors";
import { SESSION_COOKIE } from "./request-context";

/** HttpOnly cookie with the CSRF secret (@fastify/csrf-protection). */
export const CSRF_SECRET_COOKIE = "yulin_csrf_secret";
/** Readable cookie with the token derived from the secret; the web client echoes it in the header. */
export const CSRF_TOKEN_COOKIE = "yulin_csrf";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyContextConfig {
    /** `false` for a route authenticated by its own link token, never by the session (pay pages). */
    csrf?: boolean;
  }
}

export type CsrfOptions = { cookieSecure: boolean; allowedOrigins: readonly string[] };

/**
 * Cross-site request forgery defence for cookie sessions (docs/security.md):
 * 1. Origin: a state-changing request whose `Origin` (or, without one, `Referer`) is another site
 *    is refused, logged in or not (login CSRF too). Bearer-token calls carry no ambient credential
 *    and are exempt.
 * 2. Token: a state-changing request authenticated by the session cookie must send
 *    `x-csrf-token`, the token of the session's CSRF secret (double submit, signed by
 *    @fastify/csrf-protection). A foreign page cannot read the token cookie, so cannot send it.
 * Runs in onRequest, after the caller is resolved and before the body is parsed.
 */
export async function registerCsrfDefence(app: FastifyInstance, options: CsrfOptions): Promise<void> {
  await app.register(csrfProtection, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: CSRF_SECRET_COOKIE,
    cookieOpts: { path: "/", sameSite: "strict", httpOnly: true, secure: options.cookieSecure },
    getToken: (request) => headerOf(request, CSRF_HEADER),
  });
  const allowed = new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  app.addHook("onRequest", async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers.authorization?.startsWith("Bearer ")) return;
    if (!isSameOrigin(request, allowed))
      throw new AppError("AUTH.CSRF_ORIGIN", { origin: sourceOf(request) });
    if (request.routeOptions.config.csrf === false) return;
    if (!request.auth || !request.cookies[SESSION_COOKIE]) return;
    await new Promise<void>((resolve, reject) => {
      const secret = request.cookies[CSRF_SECRET_COOKIE];
      if (!secret || !headerOf(request, CSRF_HEADER)) return reject(new AppError("AUTH.CSRF_TOKEN"));
      app.csrfProtection(request, wrapReply(reply, reject), () => resolve());
    });
  });
}

/** Issues a CSRF token for the session (a fresh secret when `rotate`), in the readable cookie. */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, rotate: boolean): string {
  if (rotate) delete request.cookies[CSRF_SECRET_COOKIE];
  const token = reply.generateCsrf();
  reply.setCookie(CSRF_TOKEN_COOKIE, token, { path: "/", sameSite: "strict", httpOnly: false });
  return token;
}

export function clearCsrfCookies(reply: FastifyReply): void {
  reply.clearCookie(CSRF_SECRET_COOKIE, { path: "/" });
  reply.clearCookie(CSRF_TOKEN_COOKIE, { path: "/" });
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === "string" ? v : undefined;
}

function sourceOf(request: FastifyRequest): string | undefined {
  const origin = headerOf(request, "origin");
  if (origin !== undefined) return origin;
  const referer = headerOf(request, "referer");
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "invalid";
  }
}

/** No Origin/Referer (a non-browser client), or this server's own origin, or an allowed one. */
function isSameOrigin(request: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const source = sourceOf(request);
  if (source === undefined) return true;
  if (allowed.has(source)) return true;
  try {
    const from = new URL(source);
    // The request's own host, read with the source's scheme so default ports compare equal.
    return from.origin === new URL(`${from.protocol}//${request.headers.host}`).origin;
  } catch {
    return false;
  }
}

/** The plugin answers a bad token with `reply.send(error)`; here it becomes our AppError. */
function wrapReply(reply: FastifyReply, reject: (e: unknown) => void): FastifyReply {
  return new Proxy(reply, {
    get(target, prop, receiver) {
      if (prop === "send") return () => reject(new AppError("AUTH.CSRF_TOKEN"));
      return Reflect.get(target, prop, receiver);
    },
  });
}
