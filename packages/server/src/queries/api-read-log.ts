import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../platform/db/database";
import { insertLog } from "./query.repository";
import type { QueryIdentityPort } from "./register.port";

/** The register's read routes whose successful answers to institutions are queries to log. */
const LOGGED_ROUTES: Record<string, string> = {
  "/api/register/units/:code": "unit",
  "/api/register/units/:code/history": "history",
  "/api/register/units/by-certificate": "certificate",
  "/api/register/search/holder": "holdings",
};

/**
 * 查询留痕 of API reads: a bank's or court's direct reads of the register (总对总) are queries too,
 * so each successful one leaves a query-log row the holder sees. Runs after the answer is sent; a
 * failure to log is reported, never turned into an error for the caller.
 */
export function apiReadLogger(deps: {
  db: Database;
  identity: QueryIdentityPort;
  log: { error(obj: object, msg: string): void };
}) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const what = LOGGED_ROUTES[request.routeOptions.url ?? ""];
    const actor = request.auth?.actor;
    if (!what || !actor || actor.kind !== "institution" || reply.statusCode !== 200) return;
    try {
      const who = await deps.identity.describe(actor.accountId);
      const params = request.params as { code?: string };
      const query = request.query as { purpose?: string; number?: string };
      const code = params.code?.replace(/\s+/g, "").toUpperCase() ?? null;
      await insertLog(deps.db, {
        account_id: actor.accountId,
        querent_kind: actor.institutionKind ?? "institution",
        querent_label: who?.institutionName ?? who?.displayName ?? "机构",
        channel: "api",
        purpose: query.purpose?.slice(0, 200) ?? null,
        scope: what === "holdings" ? "holdings" : what === "history" ? "full" : "results",
        subject: code ?? query.number ?? "person",
        unit_code: code,
        outcome: "answered",
      });
    } catch (error) {
      deps.log.error({ err: error, url: request.url }, "query log of an API read failed");
    }
  };
}
