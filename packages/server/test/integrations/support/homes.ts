import type { HolderFacts } from "@yulin/domain";
import { systemContext } from "../../../src/platform/audit/audit";
import { sealIdentity } from "../../../src/register/identity";
import { houseRight } from "../../cases/support";
import type { TestEnv } from "../../support/test-services";

type Person = { name: string; idNumber: string };

let building = 0;

/**
 * Register factories for the household home count: a unit in a new building of the county, held
 * by people who need no account (a spouse, a child), written through the register's append.
 */
export function givenHomes(env: TestEnv) {
  const { pii } = env.services;
  const { cadastre } = env.services.register;
  const ctx = systemContext("test");
  const holdersOf = (people: readonly Person[]): HolderFacts[] =>
    people.map((p) => {
      const sealed = sealIdentity(pii, { name: p.name, holderType: "1", idType: "1", idNumber: p.idNumber });
      if (!sealed.ok) throw new Error(`test identity ${p.name}: ${sealed.error[0]?.message_en}`);
      return { ...sealed.value, share: null };
    });
  /** A unit (房屋用途 `11` 成套住宅 unless `use` says otherwise) registered to `holders`. */
  async function home(county: string, holders: readonly Person[], options: { use?: string } = {}) {
    building += 1;
    await cadastre.addZones(ctx, [{ jurisdiction: county, zone: "009", subzone: "009", name: null }]);
    const parcel = await cadastre.createParcel(ctx, {
      jurisdiction: county,
      zone: "009",
      subzone: "009",
      ownership: "G",
      useRight: "B",
      facts: {
        area: 3000,
        landUse: "0701",
        landUseStandard: "GB/T 21010-2017",
        landGrade: null,
        address: `测试路${building}号`,
        vertical: { kind: "surface", min: null, max: null },
        geometry: null,
      },
    });
    const b = await cadastre.createBuilding(ctx, parcel.parcelCode, {
      name: null,
      address: `测试路${building}号1座`,
      floorsAbove: 10,
      floorsBelow: 0,
      structure: "3",
      completedYear: 2015,
      area: 5000,
      geometry: null,
    });
    const [unit] = await cadastre.createUnits(ctx, parcel.parcelCode, b.buildingNo, [
      {
        floor: 3,
        roomLabel: "301",
        buildingArea: 98.5,
        innerArea: 80.2,
        sharedArea: 18.3,
        use: options.use ?? "11",
        structure: "3",
        address: `测试路${building}号1座301房`,
      },
    ]);
    const unitCode = unit!.unitCode;
    const [entry] = await cadastre.record(ctx, [
      {
        parcel: parcel.parcelCode,
        unit: unitCode,
        body: {
          kind: "right.create",
          right: houseRight({ coOwnership: holders.length > 1 ? "1" : "0" }),
          holders: holdersOf(holders),
          ends: [],
        },
      },
    ]);
    return { unitCode, rightSeq: entry!.seq };
  }

  /** A sale already in the register: the old right becomes history. */
  async function sold(h: { unitCode: string; rightSeq: number }, to: readonly Person[]) {
    await cadastre.record(ctx, [
      {
        parcel: h.unitCode.slice(0, 19),
        unit: h.unitCode,
        body: {
          kind: "right.create",
          right: houseRight({ source: "买卖", coOwnership: to.length > 1 ? "1" : "0" }),
          holders: holdersOf(to),
          ends: [h.rightSeq],
        },
      },
    ]);
  }

  return { home, sold };
}
