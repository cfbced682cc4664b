import { api } from "../../../api/client";
import type { RequestOf, ResponseOf } from "../../../api/openapi";

/** 打证队列: paper certificates waiting at an office (remote printing included). */
export type PrintJob = ResponseOf<"/api/offices/{office}/print-queue", "get">["jobs"][number];
export type PrintedRequest = RequestOf<"/api/certificate-prints/{printId}/printed", "post">;

export const printQueueKey = (office: string) => ["certificates", "print-queue", office] as const;

export const fetchPrintQueue = async (office: string, signal?: AbortSignal) =>
  (await api.get<{ jobs: PrintJob[] }>(`/api/offices/${encodeURIComponent(office)}/print-queue`, { signal }))
    .jobs;

export const recordPrinted = (printId: string, request: PrintedRequest) =>
  api.post<{ ok: true }>(`/api/certificate-prints/${encodeURIComponent(printId)}/printed`, request);
