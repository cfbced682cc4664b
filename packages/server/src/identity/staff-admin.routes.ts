import { STAFF_ROLES } from "@yulin/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses, ZCountyCode } from "../platform/http/schemas";
import type { StaffAdminService } from "./staff-admin.service";

const params = z.object({ code: ZCountyCode, id: z.uuid() });

/** 系统管理 · accounts of an office: roles, lock, unlock, password reset (office administrators). */
export const staffAdminRoutes =
  ({ staffAdmin }: { staffAdmin: StaffAdminService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["identity 账户"];
    app.put(
      "/api/offices/:code/staff/:id/roles",
      {
        schema: {
          tags,
          summary: "设置本机构角色 Set a staff member's roles in this office",
          params,
          body: z.strictObject({ roles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length) }),
          response: { 200: z.object({ roles: z.array(z.enum(STAFF_ROLES)) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        const { code, id } = request.params;
        return staffAdmin.setRoles(contextOf(request), code, id, request.body.roles);
      },
    );

    for (const [verb, summary] of [
      ["lock", "锁定账户 Lock the account (its sessions end)"],
      ["unlock", "解锁账户 Unlock the account"],
    ] as const) {
      app.post(
        `/api/offices/:code/staff/:id/${verb}`,
        { schema: { tags, summary, params, response: { 204: z.null(), ...errorResponses } } },
        async (request, reply) => {
          requireAuth(request);
          await staffAdmin[verb](contextOf(request), request.params.code, request.params.id);
          return reply.status(204).send(null);
        },
      );
    }

    app.post(
      "/api/offices/:code/staff/:id/reset-password",
      {
        schema: {
          tags,
          summary: "重置密码 Reset the password to a temporary one (shown once)",
          params,
          response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return staffAdmin.resetPassword(contextOf(request), request.params.code, request.params.id);
      },
    );
  };
