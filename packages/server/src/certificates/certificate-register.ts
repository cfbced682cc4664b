/**
 * What a 补发/换发 writes to the register: the number the register holds for the right (R1 checks
 * the certificate a holder presents against it) or for the restriction a certification proves.
 * Written through the register's `appendEntries`, the only writer of its projections.
 */
import {
  type EntryDraft,
  type LedgerReceipt,
  REPLACEMENT_MARKS,
  type ReplacementReason,
} from "@yulin/domain";
import type { Tx } from "../platform/db/database";
import { appendEntries } from "../register/ledger";
import { listEncumbrancesOfUnit, listRightsOfUnit } from "../register/register.repository";
import type { CertificateRow } from "./certificate.repository";

/**
 * Appends the entry that records `number` in place of `old.number` and returns its seq and receipt:
 * `right.certificate` on the current right a title (不动产权证书) was issued for, or
 * `<kind>.update` with `particulars.certificationNo` on the live restriction a certification
 * (不动产登记证明) proves. Null when the register holds no current record of the old number: a
 * certificate made outside a registration, or one whose right has ended.
 */
export async function recordReplacement(
  tx: Tx,
  old: Pick<CertificateRow, "kind" | "number" | "unit_code">,
  number: string,
  reason: ReplacementReason,
  at: Date,
): Promise<{ seq: number; receipt?: LedgerReceipt | undefined } | null> {
  const draft = await draftFor(tx, old, number, REPLACEMENT_MARKS[reason]);
  if (!draft) return null;
  const { entries, receipt } = await appendEntries(tx, [draft], { now: at });
  return { seq: entries[0]!.seq, receipt };
}

async function draftFor(
  tx: Tx,
  old: Pick<CertificateRow, "kind" | "number" | "unit_code">,
  number: string,
  mark: string,
): Promise<EntryDraft | undefined> {
  const where = { parcel: old.unit_code.slice(0, 19), unit: old.unit_code };
  if (old.kind === "certificate") {
    const right = (await listRightsOfUnit(tx, old.unit_code)).find(
      (r) => r.right.status === "current" && r.right.certificateNo === old.number,
    );
    return right
      ? {
          ...where,
          body: {
            kind: "right.certificate",
            rightSeq: right.right.seq,
            certificateNo: number,
            replaces: old.number,
            reason: mark,
          },
        }
      : undefined;
  }
  const held = (await listEncumbrancesOfUnit(tx, old.unit_code)).find(
    (e) => e.status !== "historic" && e.particulars.certificationNo === old.number,
  );
  return held
    ? {
        ...where,
        body: {
          kind: `${held.kind}.update`,
          encumbranceSeq: held.seq,
          changes: { particulars: { certificationNo: number } },
          reason: `${mark}不动产登记证明 ${number}`,
        },
      }
    : undefined;
}
