import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { StaffRole } from "../../../api/types";
import {
  adminKeys,
  decideSchedule,
  fetchCalendarStatus,
  fetchProposals,
  fetchStaff,
  importSchedule,
  lockStaff,
  resetStaffPassword,
  setStaffRoles,
  unlockStaff,
} from "../api/admin.api";
import { groupStaff } from "../staff";

/** The office's staff, one row per account with its roles there. */
export function useOfficeStaff(office: string) {
  const client = useQueryClient();
  const staff = useQuery({
    queryKey: adminKeys.staff(office),
    queryFn: ({ signal }) => fetchStaff(office, signal),
    select: groupStaff,
  });
  const reload = () => client.invalidateQueries({ queryKey: adminKeys.staff(office) });
  const roles = useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: StaffRole[] }) => setStaffRoles(office, id, roles),
    onSettled: reload,
  });
  const lock = useMutation({
    mutationFn: ({ id, locked }: { id: string; locked: boolean }) =>
      locked ? lockStaff(office, id) : unlockStaff(office, id),
    onSettled: reload,
  });
  const reset = useMutation({ mutationFn: (id: string) => resetStaffPassword(office, id) });
  return { staff, roles, lock, reset };
}

/** Whether this or next year's holiday schedule is missing (the workbench's banner). */
export function useCalendarStatus(enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.calendarStatus,
    queryFn: ({ signal }) => fetchCalendarStatus(signal),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** Schedule proposals and the actions on them; a decision reloads the banner too. */
export function useHolidaySchedules() {
  const client = useQueryClient();
  const proposals = useQuery({
    queryKey: adminKeys.proposals,
    queryFn: ({ signal }) => fetchProposals(signal),
  });
  const reload = () => {
    void client.invalidateQueries({ queryKey: adminKeys.proposals });
    void client.invalidateQueries({ queryKey: adminKeys.calendarStatus });
  };
  const submit = useMutation({ mutationFn: importSchedule, onSettled: reload });
  const decide = useMutation({
    mutationFn: ({ id, verb }: { id: string; verb: "approve" | "reject" }) => decideSchedule(id, verb),
    onSettled: reload,
  });
  return { proposals, submit, decide };
}
