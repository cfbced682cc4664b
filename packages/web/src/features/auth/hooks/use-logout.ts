import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { logout, meQueryKey } from "../api/auth.api";

/** Ends the session, forgets every cached answer of the previous account and opens the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Even if the call failed, the user asked to leave: drop the local state either way.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
      navigate("/login", { replace: true });
    },
  });
  return { logout: () => mutation.mutate(), pending: mutation.isPending };
}
