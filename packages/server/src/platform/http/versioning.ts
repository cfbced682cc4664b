import type { FastifyInstance } from "fastify";

/**
 * Versioning (docs/api/README.md): the major version is in the path. `/api/v1/...` is the stable
 * address for institutions; `/api/...` is the same version 1 for the web app. Each answer says
 * its version in `Yulin-API-Version`. A bearer-token (institution) call to an unversioned path
 * still works, but is answered with `Deprecation` and `Sunset` (RFC 9745, RFC 8594): such
 * clients move to `/api/v1` before the sunset date, when unversioned paths may follow a new major.
 */
export const API_VERSION = 1;
export const UNVERSIONED_DEPRECATED_AT = new Date("2026-12-01T00:00:00Z");
export const UNVERSIONED_SUNSET_AT = new Date("2027-06-30T00:00:00Z");

export const VERSIONING_POLICY =
  "版本策略：主版本在路径中，机构直连请使用 `/api/v1/...`（与 `/api/...` 相同）。每个答复带 `Yulin-API-Version`。" +
  " 机构令牌调用不带版本的路径会收到 `Deprecation` 与 `Sunset` 头，须在日落日期前改用 `/api/v1`；" +
  "不兼容的变更只在新的主版本中发布，旧版本至少保留 6 个月。" +
  " Versioning: the major version is in the path; institutions call `/api/v1/...` (the same as `/api/...`). " +
  "Every answer carries `Yulin-API-Version`. A bearer-token call to an unversioned path is answered with " +
  "`Deprecation` and `Sunset` headers: move to `/api/v1` before the sunset date. Breaking changes only come " +
  "in a new major version, and the old one stays for at least 6 months.";

/** `/api/v1/x` is served by the route `/api/x` (Fastify's rewriteUrl). */
export function rewriteVersionedUrl(url: string): string {
  return url.startsWith("/api/v1/") ? `/api/${url.slice("/api/v1/".length)}` : url;
}

export function registerVersionHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    reply.header("yulin-api-version", String(API_VERSION));
    const unversioned =
      request.originalUrl.startsWith("/api/") && !request.originalUrl.startsWith("/api/v1/");
    if (unversioned && /^Bearer /i.test(request.headers.authorization ?? "")) {
      reply.header("deprecation", `@${Math.floor(UNVERSIONED_DEPRECATED_AT.getTime() / 1000)}`);
      reply.header("sunset", UNVERSIONED_SUNSET_AT.toUTCString());
      reply.header("link", '</api/docs>; rel="deprecation"; type="text/html"');
    }
  });
}
