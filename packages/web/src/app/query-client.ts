import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, isApiError } from "../api/client";
import { meQueryKey } from "../features/auth/api/auth.api";

/**
 * One client for the app. A call answered "not logged in" (the session expired or was revoked)
 * clears `me`, so the area guards send the user to the login page.
 */
export function createQueryClient(): QueryClient {
  const forgetSessionOn = (error: unknown) => {
    if (isApiError(error, "AUTH.UNAUTHENTICATED")) client.setQueryData(meQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetSessionOn }),
    mutationCache: new MutationCache({ onError: forgetSessionOn }),
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; network and 5xx errors get two more tries.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
