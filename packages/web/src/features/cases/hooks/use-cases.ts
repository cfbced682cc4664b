import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  actOnCase,
  addMaterial,
  addParty,
  type CreateCaseRequest,
  caseKeys,
  confirmCase,
  createCase,
  fetchCase,
  fetchCaseTimeline,
  fetchDueSoon,
  fetchFindings,
  fetchMaterial,
  fetchMyRating,
  fetchOverdue,
  fetchRatingStats,
  type Inbox,
  listCases,
  type MaterialRequest,
  type PartyInput,
  rateCase,
  recordConsent,
  registerCase,
  type StaffAction,
  submitCase,
  withdrawCase,
} from "../api/cases.api";

export function useCaseList(inbox: Inbox) {
  return useQuery({
    queryKey: caseKeys.list(inbox),
    queryFn: ({ signal }) => listCases(inbox, signal),
    refetchInterval: 30_000,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: ({ signal }) => fetchCase(id, signal) });
}

/** 好差评统计 for supervisors. */
export function useRatingStats() {
  return useQuery({ queryKey: caseKeys.ratings, queryFn: ({ signal }) => fetchRatingStats(signal) });
}

/** The caller's 好差评 of the case (null until given). */
export function useMyRating(id: string) {
  return useQuery({ queryKey: caseKeys.rating(id), queryFn: ({ signal }) => fetchMyRating(id, signal) });
}

export function useCaseTimeline(id: string) {
  return useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: ({ signal }) => fetchCaseTimeline(id, signal),
  });
}

/** The rules' findings now (预审), at the stage the next step runs them. */
export function useLiveFindings(id: string, stage: string | null) {
  return useQuery({
    queryKey: caseKeys.findings(id, stage ?? ""),
    queryFn: ({ signal }) => fetchFindings(id, stage ?? "submit", signal),
    enabled: stage !== null,
  });
}

export function useDeadlineLists() {
  const overdue = useQuery({ queryKey: caseKeys.overdue, queryFn: ({ signal }) => fetchOverdue(signal) });
  const dueSoon = useQuery({
    queryKey: [...caseKeys.overdue, "soon"],
    queryFn: ({ signal }) => fetchDueSoon(signal),
  });
  return { overdue, dueSoon };
}

/** Every change to a case refreshes what is shown of cases, certificates and the register. */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: caseKeys.all }),
      client.invalidateQueries({ queryKey: ["certificates"] }),
      client.invalidateQueries({ queryKey: ["register"] }),
    ]);
}

export function useCreateCase() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (request: CreateCaseRequest) => createCase(request),
    onSuccess: invalidate,
  });
}

/** The applicant's and parties' actions on one case. */
export function useApplicantActions(id: string) {
  const invalidate = useInvalidate();
  const options = { onSuccess: invalidate };
  return {
    confirm: useMutation({ mutationFn: () => confirmCase(id), ...options }),
    submit: useMutation({ mutationFn: () => submitCase(id), ...options }),
    withdraw: useMutation({ mutationFn: () => withdrawCase(id), ...options }),
    addMaterial: useMutation({ mutationFn: (m: MaterialRequest) => addMaterial(id, m), ...options }),
    fetchMaterial: useMutation({
      mutationFn: (materialId: string) => fetchMaterial(id, materialId),
      ...options,
    }),
    addParty: useMutation({
      mutationFn: (p: { partNo: number; party: PartyInput }) => addParty(id, p.partNo, p.party),
      ...options,
    }),
    consent: useMutation({
      mutationFn: (c: { kind: string; refId?: string }) => recordConsent(id, c.kind, c.refId),
      ...options,
    }),
    rate: useMutation({ mutationFn: (r: { score: number; comment: string }) => rateCase(id, r), ...options }),
  };
}

/** Staff actions: stage moves with reasons or correction items, and 登簿. */
export function useStaffActions(id: string) {
  const invalidate = useInvalidate();
  const act = useMutation({
    mutationFn: (input: { action: StaffAction; reasons?: string[]; items?: string[] }) =>
      actOnCase(id, input.action, {
        ...(input.reasons ? { reasons: input.reasons } : {}),
        ...(input.items ? { items: input.items } : {}),
      }),
    onSuccess: invalidate,
  });
  const register = useMutation({ mutationFn: () => registerCase(id), onSuccess: invalidate });
  return { act, register };
}
