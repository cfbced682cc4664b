import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { listMessagesAfter } from "../../platform/outbox/outbox.repository";
import type { BankNotification } from "./bank.notifications";

/**
 * Replay of the collateral events sent to a bank (issue 20): a bank that missed webhooks (endpoint
 * down, messages dead-lettered) reads them again in order from its last cursor. The cursor is
 * opaque to the bank; it is the outbox id, so pages never skip or repeat an event.
 */
export type BankEvent = {
  messageId: string;
  type: "bank.collateral-event";
  createdAt: string;
  delivery: "pending" | "delivered" | "failed";
  data: BankNotification;
};

const encode = (id: number) => Buffer.from(`e${id}`).toString("base64url");
function decode(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^e(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new AppError("REQUEST.INVALID", { cursor: "not a cursor this API gave" });
  return Number(m[1]);
}

export function createBankEvents(deps: { db: Database; pii: PiiCipher }) {
  return {
    async list(
      institutionId: string,
      page: { after?: string; limit: number },
    ): Promise<{ events: BankEvent[]; nextCursor: string | null; hasMore: boolean }> {
      const rows = await listMessagesAfter(deps.db, {
        connector: `bank:${institutionId}`,
        topic: "bank.collateral-event",
        afterId: decode(page.after),
        limit: page.limit,
      });
      const events = rows.map((row) => ({
        messageId: row.idempotency_key,
        type: "bank.collateral-event" as const,
        createdAt: row.created_at.toISOString(),
        delivery:
          row.status === "delivered"
            ? ("delivered" as const)
            : row.status === "pending" || row.status === "sending"
              ? ("pending" as const)
              : ("failed" as const),
        data: JSON.parse(deps.pii.decrypt(row.payload)) as BankNotification,
      }));
      const last = rows.at(-1);
      // The cursor to poll from next time (kept when there is nothing new); hasMore: fetch again now.
      return {
        events,
        nextCursor: last ? encode(last.id) : (page.after ?? null),
        hasMore: rows.length === page.limit,
      };
    },
  };
}
export type BankEvents = ReturnType<typeof createBankEvents>;
