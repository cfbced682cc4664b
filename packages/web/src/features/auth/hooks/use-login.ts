import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import type { LoginRequest } from "../../../api/types";
import { login, meQueryKey } from "../api/auth.api";
import { pathAfterLogin } from "../home-path";

/** Logs in, stores the account as the session's `me` and opens the account's home (or `?next=`). */
export function useLogin() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const mutation = useMutation({
    mutationFn: (request: LoginRequest) => login(request),
    onSuccess: (account) => {
      queryClient.setQueryData(meQueryKey, account);
      navigate(pathAfterLogin(account, searchParams.get("next")), { replace: true });
    },
  });
  return { submit: mutation.mutate, pending: mutation.isPending, error: mutation.error };
}
