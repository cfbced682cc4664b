import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  fetchBuildingTable,
  fetchParcel,
  fetchParcelsInBox,
  fetchUnit,
  fetchUnitHistory,
  registerKeys,
  searchUnits,
} from "../api/register.api";

export function useUnit(code: string | null) {
  return useQuery({
    queryKey: registerKeys.unit(code ?? ""),
    queryFn: ({ signal }) => fetchUnit(code ?? "", signal),
    enabled: Boolean(code),
  });
}

export function useUnitHistory(code: string) {
  return useQuery({
    queryKey: registerKeys.history(code),
    queryFn: ({ signal }) => fetchUnitHistory(code, signal),
  });
}

export function useParcel(code: string | null) {
  return useQuery({
    queryKey: registerKeys.parcel(code ?? ""),
    queryFn: ({ signal }) => fetchParcel(code ?? "", signal),
    enabled: Boolean(code),
  });
}

export function useBuildingTable(code: string | null) {
  return useQuery({
    queryKey: registerKeys.building(code ?? ""),
    queryFn: ({ signal }) => fetchBuildingTable(code ?? "", signal),
    enabled: Boolean(code),
  });
}

/** 坐落查房: units whose address contains the text (two characters at least). */
export function useAddressSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: registerKeys.search(q),
    queryFn: ({ signal }) => searchUnits(q, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Parcels around a point of interest, for the map's context. */
export function useParcelsInBox(bbox: readonly [number, number, number, number] | null) {
  return useQuery({
    queryKey: registerKeys.map(bbox?.join(",") ?? ""),
    queryFn: ({ signal }) => fetchParcelsInBox(bbox!, signal),
    enabled: bbox !== null,
  });
}
