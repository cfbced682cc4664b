/** Register factories: units, rights and restrictions written through the register's append. */
import type { EncumbranceFacts, EntryDraft, HolderFacts, RightFacts, SealedIdentity } from "@yulin/domain";
import { identityOfAccount } from "../../src/cases/case-parties";
import { systemContext } from "../../src/platform/audit/audit";
import { inTransaction } from "../../src/platform/db/database";
import { appendEntries } from "../../src/register/ledger";
import type { TestEnv } from "../support/test-services";

let zoneCounter = 0;

/** A house right (国有建设用地使用权/房屋所有权) as the tests register it. */
export const houseRight = (over: Partial<RightFacts> = {}): RightFacts => ({
  rightType: "4",
  nature: "102",
  use: "0701",
  area: 98.5,
  termStart: "2000-01-01",
  termEnd: "2069-12-31",
  source: "首次登记",
  certificateNo: null,
  coOwnership: "0",
  ...over,
});

/** A square outline (degrees) with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number, side: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lon, lat],
      [lon + side, lat],
      [lon + side, lat + side],
      [lon, lat + side],
      [lon, lat],
    ],
  ],
});

export function given(env: TestEnv) {
  const { db, pii } = env.services;
  const { cadastre } = env.services.register;
  const ctx = systemContext("test");

  const accountId = async (username: string) =>
    (await db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirstOrThrow())
      .id;

  /** The sealed identity of a demo account, as the register keeps holders. */
  const person = async (username: string): Promise<SealedIdentity & { personKey: string }> => {
    const who = await identityOfAccount(db, pii, await accountId(username));
    return {
      personKey: who.personKey,
      name: who.name,
      holderType: who.holderType,
      idType: who.idType,
      idNumberEnc: who.idNumberEnc,
      idNumberHash: who.personKey,
      idNumberMasked: who.idNumberMasked,
    };
  };

  const institutionId = async (username: string) =>
    (
      await db
        .selectFrom("accounts")
        .select("institution_id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow()
    ).institution_id!;

  /** Appends entries at a given moment (a past `at` stands for data registered back then). */
  const record = async (drafts: EntryDraft[], at = new Date()) =>
    inTransaction(db, async (tx) => (await appendEntries(tx, drafts, { now: at })).entries);

  type FlatOptions = {
    county?: string;
    holders?: string[];
    coOwnership?: "0" | "1" | "2";
    shares?: string[];
    rightType?: string;
    landUse?: string;
    use?: string;
    termEnd?: string | null;
    registered?: boolean;
    registeredAt?: Date;
    /** Registers the parcel's land use right (the W unit) to these holders (R3). */
    landHolders?: string[];
    /** The names the register recorded for the holders (an old name before a change). */
    holderNames?: string[];
    /** A surveyed parcel: its CGCS2000 outline (the building gets one inside it). */
    surveyed?: boolean;
  };

  /** A flat (F unit) in a new parcel and building; registered to `holders` unless `registered: false`. */
  async function flat(options: FlatOptions = {}) {
    const county = options.county ?? "440604";
    zoneCounter += 1;
    const zone = String(100 + (zoneCounter % 800)).padStart(3, "0");
    const subzone = String(1 + Math.floor(zoneCounter / 800)).padStart(3, "0");
    await cadastre.addZones(ctx, [{ jurisdiction: county, zone, subzone, name: null }]);
    const parcel = await cadastre.createParcel(ctx, {
      jurisdiction: county,
      zone,
      subzone,
      ownership: "G",
      useRight: "B",
      facts: {
        area: 5000,
        landUse: options.landUse ?? "0701",
        landUseStandard: "GB/T 21010-2017",
        landGrade: null,
        address: `测试市测试路${zoneCounter}号`,
        vertical: { kind: "surface", min: null, max: null },
        geometry: options.surveyed ? square(113.5 + zoneCounter * 0.001, 22.5, 0.0006) : null,
      },
    });
    const building = await cadastre.createBuilding(ctx, parcel.parcelCode, {
      name: options.surveyed ? "1座" : null,
      address: `测试市测试路${zoneCounter}号1座`,
      floorsAbove: 18,
      floorsBelow: 1,
      structure: "3",
      completedYear: 2015,
      area: 12000,
      geometry: options.surveyed ? square(113.5002 + zoneCounter * 0.001, 22.5002, 0.0002) : null,
    });
    const [unit] = await cadastre.createUnits(ctx, parcel.parcelCode, building.buildingNo, [
      {
        floor: 5,
        roomLabel: "501",
        buildingArea: 98.5,
        innerArea: 80.2,
        sharedArea: 18.3,
        use: options.use ?? "11",
        structure: "3",
        address: `测试市测试路${zoneCounter}号1座501房`,
      },
    ]);
    const unitCode = unit!.unitCode;
    if (options.landHolders) {
      const holders: HolderFacts[] = [];
      for (const username of options.landHolders) {
        const { personKey: _k, ...sealed } = await person(username);
        holders.push({ ...sealed, share: null });
      }
      await record([
        {
          parcel: parcel.parcelCode,
          unit: parcel.landUnitCode,
          body: {
            kind: "right.create",
            right: {
              rightType: "3",
              nature: "102",
              use: options.landUse ?? "0701",
              area: 5000,
              termStart: "2000-01-01",
              termEnd: "2069-12-31",
              source: "首次登记",
              certificateNo: null,
              coOwnership: holders.length > 1 ? "1" : "0",
            },
            holders,
            ends: [],
          },
        },
      ]);
    }
    let rightSeq: number | undefined;
    let certificateNo: string | undefined;
    if (options.registered !== false) {
      const holders: HolderFacts[] = [];
      for (const [i, username] of (options.holders ?? ["citizen.zhang"]).entries()) {
        const { personKey: _k, ...sealed } = await person(username);
        holders.push({
          ...sealed,
          name: options.holderNames?.[i] ?? sealed.name,
          share: options.coOwnership === "2" ? (options.shares?.[i] ?? null) : null,
        });
      }
      certificateNo = `粤（2020）佛山市不动产权第${String(10_000_000 + zoneCounter).slice(1)}号`;
      const right = houseRight({
        rightType: options.rightType ?? "4",
        use: options.landUse ?? "0701",
        termEnd: options.termEnd === undefined ? "2069-12-31" : options.termEnd,
        certificateNo,
        coOwnership: options.coOwnership ?? (holders.length > 1 ? "1" : "0"),
      });
      const [entry] = await record(
        [
          {
            parcel: parcel.parcelCode,
            unit: unitCode,
            body: { kind: "right.create", right, holders, ends: [] },
          },
        ],
        options.registeredAt,
      );
      rightSeq = entry!.seq;
    }
    return { unitCode, parcelCode: parcel.parcelCode, rightSeq, certificateNo };
  }

  const encumbrance = async (unitCode: string, facts: EncumbranceFacts, at?: Date) => {
    const [entry] = await record(
      [
        {
          parcel: unitCode.slice(0, 19),
          unit: unitCode,
          body: { kind: `${facts.kind}.create`, encumbrance: facts } as EntryDraft["body"],
        },
      ],
      at,
    );
    return String(entry!.seq);
  };

  const base = {
    obligorName: null,
    documentNo: null,
    startsOn: null,
    endsOn: null,
    amount: null,
    relatedUnitCode: null,
  };

  /** A transfer already in the register (history for R21), to `to`, at `at`. */
  async function transferred(f: { unitCode: string; rightSeq?: number }, to: string, at: Date) {
    const { personKey: _k, ...sealed } = await person(to);
    const [entry] = await record(
      [
        {
          parcel: f.unitCode.slice(0, 19),
          unit: f.unitCode,
          body: {
            kind: "right.create",
            right: houseRight({ source: "买卖" }),
            holders: [{ ...sealed, share: null }],
            ends: [f.rightSeq!],
          },
        },
      ],
      at,
    );
    return entry!.seq;
  }

  return {
    accountId,
    institutionId,
    person,
    flat,
    record,
    transferred,
    async mortgage(
      unitCode: string,
      options: {
        bank?: string;
        amountFen?: number;
        at?: Date;
        transferBan?: boolean;
        method?: "general" | "maximum";
        construction?: boolean;
        mortgagors?: string[];
      } = {},
    ) {
      const { personKey: _k, ...holder } = await person(options.bank ?? "bank.gongshang");
      const mortgagors = await Promise.all((options.mortgagors ?? ["citizen.zhang"]).map(person));
      return encumbrance(
        unitCode,
        {
          ...base,
          kind: "mortgage",
          holder,
          obligorName: mortgagors.map((m) => m.name).join("、"),
          amount: (options.amountFen ?? 100_000_000) / 100,
          startsOn: "2020-01-01",
          endsOn: "2040-01-01",
          particulars: {
            method: options.method ?? "general",
            mortgagorKeys: mortgagors.map((m) => m.personKey).join(","),
            transferBan: options.transferBan ?? false,
            construction: options.construction ?? false,
          },
        },
        options.at,
      );
    },
    async seizure(
      unitCode: string,
      options: {
        court?: string;
        periodStart?: string;
        periodEnd?: string;
        deliveredAt?: string;
        at?: Date;
      } = {},
    ) {
      const { personKey: _k, ...holder } = await person(options.court ?? "court.chancheng");
      return encumbrance(
        unitCode,
        {
          ...base,
          kind: "seizure",
          holder,
          documentNo: "(2026)粤0604执100号",
          startsOn: options.periodStart ?? "2026-01-01",
          endsOn: options.periodEnd ?? "2028-12-31",
          particulars: {
            court: await institutionId(options.court ?? "court.chancheng"),
            deliveredAt: options.deliveredAt ?? "2026-01-01T09:00:00+08:00",
            seizureKind: "seizure",
          },
        },
        options.at,
      );
    },
    async objection(
      unitCode: string,
      options: { by?: string; matter?: string; grounds?: string; at?: Date } = {},
    ) {
      const { personKey: _k, ...holder } = await person(options.by ?? "citizen.li");
      return encumbrance(
        unitCode,
        {
          ...base,
          kind: "objection",
          holder,
          particulars: { matter: options.matter ?? "权属", grounds: options.grounds ?? "出资证明" },
        },
        options.at,
      );
    },
    async advanceNotice(
      unitCode: string,
      options: { holder?: string; registrablePossibleOn?: string; at?: Date } = {},
    ) {
      const { personKey: _k, ...holder } = await person(options.holder ?? "citizen.li");
      return encumbrance(
        unitCode,
        {
          ...base,
          kind: "advance-notice",
          holder,
          particulars: {
            noticeKind: "sale",
            holderKeys: "",
            obligorKeys: "",
            registrablePossibleOn: options.registrablePossibleOn ?? null,
          },
        },
        options.at,
      );
    },
    async habitation(unitCode: string, options: { holder?: string; termEnd?: string; at?: Date } = {}) {
      const { personKey: _k, ...holder } = await person(options.holder ?? "citizen.li");
      return encumbrance(
        unitCode,
        { ...base, kind: "habitation", holder, endsOn: options.termEnd ?? null, particulars: {} },
        options.at,
      );
    },
  };
}
export type Given = ReturnType<typeof given>;
