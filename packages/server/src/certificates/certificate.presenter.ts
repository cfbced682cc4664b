import {
  ACTIONS,
  type Actor,
  CERTIFICATE_KIND_NAMES,
  type CertificateData,
  type CertificateStatus,
  locationOf,
  notesText,
  recordPageRows,
  unitCodeOf,
  VOID_REASON_NAMES,
  type VoidReason,
} from "@yulin/domain";
import type { z } from "zod";
import { type CertificateAccess, canOnCertificate } from "./certificate.access";
import type { ZCertificateView } from "./certificate.schemas";

const CERTIFICATE_ACTIONS = ACTIONS.filter((a) => a.startsWith("certificate."));

const STATUS_NAMES: Record<CertificateStatus, string> = {
  current: "现行有效",
  replaced: "已补发替代",
  void: "已作废",
};

/** A certificate as clients see it: its schema's shape, with the certificate data typed. */
export type CertificateView = Omit<z.infer<typeof ZCertificateView>, "data"> & { data: CertificateData };

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
