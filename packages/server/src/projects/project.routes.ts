import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import {
  ZConstructionMortgage,
  ZConversionAnswer,
  ZNoticeBatch,
  ZNoticeView,
  ZProjectCreate,
  ZProjectView,
  ZRegisterAnswer,
  ZRegisterBuilding,
  ZTableImport,
} from "./project.schemas";
import type { ProjectsModule } from "./projects.module";

/** 开发企业项目: projects, 楼盘表 import, the building's first registration, presale notices, 预转本. */
export const projectRoutes =
  (module: ProjectsModule): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["projects 开发企业项目"];
    const ZId = z.object({ id: z.string().max(64) });
    const ZBuilding = z.object({ id: z.string().max(64), buildingNo: z.string().regex(/^\d{4}$/) });

    app.get(
      "/api/projects",
      {
        schema: {
          tags,
          summary: "本企业的项目 The developer's projects",
          response: { 200: z.object({ projects: z.array(ZProjectView) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { projects: await module.projects.list(contextOf(request)) };
      },
    );

    app.post(
      "/api/projects",
      {
        schema: {
          tags,
          summary: "新建项目（宗地、预售许可证号） Create a project on the developer's parcel",
          body: ZProjectCreate,
          response: { 201: ZProjectView, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await module.projects.create(contextOf(request), request.body));
      },
    );

    app.get(
      "/api/projects/:id",
      {
        schema: {
          tags,
          summary: "项目详情 A project",
          params: ZId,
          response: { 200: ZProjectView, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return module.projects.get(contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/projects/:id/buildings/import",
      {
        schema: {
          tags,
          summary: "导入楼盘表（CSV），逐行校验 Import the building table, each bad line with its rule",
          params: ZId,
          body: ZTableImport,
          response: {
            201: z.object({
              buildings: z.array(z.object({ buildingNo: z.string(), name: z.string(), units: z.number() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const done = await module.projects.importTable(
          contextOf(request),
          request.params.id,
          request.body.csv,
        );
        return reply.status(201).send(done);
      },
    );

    app.post(
      "/api/projects/:id/buildings/:buildingNo/register",
      {
        schema: {
          tags,
          summary: "整幢房屋首次登记，随后自动预转本 First registration of the building, then 预转本",
          params: ZBuilding,
          body: ZRegisterBuilding,
          response: { 200: ZRegisterAnswer, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        const { id, buildingNo } = request.params;
        return module.registerBuilding(contextOf(request), id, buildingNo, request.body);
      },
    );

    app.post(
      "/api/projects/:id/buildings/:buildingNo/convert",
      {
        schema: {
          tags,
          summary: "重试预转本（查封解除、完税后） Convert the remaining notices again",
          params: ZBuilding,
          response: { 200: ZConversionAnswer, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return module.convertAgain(contextOf(request), request.params.id, request.params.buildingNo);
      },
    );

    app.post(
      "/api/projects/:id/buildings/:buildingNo/construction-mortgage",
      {
        schema: {
          tags,
          summary: "在建建筑物抵押（排除已预告房屋，R16） Mortgage the building under construction",
          params: ZBuilding,
          body: ZConstructionMortgage,
          response: {
            201: z.object({ caseId: z.string(), units: z.number(), amountFenPerUnit: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const { id, buildingNo } = request.params;
        return reply
          .status(201)
          .send(await module.mortgageBuilding(contextOf(request), id, buildingNo, request.body));
      },
    );

    app.post(
      "/api/projects/:id/notices",
      {
        schema: {
          tags,
          summary: "批量申请预售预告/双预告（网签合同） File presale notices in batch from 网签 contracts",
          params: ZId,
          body: ZNoticeBatch,
          response: { 201: z.object({ filed: z.number(), certifications: z.number() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const done = await module.presale.fileNotices(
          contextOf(request),
          request.params.id,
          request.body.lines,
        );
        return reply.status(201).send(done);
      },
    );

    app.get(
      "/api/projects/:id/notices",
      {
        schema: {
          tags,
          summary:
            "预告与预转本进度，未通过的附规则结论 Notices and their conversion, refusals with findings",
          params: ZId,
          response: { 200: z.object({ notices: z.array(ZNoticeView) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { notices: await module.notices(contextOf(request), request.params.id) };
      },
    );
  };
