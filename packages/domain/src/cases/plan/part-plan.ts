/**
 * What registering one part of a case writes: the register entries, the certificate or
 * certification it yields, and the banks to tell. The catalogue names entries `<thing>.<verb>`
 * (CaseEntryKind); the register records rights by `right.create` / `right.end` /
 * `right.certificate` and restrictions by `<kind>.create` / `<kind>.cancel` / `<kind>.update`.
 */
import type { IsoDate } from "../../calendar/iso-date";
import type {
  CertificationFields,
  ReplacementReason,
  TitleFields,
} from "../../certificates/certificate.content";
import type { EntryBody, EntryContent } from "../../register/register.types";

/** The entry bodies a case part may write (cadastral creation and migration are the import's). */
export type PlannedBody = Exclude<
  EntryBody,
  { kind: "migrated" | "parcel.create" | "building.create" | "unit.create" }
>;

export type PlannedEntry = { parcel: string; unit: string; body: PlannedBody };

export type BankEvent = {
  event:
    | "mortgage-registered"
    | "mortgage-changed"
    | "mortgage-cancelled"
    | "collateral-seized"
    | "collateral-objection"
    | "collateral-transferred";
  /** Person keys of the mortgagees to tell (resolved to bank institutions by the server). */
  mortgageeKeys: string[];
  details: Record<string, unknown>;
};

export type CertificateRecipient = {
  role: "holder" | "mortgagee";
  accountId?: string | null;
  institutionId?: string | null;
};

export type PartPlan = {
  entries: PlannedEntry[];
  /** The certificate (不动产权证书) or certification (不动产登记证明) the part yields. */
  certificate?: {
    content:
      | { kind: "certificate"; title: TitleFields }
      | { kind: "certification"; certification: CertificationFields };
    recipients: CertificateRecipient[];
    /** The entry whose number slot the certificate number fills, and whose seq the certificate links. */
    entryIndex: number;
  };
  /**
   * 补发/换发: the certificate replaces the right's current one (`replaces`, its number in the
   * register). Registering first asks the certificates capability to replace the e-certificate of
   * that number; `entries` and `certificate` apply only when there is none (a paper certificate).
   */
  replacement?: { reason: ReplacementReason; replaces: string | null };
  /** A transfer, change, correction or cancellation voids the unit's current certificate (R26). */
  voidsCertificate?: "transfer" | "change" | "correction" | "cancellation";
  /** Deed tax was cleared for this part (R22): tell the tax department after registering. */
  taxed: boolean;
  banks: BankEvent[];
};

/** What a plan is made against besides the part and the unit: the case and the registering day. */
export type PlanContext = { caseId: string; today: IsoDate };

/** The ledger content of planned entries from `firstSeq` on, recorded at `at` (ISO date-time). */
export const entryContents = (
  entries: readonly PlannedEntry[],
  at: string,
  firstSeq: number,
): EntryContent[] =>
  entries.map((e, i) => ({
    seq: firstSeq + i,
    jurisdiction: e.parcel.slice(0, 6),
    parcel: e.parcel,
    unit: e.unit,
    at,
    body: e.body,
  }));

/** Puts the allocated certificate number into the entry it belongs to. */
export function withCertificateNumber(entry: PlannedEntry, number: string): PlannedEntry {
  const body = entry.body;
  if (body.kind === "right.create")
    return { ...entry, body: { ...body, right: { ...body.right, certificateNo: number } } };
  if (body.kind === "right.certificate") return { ...entry, body: { ...body, certificateNo: number } };
  if ("encumbrance" in body)
    return {
      ...entry,
      body: {
        ...body,
        encumbrance: {
          ...body.encumbrance,
          particulars: { ...body.encumbrance.particulars, certificationNo: number },
        },
      },
    };
  return entry;
}
