import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../platform/config";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { AccountRecoveryService } from "./account-recovery.service";
import type { CompanySignUpService } from "./company-sign-up.service";
import { ZAccountResponse } from "./identity.schemas";
import {
  ZAddAgentRequest,
  ZAgent,
  ZCodeSent,
  ZCompanySignUpRequest,
  ZResetCodeRequest,
  ZResetRequest,
  ZSignUpCodeRequest,
  ZSignUpRequest,
} from "./sign-up.schemas";
import type { SignUpService } from "./sign-up.service";

export type SignUpRouteDeps = {
  signUp: SignUpService;
  recovery: AccountRecoveryService;
  companySignUp: CompanySignUpService;
  config: Pick<Config, "rateLimitLoginPerMinute">;
};

/** 注册与找回密码: public steps, each rate-limited per address like the login. */
export const signUpRoutes =
  (deps: SignUpRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["identity 身份与权限"];
    const limited = (name: string) => ({
      rateLimit: {
        max: deps.config.rateLimitLoginPerMinute,
        timeWindow: 60_000,
        keyGenerator: (r: { ip: string }) => `${name}:${r.ip}`,
      },
    });

    app.post(
      "/api/sign-up/code",
      {
        schema: {
          tags,
          summary: "注册：实名核验并发送短信验证码 Sign-up step 1: real-name check and SMS code",
          body: ZSignUpCodeRequest,
          response: { 202: ZCodeSent, ...errorResponses },
        },
        config: limited("sign-up"),
      },
      async (request, reply) =>
        reply.status(202).send(await deps.signUp.startCitizen(contextOf(request), request.body)),
    );

    app.post(
      "/api/sign-up",
      {
        schema: {
          tags,
          summary: "注册：验证码（及人脸）确认后开户 Sign-up step 2: the code (and face) open the account",
          body: ZSignUpRequest,
          response: { 201: ZAccountResponse, ...errorResponses },
        },
        config: limited("sign-up"),
      },
      async (request, reply) => {
        const { faceImage, ...rest } = request.body;
        const account = await deps.signUp.completeCitizen(contextOf(request), {
          ...rest,
          ...(faceImage ? { faceImage: Buffer.from(faceImage, "base64") } : {}),
        });
        return reply.status(201).send({ account });
      },
    );

    app.post(
      "/api/password-reset/code",
      {
        schema: {
          tags,
          summary: "找回密码：向注册手机发送验证码 Password reset step 1: a code to the registered phone",
          body: ZResetCodeRequest,
          response: { 202: ZCodeSent, ...errorResponses },
        },
        config: limited("password-reset"),
      },
      async (request, reply) =>
        reply.status(202).send(await deps.recovery.startReset(contextOf(request), request.body)),
    );

    app.post(
      "/api/password-reset",
      {
        schema: {
          tags,
          summary: "找回密码：凭验证码设置新密码 Password reset step 2: the code sets a new password",
          body: ZResetRequest,
          response: { 204: z.null(), ...errorResponses },
        },
        config: limited("password-reset"),
      },
      async (request, reply) => {
        await deps.recovery.completeReset(contextOf(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/sign-up/company",
      {
        schema: {
          tags,
          summary: "企业注册（法定代表人本人） Company sign-up by its legal representative",
          body: ZCompanySignUpRequest,
          response: { 201: ZAccountResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const account = await deps.companySignUp.signUpCompany(contextOf(request), request.body);
        return reply.status(201).send({ account });
      },
    );

    app.get(
      "/api/company/agents",
      {
        schema: {
          tags,
          summary: "企业经办人 The company's agents",
          response: { 200: z.object({ agents: z.array(ZAgent) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { agents: await deps.companySignUp.listAgents(contextOf(request)) };
      },
    );

    app.post(
      "/api/company/agents",
      {
        schema: {
          tags,
          summary: "添加企业经办人（实名核验） Add an agent who acts for the company (real-name checked)",
          body: ZAddAgentRequest,
          response: { 201: ZAccountResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const account = await deps.companySignUp.addAgent(contextOf(request), request.body);
        return reply.status(201).send({ account });
      },
    );
  };
