import {
  type EncumbranceFacts,
  type EntryDraft,
  generateResidentId,
  type HolderFacts,
  type RightFacts,
  requireBusinessType,
  type SealedIdentity,
} from "@yulin/domain";
import { identityOfAccount } from "../../src/cases/case-parties";
import { systemContext } from "../../src/platform/audit/audit";
import { inTransaction } from "../../src/platform/db/database";
import { appendEntries } from "../../src/register/ledger";
import { loginAs, type TestEnv } from "../support/test-services";

/** A one-page PDF: the smallest file the material check accepts. */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes, read by the assertions.
export type Reply = { status: number; body: any };

/** HTTP as a demo account (logged in once per username). */
export function http(env: TestEnv) {
  const cookies = new Map<string, string>();
  const cookie = async (username: string) => {
    let c = cookies.get(username);
    if (!c) {
      c = await loginAs(env.app, username);
      cookies.set(username, c);
    }
    return c;
  };
  const call = async (
    username: string,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<Reply> => {
    const res = await env.app.inject({
      method,
      url,
      headers: { cookie: await cookie(username) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };
  return {
    get: (username: string, url: string) => call(username, "GET", url),
    post: (username: string, url: string, payload: unknown = {}) => call(username, "POST", url, payload),
    put: (username: string, url: string, payload: unknown) => call(username, "PUT", url, payload),
  };
}
export type Http = ReturnType<typeof http>;

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

/** Register factories: units, rights and restrictions written through the register's append. */
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

/** Every material a type lists (the conditional ones too), as uploads; `skip` leaves some out. */
export async function uploadMaterials(
  api: Http,
  username: string,
  caseId: string,
  typeIds: string[],
  skip: string[] = [],
) {
  const ids = new Set<string>();
  for (const typeId of typeIds) for (const m of requireBusinessType(typeId).materials) ids.add(m.id);
  for (const materialId of ids) {
    if (skip.includes(materialId)) continue;
    const r = await api.post(username, `/api/cases/${caseId}/materials`, {
      source: "upload",
      materialId,
      fileName: `${materialId}.pdf`,
      mediaType: "application/pdf",
      contentBase64: PDF,
    });
    if (r.status !== 201) throw new Error(`material ${materialId}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

export const rulesOf = (findings: Array<{ rule: string; severity: string; code: string }>, rule: string) =>
  findings.filter((f) => f.rule === rule);

/** The demo citizens' ID numbers (demo-data.ts generates them the same way). */
export const DEMO_IDS = {
  "citizen.zhang": { name: "张伟", county: "440604", birthDate: "1985-03-12", sequence: 101 },
  "citizen.chen": { name: "陈静", county: "440606", birthDate: "1978-11-30", sequence: 303 },
  "citizen.li": { name: "李娜", county: "440605", birthDate: "1990-07-08", sequence: 202 },
} as const;

/** A demo citizen's name and resident ID number, as the tax declaration carries them. */
export const demoIdentity = (who: keyof typeof DEMO_IDS) => ({
  name: DEMO_IDS[who].name,
  idNumber: generateResidentId({
    county: DEMO_IDS[who].county,
    birthDate: DEMO_IDS[who].birthDate,
    sequence: DEMO_IDS[who].sequence,
  }),
});

/**
 * R22 through the departments: the registering office declares the deed tax (the simulated tax
 * bureau assesses it), one payment order covers tax and fee, the buyer pays through the simulated
 * channel and the tax bureau confirms. Department simulators are driven through the services.
 */
export async function clearTaxAndFees(
  env: TestEnv,
  api: Http,
  input: {
    caseId: string;
    unitCode: string;
    staff: string;
    buyer: keyof typeof DEMO_IDS;
    seller: keyof typeof DEMO_IDS;
    priceFen?: number;
  },
) {
  const idOf = demoIdentity;
  const jurisdiction = input.unitCode.slice(0, 6);
  const declared = await api.post(input.staff, "/api/integrations/tax/declarations", {
    caseRef: input.caseId,
    jurisdiction,
    contractNo: "WQ2026-000888",
    unit: { unitCode: input.unitCode, address: "测试路", areaSqm: 98.5, use: "residential" },
    priceFen: input.priceFen ?? 200_000_000,
    transfer: "sale",
    onDate: new Date().toISOString().slice(0, 10),
    buyerKind: "individual",
    buyers: [idOf(input.buyer)],
    sellers: [idOf(input.seller)],
  });
  if (declared.status !== 202)
    throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
  const integrations = env.services.integrations;
  await integrations.worker.drain();
  const order = await api.post(input.staff, "/api/integrations/payment/orders", {
    caseRef: input.caseId,
    jurisdiction,
    fee: { kind: "transfer", property: "residential", certificates: 1 },
    payers: { mode: "shares", payers: [{ payer: "买方", shareBp: 10_000 }] },
  });
  if (order.status !== 201) throw new Error(`order: ${order.status} ${JSON.stringify(order.body)}`);
  for (const part of order.body.parts as Array<{ partNo: string; payPage: string }>) {
    const token = new URL(part.payPage).searchParams.get("t")!;
    await integrations.payments.openPart(part.partNo, token);
    await integrations.gatewaySimulator!.pay(part.partNo, token);
  }
  await integrations.worker.drain();
  return order.body;
}

/**
 * R22 cleared as the tax bureau would leave it (declaration, assessment, matching confirmation):
 * a factory for tests that are about something else (the race test registers 100 transfers).
 */
export async function givenTaxCleared(env: TestEnv, caseId: string) {
  const db = env.services.db;
  const no = caseId.slice(-10);
  await db
    .insertInto("tax_declarations")
    .values({
      case_ref: caseId,
      jurisdiction: caseId.slice(0, 6),
      declaration_no: `D${no}`,
      payload: "test",
      summary: "{}",
      household_homes: 0,
      household_source: "register",
      status: "cleared",
    })
    .execute();
  await db
    .insertInto("tax_assessments")
    .values({
      assessment_no: `A${no}`,
      case_ref: caseId,
      lines: "[]",
      total_fen: 1_000_000,
      household_homes: 0,
      category: "only-home",
      rate_bp: 100,
    })
    .execute();
  await db
    .insertInto("tax_confirmations")
    .values({
      voucher_no: `V${no}`,
      case_ref: caseId,
      assessment_no: `A${no}`,
      kind: "paid",
      amount_fen: 1_000_000,
      confirmed_at: new Date(),
      source: "test",
    })
    .execute();
}

/**
 * Closes the test environment after the certificate sealing worker has finished what the
 * registrations woke it for: a PDF still being sealed would hold a connection of a database the
 * teardown then drops.
 */
export async function closeEnv(env: TestEnv | undefined): Promise<void> {
  if (!env) return;
  await env.services.certificates.sealing.drain();
  await env.close();
}
