import { useMutation, useQuery } from "@tanstack/react-query";
import {
  type Certificate,
  certificateKeys,
  downloadCertificatePdf,
  fetchMyCertificates,
  verifyCertificate,
} from "../api/certificates.api";

/** The public verification of a QR token; `null` token asks nothing. */
export function useVerification(token: string | null) {
  return useQuery({
    queryKey: certificateKeys.verification(token ?? ""),
    queryFn: ({ signal }) => verifyCertificate(token ?? "", signal),
    enabled: token !== null && token !== "",
  });
}

/** The caller's certificates (holder) or certifications (mortgagee bank). */
export function useMyCertificates() {
  return useQuery({ queryKey: certificateKeys.mine, queryFn: ({ signal }) => fetchMyCertificates(signal) });
}

export function useDownloadCertificate() {
  const mutation = useMutation({
    mutationFn: (c: Pick<Certificate, "id" | "number">) => downloadCertificatePdf(c),
  });
  return {
    download: mutation.mutate,
    pending: mutation.isPending,
    error: mutation.error,
    variables: mutation.variables,
  };
}
