import { api } from "../../../api/client";
import type { ResponseOf } from "../../../api/openapi";
import type { StaffRole } from "../../../api/types";

/** 系统管理: an office's staff, and the holiday calendar under four-eyes (administrators). */
export type StaffRow = ResponseOf<"/api/offices/{code}/staff", "get">["staff"][number];
export type ScheduleProposal = ResponseOf<"/api/calendar/schedules", "get">["proposals"][number];
export type CalendarStatus = ResponseOf<"/api/calendar/status", "get">;

export const adminKeys = {
  staff: (office: string) => ["admin", "staff", office] as const,
  proposals: ["admin", "calendar", "proposals"] as const,
  calendarStatus: ["calendar", "status"] as const,
};

export const fetchStaff = async (office: string, signal?: AbortSignal) =>
  (await api.get<{ staff: StaffRow[] }>(`/api/offices/${office}/staff`, { signal })).staff;

const staffPath = (office: string, id: string) => `/api/offices/${office}/staff/${id}`;
export const setStaffRoles = (office: string, id: string, roles: StaffRole[]) =>
  api.put<{ roles: StaffRole[] }>(`${staffPath(office, id)}/roles`, { roles });
export const lockStaff = (office: string, id: string) => api.post<void>(`${staffPath(office, id)}/lock`);
export const unlockStaff = (office: string, id: string) => api.post<void>(`${staffPath(office, id)}/unlock`);
export const resetStaffPassword = (office: string, id: string) =>
  api.post<{ temporaryPassword: string }>(`${staffPath(office, id)}/reset-password`);

export const fetchCalendarStatus = (signal?: AbortSignal) =>
  api.get<CalendarStatus>("/api/calendar/status", { signal });
export const fetchProposals = async (signal?: AbortSignal) =>
  (await api.get<{ proposals: ScheduleProposal[] }>("/api/calendar/schedules", { signal })).proposals;
export const importSchedule = (input: {
  year: number;
  sourceRef: string;
  format: "csv" | "json";
  text: string;
}) => api.post<{ id: string }>("/api/calendar/schedules/import", input);
export const decideSchedule = (id: string, verb: "approve" | "reject", note?: string) =>
  api.post<{ status: string; recomputedCases?: number | null }>(
    `/api/calendar/schedules/${id}/${verb}`,
    note ? { note } : {},
  );
