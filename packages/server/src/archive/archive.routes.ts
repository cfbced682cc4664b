import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { ArchiveModule } from "./archive.module";

const tags = ["archive 电子档案"];
const ZRecord = z.object({
  archiveNo: z.string(),
  kind: z.enum(["case", "legacy"]),
  caseId: z.string().nullable(),
  jurisdiction: z.string(),
  unitCode: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  retention: z.enum(["permanent", "30y", "10y"]),
  year: z.number().int(),
  status: z.enum(["transferred", "archived", "lent", "destroyed"]),
  files: z.number().int(),
  bytes: z.number().int(),
  manifestSm3: z.string(),
  transferredAt: z.string(),
  signedOffAt: z.string().nullable(),
  checkOk: z.boolean().nullable(),
  lastCheckAt: z.string().nullable(),
});
const ZCheck = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  properties: z.object({
    authenticity: z.boolean(),
    integrity: z.boolean(),
    usability: z.boolean(),
    security: z.boolean(),
  }),
  failures: z.array(z.object({ property: z.string(), file: z.string(), problem: z.string() })),
  files: z.number().int(),
});
const ZNo = z.object({ archiveNo: z.string().max(120) });

/** 电子档案: transfer, sign-off, four-properties check, lending, destruction, legacy import. */
export const archiveRoutes =
  (m: ArchiveModule): FastifyPluginAsyncZod =>
  async (app) => {
    const ok200 = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
    app.get(
      "/api/archive/records",
      {
        schema: {
          tags,
          summary: "档案列表 Archive records of the caller's offices",
          querystring: z.object({
            status: z.enum(["transferred", "archived", "lent", "destroyed"]).optional(),
            unitCode: z.string().max(28).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: ok200(z.object({ records: z.array(ZRecord) })),
        },
      },
      async (request) => {
        requireAuth(request);
        return { records: await m.archive.list(contextOf(request), request.query) };
      },
    );
    app.get(
      "/api/archive/statistics",
      {
        schema: {
          tags,
          summary: "档案统计 Archive statistics",
          response: ok200(
            z.object({
              byStatus: z.array(z.object({ status: z.string(), n: z.number(), bytes: z.coerce.number() })),
              byCategory: z.array(z.object({ category: z.string(), retention: z.string(), n: z.number() })),
              failingChecks: z.number(),
            }),
          ),
        },
      },
      async (request) => {
        requireAuth(request);
        return m.archive.statistics(contextOf(request));
      },
    );
    app.get(
      "/api/archive/records/:archiveNo",
      {
        schema: {
          tags,
          summary: "档案详情 An archive record with its files, loans and log",
          params: ZNo,
          response: ok200(
            ZRecord.extend({
              lastCheck: z.unknown(),
              manifest: z.object({
                files: z.array(
                  z.object({
                    path: z.string(),
                    role: z.string(),
                    title: z.string(),
                    mediaType: z.string(),
                    size: z.number(),
                    sm3: z.string(),
                  }),
                ),
              }),
              loans: z.array(
                z.object({
                  id: z.number(),
                  borrowerId: z.string(),
                  purpose: z.string(),
                  status: z.string(),
                  requestedAt: z.string(),
                  dueOn: z.string().nullable(),
                  returnedAt: z.string().nullable(),
                }),
              ),
              events: z.array(
                z.object({
                  action: z.string(),
                  actorId: z.string().nullable(),
                  at: z.string(),
                  details: z.unknown(),
                }),
              ),
            }),
          ),
        },
      },
      async (request) => {
        requireAuth(request);
        return m.archive.get(contextOf(request), request.params.archiveNo);
      },
    );
    app.post(
      "/api/archive/transfers",
      {
        schema: {
          tags,
          summary: "移交归档 Transfer a finished case to the archive as a signed package",
          body: z.object({ caseId: z.string().max(100) }),
          response: { 201: z.object({ archiveNo: z.string(), check: ZCheck }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        reply.code(201);
        return m.archive.transferCase(contextOf(request), request.body.caseId);
      },
    );
    app.post(
      "/api/archive/records/:archiveNo/sign-off",
      {
        schema: {
          tags,
          summary: "接收签收 Sign off a transferred package (the case is 归档)",
          params: ZNo,
          response: ok200(ZRecord),
        },
      },
      async (request) => {
        requireAuth(request);
        return m.archive.signOff(contextOf(request), request.params.archiveNo);
      },
    );
    app.post(
      "/api/archive/records/:archiveNo/check",
      {
        schema: {
          tags,
          summary: "四性检测 Four-properties check on demand",
          params: ZNo,
          response: ok200(ZCheck),
        },
      },
      async (request) => {
        requireAuth(request);
        return m.archive.checkRecord(contextOf(request), request.params.archiveNo);
      },
    );
    app.post(
      "/api/archive/records/:archiveNo/destroy",
      {
        schema: {
          tags,
          summary: "鉴定销毁 Destroy a record whose retention has ended (never register records)",
          params: ZNo,
          body: z.object({ reason: z.string().min(2).max(500) }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        await m.archive.destroy(contextOf(request), request.params.archiveNo, request.body.reason);
        reply.code(204);
        return null;
      },
    );
    app.post(
      "/api/archive/records/:archiveNo/loans",
      {
        schema: {
          tags,
          summary: "借阅 Ask to use a record, or (archivists) lend it to a member of staff",
          params: ZNo,
          body: z.object({
            purpose: z.string().min(2).max(500),
            borrower: z.string().max(100).optional(),
            dueOn: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .optional(),
          }),
          response: {
            201: z.object({ loanId: z.number(), status: z.enum(["requested", "lent"]) }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        reply.code(201);
        return m.loans.request(contextOf(request), request.params.archiveNo, request.body);
      },
    );
    app.get(
      "/api/archive/loans",
      {
        schema: {
          tags,
          summary: "借阅待办 Open loans and requests (archivists)",
          response: ok200(
            z.object({
              loans: z.array(
                z.object({
                  id: z.number(),
                  archiveNo: z.string(),
                  title: z.string(),
                  borrowerId: z.string(),
                  purpose: z.string(),
                  status: z.string(),
                  requestedAt: z.string(),
                  dueOn: z.string().nullable(),
                }),
              ),
            }),
          ),
        },
      },
      async (request) => {
        requireAuth(request);
        return { loans: await m.loans.openLoans(contextOf(request)) };
      },
    );
    app.post(
      "/api/archive/loans/:id/:decision",
      {
        schema: {
          tags,
          summary: "批准/拒绝借阅、归还 Approve or refuse a request, or take a record back",
          params: z.object({
            id: z.coerce.number().int().positive(),
            decision: z.enum(["approve", "refuse", "return"]),
          }),
          response: ok200(z.object({ loanId: z.number(), status: z.string() })),
        },
      },
      async (request) => {
        requireAuth(request);
        return m.loans.decide(contextOf(request), request.params.id, request.params.decision);
      },
    );
    app.post(
      "/api/archive/legacy-imports",
      {
        schema: {
          tags,
          summary: "纸质档案导入 Import scanned paper files with their CSV catalogue",
          body: z.object({
            jurisdiction: z.string().regex(/^\d{6}$/),
            catalogueCsv: z.string().min(1).max(200_000),
            pages: z
              .array(z.object({ name: z.string().min(1).max(200), contentBase64: z.string().max(700_000) }))
              .max(200),
          }),
          response: { 201: z.object({ imported: z.array(z.string()) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        reply.code(201);
        return m.importLegacy(contextOf(request), request.body);
      },
    );
  };
