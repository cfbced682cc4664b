import { api } from "../../../api/client";
import type { ResponseOf } from "../../../api/openapi";

/** Shapes of the dashboards and 阳光登记 APIs, from the server's OpenAPI document. */
export type DashboardFigures = ResponseOf<"/api/dashboards/figures", "get">;
export type PublicStatistics = ResponseOf<"/api/public/statistics", "get">;
export type Complaint = ResponseOf<"/api/public/complaints/{trackingNo}", "get">;
export type StaffComplaint = ResponseOf<"/api/supervision/complaints", "get">["complaints"][number];
export type CompensationClaim = ResponseOf<"/api/compensation-claims", "get">["claims"][number];
export type ComplaintBody = {
  office: string;
  topic: "registry" | "cadastre";
  caseRef?: string;
  content: string;
  contact: { name: string; phone: string };
};

const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
};

export type DashboardQuery = { from?: string; to?: string; office?: string };

export const fetchDashboard = (q: DashboardQuery, signal?: AbortSignal) =>
  api.get<DashboardFigures>(`/api/dashboards/figures${query(q)}`, { signal });
export const dashboardCsvUrl = (q: DashboardQuery) => `/api/dashboards/figures.csv${query(q)}`;

export const fetchPublicStatistics = (month: string | undefined, signal?: AbortSignal) =>
  api.get<PublicStatistics>(`/api/public/statistics${query({ month })}`, { signal });
export const fileComplaint = (body: ComplaintBody) => api.post<Complaint>("/api/public/complaints", body);
export const trackComplaint = (no: string, signal?: AbortSignal) =>
  api.get<Complaint>(`/api/public/complaints/${encodeURIComponent(no)}`, { signal });
export const fetchPublishedComplaints = async (signal?: AbortSignal) =>
  (await api.get<{ complaints: Complaint[] }>("/api/public/complaints", { signal })).complaints;
export const fetchStaffComplaints = async (signal?: AbortSignal) =>
  (await api.get<{ complaints: StaffComplaint[] }>("/api/supervision/complaints", { signal })).complaints;
export const answerComplaint = (no: string, answer: string) =>
  api.post<Complaint>(`/api/supervision/complaints/${encodeURIComponent(no)}/answer`, { answer });
export const fetchClaims = async (signal?: AbortSignal) =>
  (await api.get<{ claims: CompensationClaim[] }>("/api/compensation-claims", { signal })).claims;
