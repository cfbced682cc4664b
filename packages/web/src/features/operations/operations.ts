import type { MessageKey } from "../../i18n";
import type { Connector, OutboxFilter, OutboxMessage } from "./api/operations.api";

/** How often the operator page reloads connectors and messages. */
export const OPERATIONS_REFRESH_MS = 10_000;

/** The statuses an operator filters by, dead letters first (the page opens on them). */
export const OUTBOX_STATUSES = ["dead", "pending", "sending", "delivered", "skipped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

type TagLook = Readonly<{ color: string; labelKey: MessageKey }>;

/** A connector's health as a coloured tag: the server calls it failing after 3 failures in a row. */
export function healthTag(status: Connector["status"]): TagLook {
  switch (status) {
    case "ok":
      return { color: "success", labelKey: "operations.health.ok" };
    case "degraded":
      return { color: "warning", labelKey: "operations.health.degraded" };
    case "failing":
      return { color: "error", labelKey: "operations.health.failing" };
  }
}

/** A message's delivery status, as the filter names it. */
export const statusLabelKey = (status: OutboxStatus): MessageKey => `operations.status.${status}`;

/** Dead letters go back in the queue; so do skipped ones (their target may be back). */
export const canRetry = (message: Pick<OutboxMessage, "status">): boolean =>
  message.status === "dead" || message.status === "skipped";

/** The departments' own connectors have a translated name; a bank's is its name from the server. */
export function connectorNameKey(connector: string): MessageKey | null {
  switch (connector) {
    case "tax":
    case "payment":
    case "housing":
    case "elicence":
    case "sms":
    case "face":
      return `operations.connector.${connector}`;
    default:
      return null;
  }
}

/** The outbox list's query string: empty filters are left out, so "all connectors" sends none. */
export function outboxQuery(filter: OutboxFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(name, String(value));
  }
  return params.toString();
}

/** A server timestamp as China's wall-clock time (`2026-11-24 10:05:00`, the same in both languages), or a dash. */
export const formatTime = (iso: string | null): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 19) : "—";
