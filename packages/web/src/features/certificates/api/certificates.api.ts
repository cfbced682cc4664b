import { api, downloadFile } from "../../../api/client";

export type CertificateStatus = "current" | "replaced" | "void";
export type VoidReason = "transfer" | "change" | "correction" | "cancellation" | "revocation" | "replacement";

/** `GET /api/certificates/verify/:token` — what anyone scanning a QR code sees (holders masked). */
export type Verification = {
  verdict: { genuine: boolean; status: CertificateStatus; message_zh: string; message_en: string };
  certificate: {
    number: string;
    kind: "certificate" | "certification";
    kindName: string;
    office: { code: string; name: string };
    registeredOn: string;
    unitCode: string;
    location: string;
    holders: string[];
    replacement: { replacesNumber: string; reason: "lost" | "damaged" } | null;
    replacedByNumber: string | null;
    voidReason: VoidReason | null;
    voidedAt: string | null;
  };
  seal: {
    status: "valid" | "invalid" | "pending";
    failure: string | null;
    algorithm: "SM2-with-SM3";
    userId: string;
    publicKeyFingerprint: string | null;
    pdfSm3: string | null;
    signature: string | null;
    sealedAt: string | null;
  };
  register: { status: "verified" | "failed" | "unavailable" | "not-linked"; seq: number | null };
};

/** `GET /api/certificates/:id` and the items of `GET /api/certificates`. */
export type Certificate = {
  id: string;
  number: string;
  kind: "certificate" | "certification";
  kindName: string;
  office: { code: string; name: string };
  registeredOn: string;
  unitCode: string;
  location: string;
  status: CertificateStatus;
  statusName: string;
  voidReason: VoidReason | null;
  voidReasonName: string | null;
  voidedAt: string | null;
  replacesId: string | null;
  replacedById: string | null;
  rows: { key: string; label: string; value: string }[];
  notes: string[];
  sealed: boolean;
  sealedAt: string | null;
  pdfSm3: string | null;
  verifyUrl: string;
  recipients: { role: "holder" | "mortgagee"; issuedAt: string | null }[];
  prints: {
    id: string;
    office: string;
    status: string;
    formSerial: string | null;
    printedAt: string | null;
  }[];
  allowedActions: string[];
};

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
