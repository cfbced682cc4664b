import { type Actor, can, type InstitutionKind } from "@yulin/domain";
import { z } from "zod";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../../platform/db/database";
import { AppError, type ErrorCode } from "../../platform/errors";
import {
  findInboundMessage,
  findInstitutionConnection,
  insertInboundMessage,
  insertNonce,
  pruneNonces,
} from "./connections.repository";
import { verifyBody } from "./signed-message";
import { canonicalJson, createCachedVerifier, sm3Hex } from "./sm2";

export const DEPARTMENTS = ["tax", "payment", "housing", "bank"] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Which institutions may call back as which department (the payment channel is an acquiring bank). */
const SENDERS: Record<Department, readonly InstitutionKind[]> = {
  tax: ["tax"],
  housing: ["housing"],
  bank: ["bank"],
  payment: ["bank"],
};

export const ZEnvelope = z.object({
  messageId: z.string().regex(/^[\w.:-]{1,200}$/),
  nonce: z.string().regex(/^[\w-]{16,128}$/),
  type: z.string().regex(/^[a-z][a-z0-9.-]{1,63}$/),
  sentAt: z.string().max(40),
  data: z.record(z.string(), z.unknown()),
});

export type InboundMeta = { institutionId: string; messageId: string; department: Department; now: Date };

/** Processes one message type in the transaction that records it; returns what the sender is told. */
export type InboundHandler = {
  department: Department;
  type: string;
  schema: z.ZodType<unknown>;
  handle(tx: Tx, data: unknown, meta: InboundMeta): Promise<unknown>;
};

export const inboundHandler = <T>(h: {
  department: Department;
  type: string;
  schema: z.ZodType<T>;
  handle(tx: Tx, data: T, meta: InboundMeta): Promise<unknown>;
}): InboundHandler => h as unknown as InboundHandler;

export type InboundResult = { messageId: string; duplicate: boolean; result: unknown };

/**
 * Callbacks from departments: the institution's bearer token (already resolved to `ctx.actor`),
 * then an SM2 signature over timestamp ‖ body with the institution's registered key, a fresh
 * timestamp, and a nonce never seen before. A message id is processed once; a re-sent message
 * (new nonce, same id and content) gets the first answer again.
 */
export function createInboundService(deps: {
  db: Database;
  now: () => Date;
  maxSkewSeconds: number;
  handlers: readonly InboundHandler[];
}) {
  const handlers = new Map(deps.handlers.map((h) => [`${h.department}:${h.type}`, h]));
  const verify = createCachedVerifier();

  async function deny(ctx: RequestContext, department: string, reason: string, code: ErrorCode) {
    await writeAudit(deps.db, ctx, {
      action: "integration.callback",
      outcome: "denied",
      targetType: "department",
      targetId: department,
      details: { reason },
    });
    return new AppError(code);
  }

  async function receive(
    ctx: RequestContext,
    input: { department: string; rawBody: string; timestamp?: string; signature?: string },
  ): Promise<InboundResult> {
    const actor: Actor | null = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const department = input.department as Department;
    if (
      !DEPARTMENTS.includes(department) ||
      actor.kind !== "institution" ||
      !actor.institutionId ||
      !actor.institutionKind ||
      !SENDERS[department].includes(actor.institutionKind) ||
      !can(actor, "integrations.callback", { institutionId: actor.institutionId })
    ) {
      throw await deny(ctx, input.department, "not this department", "AUTH.FORBIDDEN");
    }
    const institutionId = actor.institutionId;
    const connection = await findInstitutionConnection(deps.db, institutionId);
    if (!connection?.public_key) throw await deny(ctx, department, "no key", "INTEGRATION.NO_KEY");
    const now = deps.now();
    const failure = verifyBody(
      { rawBody: input.rawBody, timestamp: input.timestamp, signature: input.signature },
      connection.public_key,
      now,
      deps.maxSkewSeconds * 1000,
      verify,
    );
    if (failure === "signature")
      throw await deny(ctx, department, "bad signature", "INTEGRATION.SIGNATURE_INVALID");
    if (failure === "stale") throw await deny(ctx, department, "stale", "INTEGRATION.STALE_MESSAGE");

    let parsed: z.infer<typeof ZEnvelope>;
    try {
      parsed = ZEnvelope.parse(JSON.parse(input.rawBody));
    } catch (error) {
      throw new AppError("REQUEST.INVALID", { reason: (error as Error).message.slice(0, 500) });
    }
    const handler = handlers.get(`${department}:${parsed.type}`);
    if (!handler) throw new AppError("INTEGRATION.UNKNOWN_MESSAGE", { type: parsed.type });
    const data = handler.schema.safeParse(parsed.data);
    if (!data.success) throw new AppError("REQUEST.INVALID", { issues: data.error.issues.slice(0, 10) });
    // Re-sent copies have a new nonce and time but the same type and data.
    const digest = sm3Hex(canonicalJson({ type: parsed.type, data: parsed.data }));

    const outcome = await inTransaction(deps.db, async (tx) => {
      if (!(await insertNonce(tx, institutionId, parsed.nonce, now))) return { replayed: true as const };
      const seen = await findInboundMessage(tx, institutionId, parsed.messageId);
      if (seen) {
        if (seen.body_digest !== digest) return { conflict: true as const };
        return { result: { messageId: parsed.messageId, duplicate: true, result: seen.result } };
      }
      const meta: InboundMeta = { institutionId, messageId: parsed.messageId, department, now };
      const result = await handler.handle(tx, data.data, meta);
      await insertInboundMessage(tx, {
        institutionId,
        messageId: parsed.messageId,
        department,
        type: parsed.type,
        digest,
        result,
        now,
      });
      await writeAudit(tx, ctx, {
        action: `integration.callback.${department}.${parsed.type}`,
        outcome: "success",
        targetType: "inbound-message",
        targetId: parsed.messageId,
      });
      return { result: { messageId: parsed.messageId, duplicate: false, result } };
    });
    if ("replayed" in outcome) throw await deny(ctx, department, "replayed nonce", "INTEGRATION.REPLAYED");
    if ("conflict" in outcome)
      throw await deny(ctx, department, "message id reused", "INTEGRATION.MESSAGE_CONFLICT");
    return outcome.result;
  }

  return {
    receive,
    /** Forget nonces older than twice the freshness window (called by the worker). */
    prune: () => pruneNonces(deps.db, new Date(deps.now().getTime() - 2 * deps.maxSkewSeconds * 1000)),
  };
}

export type InboundService = ReturnType<typeof createInboundService>;
