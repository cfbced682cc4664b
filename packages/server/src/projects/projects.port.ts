import type {
  BuildingFacts,
  EntryContent,
  HolidayCalendar,
  LedgerReceipt,
  PartPlan,
  UnitFacts,
  UnitSlice,
} from "@yulin/domain";
import type { HousingContract } from "../integrations/housing/housing.connector";
import type { RequestContext } from "../platform/audit/audit";
import type { Tx } from "../platform/db/database";
import type { NoticeParty } from "../platform/db/schema";

/**
 * What the projects capability uses of the others, wired in entrypoints/setup.ts: the register
 * (cadastre, unit slices under lock, the ledger append), the certificates (numbers inside the
 * registering transaction), a party's identity, the housing bureau's 网签 contracts and R22.
 */
export type ProjectsPorts = {
  register: {
    findParcel: (parcelCode: string) => Promise<{ parcelCode: string } | undefined>;
    /** Room labels already surveyed in each building of the parcel (building name → rooms). */
    surveyedRooms: (parcelCode: string) => Promise<Map<string, Set<string>>>;
    createBuilding: (
      ctx: RequestContext,
      parcelCode: string,
      facts: BuildingFacts,
    ) => Promise<{ buildingNo: string }>;
    createUnits: (
      ctx: RequestContext,
      parcelCode: string,
      buildingNo: string,
      units: readonly UnitFacts[],
    ) => Promise<Array<{ unitCode: string }>>;
    lockUnits: (tx: Tx, unitCodes: readonly string[]) => Promise<string[]>;
    loadUnitSlice: (tx: Tx, unitCode: string) => Promise<UnitSlice | undefined>;
    append: (
      tx: Tx,
      entries: PartPlan["entries"],
      now: Date,
    ) => Promise<{ entries: EntryContent[]; receipt?: LedgerReceipt }>;
  };
  certificates: {
    prepare: (
      tx: Tx,
      ctx: RequestContext,
      input: {
        office: string;
        registeredOn: string;
        caseId: string;
        registerSeq: number | null;
        content: NonNullable<PartPlan["certificate"]>["content"];
        notes: string[];
        recipients: NonNullable<PartPlan["certificate"]>["recipients"];
        plans: Record<string, never>;
      },
    ) => Promise<{ id: string; number: string; kind: string }>;
    linkEntry: (tx: Tx, certificateId: string, seq: number) => Promise<void>;
    voidOnUnit: (
      tx: Tx,
      ctx: RequestContext,
      input: { reason: "transfer"; caseId: string; unitCode: string; kind: "certificate" },
    ) => Promise<string[]>;
    /** The sealing worker renders the PDFs after commit. */
    wake: () => void;
  };
  /** A platform account as a party (sealed identity, person key, institution). */
  partyOfAccount: (accountId: string) => Promise<SealedParty>;
  /** An institution's or person's platform account by its user name (a bank named on a filing). */
  partyOfUsername: (username: string) => Promise<SealedParty>;
  /** A person named on a contract: the ID validated and sealed (throws ACCOUNT.INVALID_ID_NUMBER). */
  partyOfPerson: (person: { name: string; idNumber: string }) => Promise<SealedParty>;
  fetchContract: (contractNo: string) => Promise<HousingContract | null>;
  /** R22: true when the tax department confirmed the deed tax of this case paid or exempt. */
  taxCleared: (tx: Tx, caseRef: string) => Promise<boolean>;
  calendar: () => Promise<HolidayCalendar>;
};

export type SealedParty = NoticeParty;
