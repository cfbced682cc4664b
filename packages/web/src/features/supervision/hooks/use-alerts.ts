import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AlertStatus,
  evaluateOffice,
  type FollowUpAction,
  fetchAlert,
  fetchAlerts,
  postFollowUp,
  supervisionKeys,
} from "../api/supervision.api";

export function useAlerts(status: AlertStatus | "all") {
  return useQuery({
    queryKey: supervisionKeys.alerts(status),
    queryFn: ({ signal }) => fetchAlerts(status, signal),
  });
}

export function useAlert(id: string) {
  return useQuery({ queryKey: supervisionKeys.alert(id), queryFn: ({ signal }) => fetchAlert(id, signal) });
}

/** A follow-up; the alert and every list reload. */
export function useFollowUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: FollowUpAction; note: string; assignee?: string }) => postFollowUp(id, body),
    onSettled: () => client.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

/** 立即检查: runs the rules over one office now. */
export function useEvaluate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (office: string) => evaluateOffice(office),
    onSettled: () => client.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}
