import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../platform/config";
import type { Database } from "../platform/db/database";
import { CSRF_TOKEN_COOKIE, clearCsrfCookies, issueCsrfToken } from "../platform/http/csrf";
import { contextOf, requireAuth, SESSION_COOKIE } from "../platform/http/request-context";
import { errorResponses, ZCountyCode } from "../platform/http/schemas";
import { type AccountService, presentAccount } from "./account.service";
import type { AuthService, createApiTokenService } from "./auth.service";
import {
  ZAccountResponse,
  ZAddStaffRequest,
  ZApiToken,
  ZIssueTokenRequest,
  ZLoginRequest,
  ZOffice,
  ZRevealRequest,
  ZStaffMember,
} from "./identity.schemas";
import { listOffices } from "./office.repository";

export type IdentityRouteDeps = {
  db: Database;
  auth: AuthService;
  accounts: AccountService;
  tokens: ReturnType<typeof createApiTokenService>;
  config: Pick<Config, "cookieSecure" | "rateLimitLoginPerMinute">;
};

export const identityRoutes =
  (deps: IdentityRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["identity 身份与权限"];

    app.post(
      "/api/auth/login",
      {
        schema: {
          tags,
          summary: "登录 Log in",
          body: ZLoginRequest,
          response: { 200: ZAccountResponse, ...errorResponses },
        },
        config: {
          rateLimit: {
            max: deps.config.rateLimitLoginPerMinute,
            timeWindow: 60_000,
            keyGenerator: (r) => `login:${r.ip}`,
          },
        },
      },
      async (request, reply) => {
        const { token, expiresAt, profile } = await deps.auth.login(
          contextOf(request),
          request.body.username,
          request.body.password,
        );
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: "lax",
          secure: deps.config.cookieSecure,
          path: "/",
          expires: expiresAt,
        });
        // A new session gets a new CSRF secret: one planted before login is worth nothing.
        issueCsrfToken(request, reply, true);
        return { account: presentAccount(profile) };
      },
    );

    app.post(
      "/api/auth/logout",
      { schema: { tags, summary: "退出 Log out", response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await deps.auth.logout(contextOf(request), token);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        clearCsrfCookies(reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/auth/me",
      {
        schema: {
          tags,
          summary: "当前账户 Current account",
          response: { 200: ZAccountResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { profile } = requireAuth(request);
        // A session from before the CSRF defence, or a lost token cookie: the web client asks here.
        if (request.cookies[SESSION_COOKIE] && !request.cookies[CSRF_TOKEN_COOKIE]) {
          issueCsrfToken(request, reply, false);
        }
        return { account: await deps.accounts.readOwnAccount(contextOf(request), profile) };
      },
    );

    app.post(
      "/api/accounts/:id/personal-data",
      {
        schema: {
          tags,
          summary: "查看完整证件号码（留痕） Reveal full personal numbers (audited)",
          params: z.object({ id: z.uuid() }),
          body: ZRevealRequest,
          response: {
            200: z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return deps.accounts.revealPersonalData(contextOf(request), request.params.id, request.body.purpose);
      },
    );

    app.get(
      "/api/offices",
      {
        schema: {
          tags,
          summary: "登记机构列表 Registration offices",
          response: { 200: z.object({ offices: z.array(ZOffice) }) },
        },
      },
      async () => ({
        offices: await listOffices(deps.db),
      }),
    );

    const officeParams = z.object({ code: ZCountyCode });
    app.get(
      "/api/offices/:code/staff",
      {
        schema: {
          tags,
          summary: "本机构工作人员 Staff of an office",
          params: officeParams,
          response: { 200: z.object({ staff: z.array(ZStaffMember) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { staff: await deps.accounts.listOfficeStaff(contextOf(request), request.params.code) };
      },
    );

    app.post(
      "/api/offices/:code/staff",
      {
        schema: {
          tags,
          summary: "新增工作人员 Add a staff member",
          params: officeParams,
          body: ZAddStaffRequest,
          response: { 201: ZAccountResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const account = await deps.accounts.addStaffToOffice(
          contextOf(request),
          request.params.code,
          request.body,
        );
        return reply.status(201).send({ account });
      },
    );

    app.post(
      "/api/institution/tokens",
      {
        schema: {
          tags,
          summary: "签发机构 API 令牌 Issue an API token for direct connection",
          body: ZIssueTokenRequest,
          response: {
            201: ZApiToken.extend({ token: z.string().describe("Shown once") }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await deps.tokens.issue(contextOf(request), request.body));
      },
    );

    app.post(
      "/api/institution/tokens/:id/rotate",
      {
        schema: {
          tags,
          summary: "轮换令牌 Rotate a token: a successor now, the old one ends within 24 hours",
          params: z.object({ id: z.uuid() }),
          response: {
            201: ZApiToken.extend({ token: z.string().describe("Shown once") }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await deps.tokens.rotate(contextOf(request), request.params.id));
      },
    );

    app.get(
      "/api/institution/tokens",
      {
        schema: {
          tags,
          summary: "机构 API 令牌 API tokens",
          response: { 200: z.object({ tokens: z.array(ZApiToken) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { tokens: await deps.tokens.list(contextOf(request)) };
      },
    );

    app.delete(
      "/api/institution/tokens/:id",
      {
        schema: {
          tags,
          summary: "撤销令牌 Revoke a token",
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        await deps.tokens.revoke(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
