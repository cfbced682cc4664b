import {
  ACTIONS,
  type Actor,
  CERTIFICATE_KIND_NAMES,
  type CertificateData,
  type CertificateStatus,
  type FieldRow,
  locationOf,
  notesText,
  recordPageRows,
  unitCodeOf,
  VOID_REASON_NAMES,
  type VoidReason,
} from "@yulin/domain";
import { type CertificateAccess, canOnCertificate } from "./certificate.access";

const CERTIFICATE_ACTIONS = ACTIONS.filter((a) => a.startsWith("certificate."));

const STATUS_NAMES: Record<CertificateStatus, string> = {
  current: "现行有效",
  replaced: "已补发替代",
  void: "已作废",
};

export type CertificateView = {
  id: string;
  number: string;
  kind: CertificateData["kind"];
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
  rows: FieldRow[];
  notes: string[];
  sealed: boolean;
  sealedAt: string | null;
  pdfSm3: string | null;
  verifyUrl: string;
  recipients: Array<{ role: "holder" | "mortgagee"; issuedAt: string | null }>;
  prints: Array<{
    id: string;
    office: string;
    status: string;
    formSerial: string | null;
    printedAt: string | null;
  }>;
  /** What the caller may do next (outline's "the response tells the client"). */
  allowedActions: string[];
  data: CertificateData;
};

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function presentCertificate(
  access: CertificateAccess,
  actor: Actor | null,
  verifyUrl: string,
): CertificateView {
  const c = access.certificate;
  const data = c.data;
  const reason = c.void_reason as VoidReason | null;
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    kindName: CERTIFICATE_KIND_NAMES[c.kind].zh,
    office: data.office,
    registeredOn: data.registeredOn,
    unitCode: unitCodeOf(data),
    location: locationOf(data),
    status: c.status,
    statusName: STATUS_NAMES[c.status],
    voidReason: reason,
    voidReasonName: reason ? VOID_REASON_NAMES[reason] : null,
    voidedAt: iso(c.voided_at),
    replacesId: c.replaces_id,
    replacedById: c.replaced_by_id,
    rows: recordPageRows(data),
    notes: notesText(data),
    sealed: c.file_sm3 !== null,
    sealedAt: iso(c.sealed_at),
    pdfSm3: c.pdf_sm3,
    verifyUrl,
    recipients: access.recipients.map((r) => ({ role: r.role, issuedAt: iso(r.issued_at) })),
    prints: access.prints.map((p) => ({
      id: p.id,
      office: p.office,
      status: p.status,
      formSerial: p.form_serial,
      printedAt: iso(p.printed_at),
    })),
    allowedActions: CERTIFICATE_ACTIONS.filter((a) => canOnCertificate(actor, a, access)),
    data,
  };
}
