import { api, downloadFile } from "../../../api/client";
import type { ResponseOf } from "../../../api/openapi";

/** Shapes of the certificates API (`/api/certificates/*`), from the server's OpenAPI document. */
export type Verification = ResponseOf<"/api/certificates/verify/{token}", "get">;
export type Certificate = ResponseOf<"/api/certificates/{id}", "get">;
export type CertificateStatus = Certificate["status"];
export type VoidReason = NonNullable<Verification["certificate"]["voidReason"]>;

export const certificateKeys = {
  mine: ["certificates", "mine"] as const,
  one: (id: string) => ["certificates", id] as const,
  verification: (token: string) => ["certificates", "verify", token] as const,
};

export const verifyCertificate = (token: string, signal?: AbortSignal) =>
  api.get<Verification>(`/api/certificates/verify/${encodeURIComponent(token)}`, { signal });

export const fetchMyCertificates = async (signal?: AbortSignal) =>
  (await api.get<{ certificates: Certificate[] }>("/api/certificates", { signal })).certificates;

export const fetchCertificate = (id: string, signal?: AbortSignal) =>
  api.get<Certificate>(`/api/certificates/${encodeURIComponent(id)}`, { signal });

export const downloadCertificatePdf = (certificate: Pick<Certificate, "id" | "number">) =>
  downloadFile(`/api/certificates/${encodeURIComponent(certificate.id)}/pdf`, `${certificate.number}.pdf`);

/** The token at the end of a verification URL (`…/verify/<token>`), or the text itself. */
export function tokenFromInput(input: string): string {
  const text = input.trim();
  const match = /\/verify\/([^/?#\s]+)/.exec(text);
  return match?.[1] ?? text;
}
