import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../../platform/http/request-context";
import { errorResponses } from "../../platform/http/schemas";
import type { Integrations } from "../integrations.module";

const ZConnector = z.object({
  connector: z.string().describe("tax | payment | housing | elicence | bank:<institution id>"),
  label: z.string().describe("税务 Tax, 统一支付 Payment, … or the bank's name"),
  mode: z.enum(["simulator", "http"]),
  url: z.string().nullable(),
  status: z.enum(["ok", "degraded", "failing"]),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  deliveredCount: z.number().int(),
  failedCount: z.number().int(),
  pending: z.number().int(),
  dead: z.number().int(),
  oldestPendingSeconds: z.number().int().nullable(),
});

export const ZOutboxMessage = z.object({
  id: z.number().int(),
  topic: z.string(),
  connector: z.string(),
  status: z.enum(["pending", "sending", "delivered", "dead", "skipped"]),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  idempotencyKey: z.string(),
  summary: z.record(z.string(), z.unknown()),
  jurisdiction: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deliveredAt: z.string().nullable(),
});

const ZConnection = z.object({
  publicKey: z.string().nullable(),
  endpointUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** The operator page's data (部门接口运维) and institutions' own connection settings. */
export const operationsRoutes =
  (integrations: Integrations): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["integrations 部门协同"];

    app.get(
      "/api/integrations/connectors",
      {
        schema: {
          tags,
          summary: "部门接口状态 Connectors: health, pending and dead-lettered messages (administrators)",
          response: { 200: z.object({ connectors: z.array(ZConnector) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { connectors: await integrations.operations.listConnectors(contextOf(request)) };
      },
    );

    app.get(
      "/api/integrations/outbox",
      {
        schema: {
          tags,
          summary: "待发/死信消息 Outbox messages, newest first (administrators)",
          querystring: z.object({
            status: z.enum(["pending", "sending", "delivered", "dead", "skipped"]).optional(),
            connector: z.string().max(100).optional(),
            topic: z.string().max(100).optional(),
            beforeId: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: z.object({ messages: z.array(ZOutboxMessage) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { messages: await integrations.operations.listMessages(contextOf(request), request.query) };
      },
    );

    app.post(
      "/api/integrations/outbox/:id/retry",
      {
        schema: {
          tags,
          summary: "重发死信消息 Retry a dead-lettered message (administrators, audited)",
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: z.object({ message: ZOutboxMessage }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { message: await integrations.operations.retryMessage(contextOf(request), request.params.id) };
      },
    );

    app.get(
      "/api/integrations/sms-simulator",
      {
        schema: {
          tags,
          summary:
            "模拟短信平台已发短信 Messages of the simulated SMS gateway, newest first (administrators)",
          response: {
            200: z.object({
              messages: z.array(
                z.object({
                  ref: z.string(),
                  phone: z.string(),
                  text: z.string(),
                  template: z.string(),
                  sentAt: z.string(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return { messages: await integrations.operations.listSimulatedSms(contextOf(request)) };
      },
    );

    app.get(
      "/api/integrations/platform-key",
      {
        schema: {
          tags,
          summary: "平台验签公钥 The platform's SM2 public key (verifies what Yulin sends to departments)",
          response: { 200: z.object({ algorithm: z.string(), userId: z.string(), publicKey: z.string() }) },
        },
      },
      async () => integrations.connections.platformKey(),
    );

    app.get(
      "/api/institution/connection",
      {
        schema: {
          tags,
          summary: "本机构的验签公钥与接收地址 Own callback key and endpoint",
          response: { 200: ZConnection, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return integrations.connections.getOwnConnection(contextOf(request));
      },
    );

    app.put(
      "/api/institution/connection",
      {
        schema: {
          tags,
          summary:
            "登记验签公钥与接收地址 Register the SM2 public key that signs callbacks, and the endpoint",
          body: z.object({
            publicKey: z
              .string()
              .regex(/^04[0-9a-fA-F]{128}$/)
              .nullable()
              .optional()
              .describe("Uncompressed SM2 public key, hex"),
            endpointUrl: z.url().nullable().optional().describe("Where Yulin pushes notifications (banks)"),
          }),
          response: { 200: ZConnection, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        return integrations.connections.setConnection(
          contextOf(request),
          actor.institutionId ?? "",
          request.body,
        );
      },
    );
  };
