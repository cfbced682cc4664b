import { api, downloadFile } from "../../../api/client";
import type { ResponseOf } from "../../../api/openapi";

/** Shapes of the queries API (`/api/queries/*`), from the server's OpenAPI document. */
export type AppliedQuery = ResponseOf<"/api/queries", "post">;
export type QueryResult = NonNullable<AppliedQuery["result"]>;
export type MyQuery = ResponseOf<"/api/queries/mine", "get">["queries"][number];
export type QueryOfMine = ResponseOf<"/api/queries/of-my-property", "get">["entries"][number];
export type PendingQuery = ResponseOf<"/api/queries/pending", "get">["queries"][number];
export type QueryApplicationBody = {
  querentKind: string;
  purpose: string;
  scope: string;
  subject: { kind: string; value: string };
  proof: string[];
};

export const queryKeys = {
  mine: ["queries", "mine"] as const,
  ofMine: ["queries", "of-my-property"] as const,
  pending: ["queries", "pending"] as const,
};

export const applyQuery = (body: QueryApplicationBody) => api.post<AppliedQuery>("/api/queries", body);
export const fetchMyQueries = async (signal?: AbortSignal) =>
  (await api.get<{ queries: MyQuery[] }>("/api/queries/mine", { signal })).queries;
export const fetchQueriesOfMine = async (signal?: AbortSignal) =>
  (await api.get<{ entries: QueryOfMine[] }>("/api/queries/of-my-property", { signal })).entries;
export const fetchPendingQueries = async (signal?: AbortSignal) =>
  (await api.get<{ queries: PendingQuery[] }>("/api/queries/pending", { signal })).queries;
export const decideQuery = (id: string, decision: { approve: true } | { approve: false; reason: string }) =>
  api.post<{ id: string; status: string }>(`/api/queries/${encodeURIComponent(id)}/decision`, decision);
export const downloadQueryResult = (q: { id: string; number: string }) =>
  downloadFile(`/api/queries/${encodeURIComponent(q.id)}/pdf`, `查询结果证明-${q.number}.pdf`);
