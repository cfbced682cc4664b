/**
 * What the integrity rules read, as the server loads it from the case, certificate, query and tax
 * tables for one office and a time window. Times are ISO strings (UTC); days are China dates.
 */

export type CaseFact = {
  id: string;
  office: string;
  /** The type of each part (one for a single case). */
  typeIds: readonly string[];
  unitCode: string;
  /** 即时办结: registered by the system at submit. */
  instant: boolean;
  createdBy: string;
  acceptedAt: string | null;
  registeredAt: string | null;
};

export type TransitionFact = {
  id: string;
  caseId: string;
  action: string;
  from: string;
  to: string;
  actorId: string | null;
  actorRole: string;
  at: string;
};

/** Everyone a case names (applicants, their agents), keyed by the person's lookup key. */
export type PartyFact = { caseId: string; personKey: string; name: string };

/** A paper certificate form (证书印制号): printed on, or spoiled (作废). */
export type FormFact = {
  id: string;
  serial: string;
  status: "printed" | "spoiled";
  by: string | null;
  at: string;
  certificateId: string;
};

/** The units one account read on one day (query log, answered reads only). */
export type ReadFact = { accountId: string; label: string; day: string; unitCodes: readonly string[] };

/** When the deed tax of a case was confirmed paid or exempt (null: never). */
export type TaxFact = { caseId: string; clearedAt: string | null };

export type OfficeFacts = {
  office: string;
  cases: readonly CaseFact[];
  /** Cases registered on the same units before the window, for the risk rules' look-back (N days). */
  earlierCases: readonly CaseFact[];
  transitions: readonly TransitionFact[];
  parties: readonly PartyFact[];
  forms: readonly FormFact[];
  reads: readonly ReadFact[];
  /** `accountId|unitCode` for each read unit on which the account has a case (as creator or party). */
  readUnitsWithCase: ReadonlySet<string>;
  taxes: readonly TaxFact[];
};
