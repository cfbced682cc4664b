import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useT } from "../../../i18n";
import {
  type Connector,
  fetchConnectors,
  fetchOutboxMessages,
  operationsKeys,
  retryOutboxMessage,
} from "../api/operations.api";
import { connectorNameKey, OPERATIONS_REFRESH_MS, type OutboxStatus, outboxQuery } from "../operations";

/** Messages listed at once (the newest first); the server allows up to 500. */
export const OUTBOX_PAGE_SIZE = 100;

/** The connectors with their health and queue counts, refreshed while the page is open. */
export function useConnectors() {
  return useQuery({
    queryKey: operationsKeys.connectors,
    queryFn: ({ signal }) => fetchConnectors(signal),
    refetchInterval: OPERATIONS_REFRESH_MS,
  });
}

/** The message list and its filters: dead letters of every connector until the operator picks others. */
export function useOutbox() {
  const [status, setStatus] = useState<OutboxStatus>("dead");
  const [connector, setConnector] = useState<string | null>(null);
  const query = outboxQuery({ status, connector: connector ?? undefined, limit: OUTBOX_PAGE_SIZE });
  const messages = useQuery({
    queryKey: operationsKeys.outbox(query),
    queryFn: ({ signal }) => fetchOutboxMessages(query, signal),
    refetchInterval: OPERATIONS_REFRESH_MS,
    // Keep the rows on screen while another filter loads.
    placeholderData: keepPreviousData,
  });
  return { status, setStatus, connector, setConnector, messages };
}

/** Puts a dead-lettered message back in the queue; the connectors' counts and every list reload. */
export function useRetryMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => retryOutboxMessage(id),
    onSettled: () => client.invalidateQueries({ queryKey: operationsKeys.all }),
  });
}

/** A connector's name for the reader: the departments' from the dictionary, a bank's from the server. */
export function useConnectorName(connectors: readonly Connector[] | undefined) {
  const t = useT();
  return useCallback(
    (connector: string) => {
      const key = connectorNameKey(connector);
      if (key) return t(key);
      return connectors?.find((c) => c.connector === connector)?.label ?? connector;
    },
    [connectors, t],
  );
}
