import { can } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import { type Database, inTransaction } from "../../platform/db/database";
import type { OutboxStatus } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import {
  countByConnector,
  findOutboxMessage,
  listConnectorHealth,
  listOutboxMessages,
  type OutboxRow,
  requeueMessage,
} from "../../platform/outbox/outbox.repository";

export type ConnectorMode = {
  connector: string;
  label: string;
  mode: "simulator" | "http";
  url: string | null;
};

/** 部门接口运维: connectors with their health and queues, the dead-letter list, and retry. */
export function createOperationsService(deps: {
  db: Database;
  now: () => Date;
  modes: () => Promise<ConnectorMode[]>;
  wake?: () => void;
  /** The simulated SMS gateway's messages (codes included); empty when a real gateway is set. */
  simulatedSms?: () => Promise<
    Array<{ ref: string; phone: string; text: string; template: string; sentAt: string }>
  >;
}) {
  /** Administrators over HTTP; the CLI acts as the system (no actor) on the operator's machine. */
  function authorize(ctx: RequestContext) {
    if (ctx.actor && !can(ctx.actor, "integrations.operate")) throw new AppError("AUTH.FORBIDDEN");
  }

  async function listConnectors(ctx: RequestContext) {
    authorize(ctx);
    const [health, counts, modes] = await Promise.all([
      listConnectorHealth(deps.db),
      countByConnector(deps.db),
      deps.modes(),
    ]);
    const names = new Set([
      ...modes.map((m) => m.connector),
      ...health.map((h) => h.connector),
      ...counts.map((c) => c.connector),
    ]);
    const now = deps.now().getTime();
    return [...names].sort().map((connector) => {
      const h = health.find((x) => x.connector === connector);
      const c = counts.find((x) => x.connector === connector);
      const m = modes.find((x) => x.connector === connector);
      const consecutiveFailures = h?.consecutive_failures ?? 0;
      return {
        connector,
        label: m?.label ?? connector,
        mode: m?.mode ?? "simulator",
        url: m?.url ?? null,
        status: (consecutiveFailures === 0 ? "ok" : consecutiveFailures < 3 ? "degraded" : "failing") as
          | "ok"
          | "degraded"
          | "failing",
        lastSuccessAt: h?.last_success_at?.toISOString() ?? null,
        lastFailureAt: h?.last_failure_at?.toISOString() ?? null,
        lastError: h?.last_error ?? null,
        consecutiveFailures,
        deliveredCount: Number(h?.delivered_count ?? 0),
        failedCount: Number(h?.failed_count ?? 0),
        pending: (c?.pending ?? 0) + (c?.sending ?? 0),
        dead: c?.dead ?? 0,
        oldestPendingSeconds: c?.oldestPendingAt
          ? Math.max(0, Math.round((now - c.oldestPendingAt.getTime()) / 1000))
          : null,
      };
    });
  }

  async function listMessages(
    ctx: RequestContext,
    filter: { status?: OutboxStatus; connector?: string; topic?: string; beforeId?: number; limit?: number },
  ) {
    authorize(ctx);
    const rows = await listOutboxMessages(deps.db, { ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    return rows.map(presentMessage);
  }

  /** Puts a dead-lettered (or skipped) message back in the queue; audited. */
  async function retryMessage(ctx: RequestContext, id: number) {
    authorize(ctx);
    const row = await inTransaction(deps.db, async (tx) => {
      const existing = await findOutboxMessage(tx, id);
      if (!existing) throw new AppError("REQUEST.NOT_FOUND", { id });
      const requeued = await requeueMessage(tx, id, deps.now());
      if (!requeued) throw new AppError("OUTBOX.NOT_RETRYABLE", { id, status: existing.status });
      await writeAudit(tx, ctx, {
        action: "outbox.retry",
        outcome: "success",
        targetType: "outbox-message",
        targetId: String(id),
        details: {
          topic: existing.topic,
          connector: existing.connector,
          previousStatus: existing.status,
          attempts: existing.attempts,
        },
      });
      return requeued;
    });
    deps.wake?.();
    return presentMessage(row);
  }

  /** 模拟短信: what the simulated gateway "sent", for demos and tests; reading it is audited. */
  async function listSimulatedSms(ctx: RequestContext) {
    authorize(ctx);
    const messages = (await deps.simulatedSms?.()) ?? [];
    await writeAudit(deps.db, ctx, {
      action: "integrations.sms.read",
      outcome: "success",
      targetType: "sms",
    });
    return messages;
  }

  return { listConnectors, listMessages, retryMessage, listSimulatedSms };
}

/** Never the payload: it is sealed and holds personal data. */
export function presentMessage(row: OutboxRow) {
  return {
    id: row.id,
    topic: row.topic,
    connector: row.connector,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    idempotencyKey: row.idempotency_key,
    summary: row.summary,
    jurisdiction: row.jurisdiction,
    lastError: row.last_error,
    nextAttemptAt: row.status === "pending" ? row.next_attempt_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}

export type OperationsService = ReturnType<typeof createOperationsService>;
