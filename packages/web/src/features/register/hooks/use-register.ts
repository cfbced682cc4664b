import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import {
  fetchBuildingTable,
  fetchHeldRestrictions,
  fetchParcel,
  fetchParcelsInBox,
  fetchUnit,
  fetchUnitByCertificate,
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

/** The caller's live mortgages or seizures, with what else weighs on each unit. */
export function useHeldRestrictions(kind: "mortgage" | "seizure") {
  return useQuery({
    queryKey: registerKeys.held(kind),
    queryFn: ({ signal }) => fetchHeldRestrictions(kind, signal),
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

/** 按证书号查单元: finds the unit of a certificate number, then hands its code on. */
export function useCertificateLookup(onFound: (unitCode: string) => void) {
  return useMutation({
    mutationFn: (number: string) => fetchUnitByCertificate(number),
    onSuccess: (found) => onFound(found.unitCode),
  });
}
