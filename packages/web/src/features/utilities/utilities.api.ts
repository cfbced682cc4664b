import { api } from "../../api/client";
import type { RequestOf, ResponseOf } from "../../api/openapi";

/** 1+N utility transfers of a case (`/api/cases/:id/utilities`). */
export type UtilityView = ResponseOf<"/api/cases/{id}/utilities", "get">;
export type UtilityChoice = RequestOf<"/api/cases/{id}/utilities", "put">["transfers"][number];
export type UtilityService = UtilityChoice["service"];

export const UTILITY_SERVICE_LIST: readonly UtilityService[] = ["water", "power", "gas", "network", "tv"];

const path = (id: string) => `/api/cases/${encodeURIComponent(id)}/utilities`;

export const fetchUtilities = (id: string, signal?: AbortSignal) =>
  api.get<UtilityView>(path(id), { signal });
export const chooseUtilities = (id: string, transfers: UtilityChoice[]) =>
  api.put<UtilityView>(path(id), { transfers });
