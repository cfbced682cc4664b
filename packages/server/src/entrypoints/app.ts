import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { archivePlugin } from "../archive/archive.module";
import { calendarRoutes } from "../calendar/calendar.routes";
import { holidayScheduleRoutes } from "../calendar/holiday-schedule.routes";
import { casesPlugin } from "../cases/cases.module";
import { certificatesPlugin } from "../certificates/certificates.module";
import { dashboardRoutes } from "../dashboards/dashboard.routes";
import { tokenAllows } from "../identity/api-token-scopes";
import { identityRoutes } from "../identity/identity.routes";
import { signUpRoutes } from "../identity/sign-up.routes";
import { staffAdminRoutes } from "../identity/staff-admin.routes";
import { integrationRoutes } from "../integrations/departments.routes";
import { ping } from "../platform/db/database";
import { errorBody, httpStatusOf } from "../platform/errors";
import { registerCsrfDefence } from "../platform/http/csrf";
import { frameworkErrors, registerErrorHandling } from "../platform/http/errors.plugin";
import { registerIdempotency } from "../platform/http/idempotency";
import { registerInputTextGuard } from "../platform/http/input-text";
import { registerMetrics } from "../platform/http/metrics";
import { authenticateRequest } from "../platform/http/request-context";
import { registerSecurityHeaders } from "../platform/http/security-headers";
import { registerVersionHeaders, rewriteVersionedUrl } from "../platform/http/versioning";
import { projectsPlugin } from "../projects/projects.module";
import { apiReadLogger } from "../queries/api-read-log";
import { queriesPlugin } from "../queries/queries.module";
import { registerRoutes } from "../register/register.routes";
import { supervisionPlugin } from "../supervision/supervision.module";
import { transparencyPlugin } from "../transparency/transparency.module";
import { swaggerOptions } from "./openapi";
import type { Services } from "./setup";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(
  services: Services,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    ...(options.logger === false ? { logger: false } : { loggerInstance: services.log as FastifyBaseLogger }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    rewriteUrl: (req) => rewriteVersionedUrl(req.url ?? "/"),
    frameworkErrors,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerInputTextGuard(app);
  await registerSecurityHeaders(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerVersionHeaders(app);

  await app.register(swagger, swaggerOptions(config.integrations.publicUrl));
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  await app.register(cookie);
  app.addHook(
    "onRequest",
    authenticateRequest(services.auth, {
      badTokensPerMinute: config.rateLimitBadTokenPerMinute,
      tokenAllows,
    }),
  );
  await app.register(rateLimit, {
    global: true,
    // Per account once logged in, per IP otherwise.
    keyGenerator: (request) =>
      request.auth ? `account:${request.auth.actor.accountId}` : `ip:${request.ip}`,
    max: (_request, key) =>
      key.startsWith("account:") ? config.rateLimitAccountPerMinute : config.rateLimitIpPerMinute,
    timeWindow: 60_000,
    // RateLimit-Limit / -Remaining / -Reset (IETF draft) on every answer, not X-RateLimit-*.
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody("RATE_LIMITED", { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
    }),
  });

  await registerCsrfDefence(app, {
    cookieSecure: config.cookieSecure,
    allowedOrigins: [config.integrations.publicUrl, ...config.allowedOrigins],
  });

  registerMetrics(app);
  registerIdempotency(app, { db: services.db, now: services.now });
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ping(services.db);
      return { status: "ready", database: services.backend };
    } catch {
      return reply.status(503).send(errorBody("UNAVAILABLE", { database: services.backend }));
    }
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // 查询留痕: institutions' direct reads of the register are logged as queries (queries/).
  app.addHook(
    "onResponse",
    apiReadLogger({ db: services.db, identity: services.queries.identity, log: services.log }),
  );
  await app.register(
    identityRoutes({
      db: services.db,
      auth: services.auth,
      accounts: services.accounts,
      tokens: services.tokens,
      config,
    }),
  );
  await app.register(
    signUpRoutes({
      signUp: services.signUp,
      recovery: services.recovery,
      companySignUp: services.companySignUp,
      config,
    }),
  );
  await app.register(calendarRoutes({ calendar: services.calendar }));
  await app.register(holidayScheduleRoutes({ schedules: services.holidaySchedules }));
  await app.register(staffAdminRoutes({ staffAdmin: services.staffAdmin }));
  await app.register(certificatesPlugin(services.certificates));
  await app.register(casesPlugin(services.cases));
  await app.register(registerRoutes(services.register));
  await app.register(queriesPlugin(services.queries));
  await app.register(projectsPlugin(services.projects));
  await app.register(supervisionPlugin(services.supervision));
  await app.register(dashboardRoutes(services.dashboards));
  await app.register(transparencyPlugin(services.transparency));
  await app.register(archivePlugin(services.archive));
  await app.register(
    integrationRoutes({
      db: services.db,
      integrations: services.integrations,
      now: services.now,
      localRateBp: config.integrations.deedTaxLocalRateBp,
    }),
  );

  const hasWeb = fs.existsSync(path.join(config.webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false });
    app.get("/", { schema: { hide: true } }, (_request, reply) => reply.sendFile("index.html"));
  }
  // Rate-limited (and so carrying RateLimit-* headers) like every route.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && hasWeb;
    // The web app routes on the client: any page URL gets index.html.
    if (isPage) return reply.type("text/html").sendFile("index.html");
    return reply
      .status(httpStatusOf("REQUEST.NOT_FOUND"))
      .send(errorBody("REQUEST.NOT_FOUND", { path: request.url }));
  });
  return app;
}
