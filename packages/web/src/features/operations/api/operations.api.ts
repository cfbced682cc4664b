import { api } from "../../../api/client";
import type { ResponseOf } from "../../../api/openapi";
import type { paths } from "../../../api/openapi.gen";

/** 部门接口运维: the departments' connectors, the outbox and its dead letters (administrators). */
export type Connector = ResponseOf<"/api/integrations/connectors", "get">["connectors"][number];
export type OutboxMessage = ResponseOf<"/api/integrations/outbox", "get">["messages"][number];
export type OutboxFilter = NonNullable<paths["/api/integrations/outbox"]["get"]["parameters"]["query"]>;

export const operationsKeys = {
  all: ["operations"] as const,
  connectors: ["operations", "connectors"] as const,
  outbox: (query: string) => ["operations", "outbox", query] as const,
};

export const fetchConnectors = async (signal?: AbortSignal) =>
  (await api.get<{ connectors: Connector[] }>("/api/integrations/connectors", { signal })).connectors;

/** `query` is built by `outboxQuery` (an empty string lists every message). */
export const fetchOutboxMessages = async (query: string, signal?: AbortSignal) =>
  (
    await api.get<{ messages: OutboxMessage[] }>(`/api/integrations/outbox${query ? `?${query}` : ""}`, {
      signal,
    })
  ).messages;

export const retryOutboxMessage = async (id: number) =>
  (await api.post<{ message: OutboxMessage }>(`/api/integrations/outbox/${id}/retry`)).message;

export type SimulatedSms = ResponseOf<"/api/integrations/sms-simulator", "get">["messages"][number];
export const fetchSimulatedSms = async (signal?: AbortSignal) =>
  (await api.get<{ messages: SimulatedSms[] }>("/api/integrations/sms-simulator", { signal })).messages;
