import crypto from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../db/database";
import { AppError } from "../errors";
import { claimKey, findKey, purgeExpiredKeys, releaseKey, saveAnswer } from "./idempotency.repository";

/**
 * `Idempotency-Key` on a logged-in caller's POST (issue 20, docs/api/README.md): the first request
 * with a key does the work and its answer (status and body) is kept 24 hours; a retry with the same
 * key and the same request gets that answer again, marked `Idempotent-Replayed: true`, without the
 * work being redone; the same key with another path or body is 409 `IDEMPOTENCY.KEY_REUSED`. A
 * retry arriving while the first is still running waits for its answer. A 5xx is not kept.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;
const WAIT_STEP_MS = 25;

type Options = { db: Database; now: () => Date; waitMs?: number };
type Claim = { accountId: string; key: string };

declare module "fastify" {
  interface FastifyRequest {
    idempotencyClaim?: Claim;
  }
}

function fingerprintOf(request: FastifyRequest): string {
  const body = request.body === undefined ? "" : JSON.stringify(request.body);
  return crypto.createHash("sha256").update(`${request.method} ${request.url}\n${body}`).digest("hex");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function registerIdempotency(app: FastifyInstance, options: Options): void {
  const waitMs = options.waitMs ?? 30_000;
  app.addHook("preHandler", async (request, reply) => {
    const header = request.headers["idempotency-key"];
    if (request.method !== "POST" || header === undefined || !request.auth) return;
    if (typeof header !== "string" || !KEY.test(header)) throw new AppError("IDEMPOTENCY.INVALID_KEY");
    const accountId = request.auth.actor.accountId;
    const fingerprint = fingerprintOf(request);
    const now = options.now();
    if (await claimKey(options.db, { accountId, key: header, fingerprint, now, ttlMs: IDEMPOTENCY_TTL_MS })) {
      request.idempotencyClaim = { accountId, key: header };
      if (Math.random() < 0.01) await purgeExpiredKeys(options.db, now);
      return;
    }
    for (let waited = 0; ; waited += WAIT_STEP_MS) {
      const row = await findKey(options.db, accountId, header);
      if (row && row.fingerprint !== fingerprint) throw new AppError("IDEMPOTENCY.KEY_REUSED");
      if (row?.answer) {
        reply.code(row.answer.status).header("idempotent-replayed", "true");
        if (row.answer.contentType) reply.type(row.answer.contentType);
        return reply.send(row.answer.body);
      }
      if (!row) throw new AppError("IDEMPOTENCY.IN_PROGRESS");
      if (waited >= waitMs) throw new AppError("IDEMPOTENCY.IN_PROGRESS");
      await sleep(WAIT_STEP_MS);
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = undefined;
    const text =
      typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : null;
    if (reply.statusCode >= 500 || text === null) await releaseKey(options.db, claim.accountId, claim.key);
    else {
      const contentType = reply.getHeader("content-type");
      await saveAnswer(options.db, claim.accountId, claim.key, {
        status: reply.statusCode,
        contentType: typeof contentType === "string" ? contentType : null,
        body: text,
      });
    }
    return payload;
  });
}
