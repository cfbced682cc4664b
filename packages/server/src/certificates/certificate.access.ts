import { type Action, type Actor, can } from "@yulin/domain";
import type { Selectable } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { CertificatePrintsTable } from "../platform/db/schema";
import {
  type CertificateRow,
  findCertificate,
  listRecipients,
  type RecipientRow,
} from "./certificate.repository";
import { listPrintJobs } from "./certificate-paper.repository";

export type PrintRow = Selectable<CertificatePrintsTable>;

/** A certificate with what decides who may act on it. */
export type CertificateAccess = {
  certificate: CertificateRow;
  recipients: RecipientRow[];
  /** Print jobs: a remote print job lets the printing office's issuers act too. */
  prints: PrintRow[];
};

export async function loadAccess(
  db: Database | Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CertificateAccess | undefined> {
  const certificate = await findCertificate(db, { id }, options);
  if (!certificate) return undefined;
  const [recipients, prints] = await Promise.all([listRecipients(db, id), listPrintJobs(db, id)]);
  return { certificate, recipients, prints };
}

/** Printing offices act on the certificates in their queue (remote printing, 异地打证). */
const PRINT_OFFICE_ACTIONS: readonly Action[] = [
  "certificate.read",
  "certificate.download",
  "certificate.print",
  "certificate.deliver",
];

/**
 * The one access decision for a certificate, through the policy module: staff of the registering
 * office (or of an office printing it), the holders it was issued to, and the mortgagee bank.
 */
export function canOnCertificate(actor: Actor | null, action: Action, access: CertificateAccess): boolean {
  if (!actor) return false;
  if (can(actor, action, { jurisdiction: access.certificate.office })) return true;
  if (
    PRINT_OFFICE_ACTIONS.includes(action) &&
    access.prints.some((p) => p.status !== "cancelled" && can(actor, action, { jurisdiction: p.office }))
  )
    return true;
  return access.recipients.some((r) =>
    can(actor, action, {
      ...(r.account_id ? { ownerAccountId: r.account_id } : {}),
      ...(r.institution_id ? { institutionId: r.institution_id } : {}),
    }),
  );
}
