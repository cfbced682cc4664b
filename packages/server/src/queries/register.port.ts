import type { EncumbranceRecord, HolderRecord, RightRecord, UnitRecord } from "@yulin/domain";

/**
 * What queries read of the register (and of the certificates issued from it), wired in
 * entrypoints/setup.ts to the register's and certificates' repositories: queries own no register
 * table and join none.
 */
export type QueryRegisterPort = {
  /** A unit with every right (and its holders) and every restriction, current and historic. */
  unitBook(code: string): Promise<
    | {
        unit: UnitRecord;
        rights: Array<{ right: RightRecord; holders: HolderRecord[] }>;
        encumbrances: EncumbranceRecord[];
      }
    | undefined
  >;
  /** The unit's history as titles (登记历史), for scopes that include it. */
  timeline(unit: UnitRecord): Promise<Array<{ seq: number; at: string; title: string }>>;
  /** The unit a certificate or certification number was issued for. */
  unitOfCertificate(number: string): Promise<string | undefined>;
  /** Units whose address contains the text (at most `limit`). */
  unitsByAddress(text: string, limit: number): Promise<UnitRecord[]>;
  /** Units in which the holder with this lookup hash holds a current right. */
  unitsHeldBy(idHash: string): Promise<string[]>;
};

/** Who the caller is (identity): the name shown in logs, the key as a holder, the account level. */
export type QueryIdentityPort = {
  describe(accountId: string): Promise<
    | {
        displayName: string;
        kind: "citizen" | "company" | "institution" | "staff";
        idNumberHash: string | null;
        creditCode: string | null;
        institutionName: string | null;
        institutionCreditCode: string | null;
      }
    | undefined
  >;
  officeName(code: string): Promise<string | undefined>;
};
