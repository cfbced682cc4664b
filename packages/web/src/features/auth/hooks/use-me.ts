import { useQuery } from "@tanstack/react-query";
import type { Account } from "../../../api/types";
import { fetchMe, meQueryKey } from "../api/auth.api";

export type MeState =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "error"; error: unknown; retry: () => void }
  | { status: "authenticated"; account: Account };

/** The session's account, fetched once and shared; login and logout update it in place. */
export function useMe(): MeState {
  const query = useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
  if (query.isPending) return { status: "loading" };
  if (query.isError) return { status: "error", error: query.error, retry: () => void query.refetch() };
  return query.data ? { status: "authenticated", account: query.data } : { status: "anonymous" };
}
