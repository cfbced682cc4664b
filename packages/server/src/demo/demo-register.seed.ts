import {
  type EncumbranceFacts,
  type EntryDraft,
  generateCreditCode,
  generateResidentId,
  type HolderFacts,
  type Polygon,
  type RightFacts,
  type SealedIdentity,
} from "@yulin/domain";
import { systemContext } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type PlainIdentity, sealIdentity } from "../register/identity";
import type { RegisterModule } from "../register/register.module";
import { DEMO_CITIZENS, DEMO_INSTITUTIONS } from "./demo-data";

/**
 * A small register for the demo offices, written through the ledger like any other change: two
 * estates in 禅城区 (one layered over an underground car park: a 3D parcel), a house in 北林区;
 * the demo citizens hold units (linked to their accounts by their ID numbers' lookup hash), with
 * a transfer in the history, a mortgage to the demo bank, and a seizure with a waiting one.
 */
export type DemoRegisterServices = { pii: PiiCipher; register: Pick<RegisterModule, "cadastre" | "ledger"> };

export async function seedDemoRegister(services: DemoRegisterServices): Promise<void> {
  const { cadastre, ledger } = services.register;
  const ctx = systemContext("demo-seed");
  const seal = (who: PlainIdentity): SealedIdentity => {
    const sealed = sealIdentity(services.pii, who);
    if (!sealed.ok) throw new Error(`demo identity ${who.name}: ${sealed.error[0]?.message_en}`);
    return sealed.value;
  };
  const citizen = (username: string, share: string | null = null): HolderFacts => {
    const c = DEMO_CITIZENS.find((x) => x.username === username)!;
    return {
      ...seal({
        name: c.displayName,
        holderType: "1",
        idType: "1",
        idNumber: generateResidentId({ county: c.county, birthDate: c.birthDate, sequence: c.sequence }),
      }),
      share,
    };
  };
  const institution = (username: string): SealedIdentity => {
    const i = DEMO_INSTITUTIONS.find((x) => x.username === username)!;
    const organ = i.kind === "court" || i.kind === "tax" || i.kind === "housing";
    const code = generateCreditCode({
      authority: organ ? "1" : "9",
      type: "1",
      division: i.division,
      organisation: i.organisation,
    });
    return seal({ name: i.name, holderType: organ ? "4" : "2", idType: "8", idNumber: code });
  };
  const rect = (x: number, y: number, w = 0.0025, h = 0.002): Polygon => ({
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x + w, y],
        [x + w, y + h],
        [x, y + h],
        [x, y],
      ],
    ],
  });

  await cadastre.addZones(ctx, [
    { jurisdiction: "440604", zone: "001", subzone: "002", name: "祖庙街道 · 岭南社区" },
    { jurisdiction: "440604", zone: "002", subzone: "001", name: "张槎街道 · 大富社区" },
    { jurisdiction: "231202", zone: "001", subzone: "001", name: "北林区 · 爱路街道" },
  ]);

  // 禅城区: 岭南花园 on the surface down to −10 m, with a car park below it (地下, feature GX).
  const garden = await cadastre.createParcel(ctx, {
    jurisdiction: "440604",
    zone: "001",
    subzone: "002",
    ownership: "G",
    useRight: "B",
    facts: {
      area: 18650.5,
      landUse: "0701",
      landUseStandard: "GB/T 21010-2017",
      landGrade: "2",
      address: "佛山市禅城区岭南大道88号岭南花园",
      vertical: { kind: "surface", min: -10, max: null },
      geometry: rect(113.1201, 23.0201),
    },
  });
  const carPark = await cadastre.createParcel(ctx, {
    jurisdiction: "440604",
    zone: "001",
    subzone: "002",
    ownership: "G",
    useRight: "X",
    facts: {
      area: 12000,
      landUse: "0809",
      landUseStandard: "GB/T 21010-2017",
      landGrade: null,
      address: "佛山市禅城区岭南大道88号岭南花园地下车库",
      vertical: { kind: "below", min: null, max: -10 },
      geometry: rect(113.1201, 23.0201),
    },
  });
  const plaza = await cadastre.createParcel(ctx, {
    jurisdiction: "440604",
    zone: "002",
    subzone: "001",
    ownership: "G",
    useRight: "B",
    facts: {
      area: 6400,
      landUse: "0501",
      landUseStandard: "GB/T 21010-2017",
      landGrade: "1",
      address: "佛山市禅城区季华五路22号",
      vertical: { kind: "surface", min: null, max: null },
      geometry: rect(113.1121, 23.0101, 0.0012, 0.001),
    },
  });
  const beilin = await cadastre.createParcel(ctx, {
    jurisdiction: "231202",
    zone: "001",
    subzone: "001",
    ownership: "G",
    useRight: "B",
    facts: {
      area: 9800,
      landUse: "0701",
      landUseStandard: "GB/T 21010-2017",
      landGrade: "3",
      address: "绥化市北林区中直路168号",
      vertical: { kind: "surface", min: null, max: null },
      geometry: rect(126.9801, 46.6301),
    },
  });

  const tower = async (
    parcelCode: string,
    name: string,
    address: string,
    floors: number,
    perFloor: number,
  ) => {
    const b = await cadastre.createBuilding(ctx, parcelCode, {
      name,
      address,
      floorsAbove: floors,
      floorsBelow: 1,
      structure: "3",
      completedYear: 2012,
      area: floors * perFloor * 96,
      geometry: null,
    });
    const units = [];
    for (let floor = 1; floor <= floors; floor++)
      for (let k = 1; k <= perFloor; k++) {
        const label = `${floor}${String(k).padStart(2, "0")}`;
        const area = 86.5 + k * 12.25;
        units.push({
          floor,
          roomLabel: label,
          buildingArea: area,
          innerArea: Math.round(area * 82) / 100,
          sharedArea: Math.round(area * 18) / 100,
          use: floor === 1 ? "31" : "11",
          structure: "3",
          address: `${address}${label}房`,
        });
      }
    return (await cadastre.createUnits(ctx, parcelCode, b.buildingNo, units)).map((u) => u.unitCode);
  };
  const gardenA = await tower(garden.parcelCode, "1座", "佛山市禅城区岭南大道88号岭南花园1座", 6, 4);
  const gardenB = await tower(garden.parcelCode, "2座", "佛山市禅城区岭南大道88号岭南花园2座", 4, 2);
  const plazaUnits = await tower(plaza.parcelCode, "季华商务中心", "佛山市禅城区季华五路22号", 3, 2);
  const beilinUnits = await tower(beilin.parcelCode, "1号楼", "绥化市北林区中直路168号1号楼", 5, 2);

  const developer = institution("developer.yulin");
  const right = (
    rightType: string,
    source: string,
    coOwnership: RightFacts["coOwnership"],
    area: number | null,
    certificateNo: string | null = null,
  ): RightFacts => ({
    rightType,
    nature: "102",
    use: rightType === "3" ? "城镇住宅用地" : "住宅",
    area,
    termStart: "2008-07-01",
    termEnd: "2078-06-30",
    source,
    certificateNo,
    coOwnership,
  });
  // The paper certificates the houses' first registrations issued in 2019 (migrated with the register).
  let issued = 0;
  const certificateOf = (unit: string) => {
    issued += 1;
    const [province, registry] = unit.startsWith("2312") ? ["黑", "绥化市"] : ["粤", "佛山市"];
    return `${province}（2019）${registry}不动产权第${String(issued + 12_000).padStart(7, "0")}号`;
  };
  const landRight = (parcelCode: string, holder: SealedIdentity): EntryDraft => ({
    parcel: parcelCode,
    unit: `${parcelCode}W00000000`,
    body: {
      kind: "right.create",
      right: right("3", "出让", "0", null),
      holders: [{ ...holder, share: null }],
      ends: [],
    },
  });
  const first = (
    unit: string,
    holders: HolderFacts[],
    coOwnership: RightFacts["coOwnership"] = "0",
  ): EntryDraft => ({
    parcel: unit.slice(0, 19),
    unit,
    body: {
      kind: "right.create",
      right: right("4", "首次登记", coOwnership, 98.75, certificateOf(unit)),
      holders,
      ends: [],
    },
  });
  // Land supply first (出让), then the houses' first registrations.
  await cadastre.record(ctx, [
    landRight(garden.parcelCode, developer),
    landRight(carPark.parcelCode, developer),
    landRight(plaza.parcelCode, developer),
    landRight(beilin.parcelCode, developer),
  ]);
  const [zhangHome, liChenHome, soldHome, seizedHome] = [gardenA[5]!, gardenA[9]!, gardenA[13]!, gardenB[3]!];
  const entries = await cadastre.record(ctx, [
    first(zhangHome, [citizen("citizen.zhang")]),
    first(liChenHome, [citizen("citizen.li", "1/2"), citizen("citizen.chen", "1/2")], "2"),
    first(soldHome, [citizen("citizen.chen")]),
    first(seizedHome, [citizen("citizen.liu"), citizen("citizen.li")], "1"),
    first(plazaUnits[0]!, [citizen("citizen.zhang")]),
    first(beilinUnits[2]!, [citizen("citizen.wang")]),
  ]);
  const soldRight = entries[2]!.seq;
  const bank = institution("bank.gongshang");
  const court = institution("court.chancheng");
  const mortgage = (unit: string, amount: number, obligor: string): EntryDraft => ({
    parcel: unit.slice(0, 19),
    unit,
    body: {
      kind: "mortgage.create",
      encumbrance: {
        kind: "mortgage",
        holder: bank,
        obligorName: obligor,
        documentNo: `GSDY-2026-${unit.slice(-4)}`,
        startsOn: "2026-03-01",
        endsOn: "2046-02-28",
        amount,
        relatedUnitCode: null,
        particulars: { mortgageType: "general" },
      } satisfies EncumbranceFacts,
    },
  });
  const seizure = (unit: string, documentNo: string, courtName: SealedIdentity): EntryDraft => ({
    parcel: unit.slice(0, 19),
    unit,
    body: {
      kind: "seizure.create",
      encumbrance: {
        kind: "seizure",
        holder: courtName,
        obligorName: "刘洋",
        documentNo,
        startsOn: "2026-09-01",
        endsOn: "2029-08-31",
        amount: null,
        relatedUnitCode: null,
        particulars: { court: courtName.name },
      },
    },
  });
  await cadastre.record(ctx, [
    // A transfer: 陈静 sold to 张伟 (the old right becomes history).
    {
      parcel: soldHome.slice(0, 19),
      unit: soldHome,
      body: {
        kind: "right.create",
        right: right("4", "买卖", "0", 98.75),
        holders: [citizen("citizen.zhang")],
        ends: [soldRight],
      },
    },
    mortgage(zhangHome, 1_200_000, "张伟"),
    mortgage(soldHome, 800_000, "张伟"),
    seizure(seizedHome, "（2026）粤0604执保1234号", court),
    seizure(
      seizedHome,
      "（2026）粤0605执保88号",
      seal({ name: "佛山市南海区人民法院", holderType: "4", idType: "99", idNumber: null }),
    ),
  ]);
  await ledger.signCurrentHead();
}
