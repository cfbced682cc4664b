import { api, isApiError } from "../../../api/client";
import type { Account, LoginRequest, LoginResponse, MeResponse } from "../../../api/types";

export const meQueryKey = ["auth", "me"] as const;

/** The logged-in account, or null when there is no valid session. */
export async function fetchMe(signal?: AbortSignal): Promise<Account | null> {
  try {
    const { account } = await api.get<MeResponse>("/api/auth/me", { signal });
    return account;
  } catch (error) {
    if (isApiError(error, "AUTH.UNAUTHENTICATED")) return null;
    throw error;
  }
}

export async function login(request: LoginRequest): Promise<Account> {
  const { account } = await api.post<LoginResponse>("/api/auth/login", request);
  return account;
}

export async function logout(): Promise<void> {
  await api.post<void>("/api/auth/logout");
}
