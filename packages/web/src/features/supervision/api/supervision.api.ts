import { api } from "../../../api/client";
import type { ResponseOf } from "../../../api/openapi";

/** 廉防预警: the integrity and risk alerts of the supervisor's offices, one alert with its follow-ups. */
export type AlertList = ResponseOf<"/api/supervision/alerts", "get">;
export type IntegrityAlert = AlertList["alerts"][number];
export type AlertDetail = ResponseOf<"/api/supervision/alerts/{id}", "get">;
export type AlertStatus = IntegrityAlert["status"];
export type FollowUpAction = AlertDetail["followUps"][number]["action"];

export const supervisionKeys = {
  all: ["supervision"] as const,
  alerts: (status: string) => ["supervision", "alerts", status] as const,
  alert: (id: string) => ["supervision", "alert", id] as const,
};

export const fetchAlerts = (status: AlertStatus | "all", signal?: AbortSignal) =>
  api.get<AlertList>(`/api/supervision/alerts${status === "all" ? "" : `?status=${status}`}`, { signal });

export const fetchAlert = (id: string, signal?: AbortSignal) =>
  api.get<AlertDetail>(`/api/supervision/alerts/${encodeURIComponent(id)}`, { signal });

export const postFollowUp = (id: string, body: { action: FollowUpAction; note: string; assignee?: string }) =>
  api.post<AlertDetail>(`/api/supervision/alerts/${encodeURIComponent(id)}/follow-up`, body);

export const evaluateOffice = (office: string) =>
  api.post<{ raised: number }>(`/api/supervision/offices/${office}/alerts/evaluate`);
