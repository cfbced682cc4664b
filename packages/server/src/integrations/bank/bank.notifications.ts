import { z } from "zod";
import { findInstitution } from "../../identity/institution.repository";
import type { Tx } from "../../platform/db/database";
import { checkOutboundUrl, type OutboundPolicy } from "../../platform/http/outbound-guard";
import type { Outbox } from "../../platform/outbox/outbox";
import { type TopicSchemas, topicHandler } from "../../platform/outbox/outbox.types";
import { findInstitutionConnection } from "../shared/connections.repository";
import { ConnectorError, createSignedClient } from "../shared/http-client";
import { envelope } from "../shared/signed-message";
import type { SimulatorStore } from "../shared/simulator-store.repository";

/** What happened to a collateral a bank holds a mortgage on (抵押物变动通知). */
export const COLLATERAL_EVENTS = [
  "mortgage-registered", // 抵押权登记
  "mortgage-changed", // 抵押权变更
  "mortgage-cancelled", // 抵押权注销
  "collateral-seized", // 查封 (incl. waiting seizure becoming effective)
  "collateral-objection", // 异议登记
  "collateral-transferred", // 抵押物转移 (R13: the mortgage follows)
  "repayment-requested", // 带押过户（分段）: transfer registered, confirm the old loan repaid
] as const;

export const ZBankNotification = z.object({
  event: z.enum(COLLATERAL_EVENTS),
  eventId: z.string(),
  occurredAt: z.string(),
  caseRef: z.string().nullable(),
  unitCode: z.string(),
  jurisdiction: z.string(),
  /** 不动产登记证明号 of the bank's mortgage. */
  certificationNo: z.string().nullable(),
  /** Register entry that recorded the change (for the bank's own proof). */
  registerEntry: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type BankNotification = z.infer<typeof ZBankNotification>;

/** The notices to mortgagee banks, one message per bank. */
export const BANK_TOPICS = { "bank.collateral-event": ZBankNotification } as const satisfies TopicSchemas;

export type CollateralEvent = {
  event: (typeof COLLATERAL_EVENTS)[number];
  /** Unique per change (e.g. the register entry id): the idempotency key is built from it. */
  eventId: string;
  occurredAt: Date;
  caseRef?: string | null;
  unitCode: string;
  jurisdiction: string;
  registerEntry?: string | null;
  details?: Record<string, unknown>;
  /** The mortgagees to tell: each bank with the certification of its mortgage. */
  mortgagees: ReadonlyArray<{ institutionId: string; certificationNo: string | null }>;
};

/**
 * Called by the register and cases modules inside the transaction that records the change:
 * one outbox message per bank, so each bank's delivery and health are tracked on their own.
 */
export function createBankNotifier(outbox: Outbox<typeof BANK_TOPICS>) {
  return async function notifyBanks(tx: Tx, event: CollateralEvent): Promise<number> {
    let created = 0;
    for (const m of event.mortgagees) {
      const payload: BankNotification = {
        event: event.event,
        eventId: event.eventId,
        occurredAt: event.occurredAt.toISOString(),
        caseRef: event.caseRef ?? null,
        unitCode: event.unitCode,
        jurisdiction: event.jurisdiction,
        certificationNo: m.certificationNo,
        registerEntry: event.registerEntry ?? null,
        details: event.details ?? {},
      };
      const r = await outbox.enqueue(tx, "bank.collateral-event", payload, {
        connector: `bank:${m.institutionId}`,
        idempotencyKey: `bank:${m.institutionId}:${event.eventId}`,
        summary: { event: event.event, unitCode: event.unitCode, caseRef: event.caseRef ?? null },
        jurisdiction: event.jurisdiction,
      });
      if (r.created) created++;
    }
    return created;
  };
}

export type NotifyBanks = ReturnType<typeof createBankNotifier>;

/**
 * Delivery: to the bank's registered endpoint (`POST {endpoint}/collateral-events`, signed), or
 * into the simulated bank's inbox when it has none. A bank that no longer exists is `skipped`.
 */
export function bankTopics(deps: {
  db: Parameters<typeof findInstitution>[0];
  store: SimulatorStore;
  privateKey: string;
  timeoutMs: number;
  now: () => Date;
  outbound: OutboundPolicy;
}) {
  return [
    topicHandler(BANK_TOPICS, "bank.collateral-event", {
      async deliver(payload, meta) {
        const institutionId = meta.connector.slice("bank:".length);
        const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(institutionId);
        const institution = uuid ? await findInstitution(deps.db, institutionId) : undefined;
        if (institution?.kind !== "bank") return { status: "skipped", reason: "bank not found" };
        const connection = await findInstitutionConnection(deps.db, institutionId);
        if (connection?.endpoint_url) {
          // Resolved afresh before each delivery: a name that now points inside is not reached.
          try {
            await checkOutboundUrl(connection.endpoint_url, deps.outbound);
          } catch (error) {
            throw new ConnectorError(`endpoint refused: ${(error as Error).message}`, false);
          }
          const client = createSignedClient({
            baseUrl: connection.endpoint_url,
            privateKey: deps.privateKey,
            timeoutMs: deps.timeoutMs,
            now: deps.now,
          });
          const response = await client.post(
            "collateral-events",
            envelope("bank.collateral-event", meta.idempotencyKey, payload, deps.now()),
            meta.idempotencyKey,
          );
          return { status: "delivered", response };
        }
        await deps.store.put("bank", `inbox:${institutionId}`, meta.idempotencyKey, payload, {
          onlyIfAbsent: true,
        });
        return { status: "delivered" };
      },
    }),
  ];
}
