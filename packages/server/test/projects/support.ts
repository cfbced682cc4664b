/** What the project tests share: a developer's parcel, a 楼盘表, 网签 contracts in the simulator. */
import { BUILDING_TABLE_COLUMNS, generateResidentId } from "@yulin/domain";
import { giveSimulatedContract } from "../../src/integrations/housing/housing.connector";
import { systemContext } from "../../src/platform/audit/audit";
import type { Given } from "../cases/support";
import type { TestEnv } from "../support/test-services";

let zones = 0;

/** A surveyed parcel in 南海 (440605); with `landTo`, its land use right registered to that account. */
export async function developerParcel(env: TestEnv, g: Given, landTo?: string) {
  const { cadastre } = env.services.register;
  const ctx = systemContext("test");
  zones += 1;
  const zone = String(900 + zones).padStart(3, "0");
  await cadastre.addZones(ctx, [{ jurisdiction: "440605", zone, subzone: "001", name: null }]);
  const parcel = await cadastre.createParcel(ctx, {
    jurisdiction: "440605",
    zone,
    subzone: "001",
    ownership: "G",
    useRight: "B",
    facts: {
      area: 20000,
      landUse: "0701",
      landUseStandard: "GB/T 21010-2017",
      landGrade: null,
      address: "佛山市南海区鱼鳞路1号",
      vertical: { kind: "surface", min: null, max: null },
      geometry: null,
    },
  });
  if (landTo) await registerLand(g, parcel, landTo);
  return parcel;
}

/** 国有建设用地使用权首次登记 of the parcel's W unit to the account (the register's own append). */
export async function registerLand(
  g: Given,
  parcel: { parcelCode: string; landUnitCode: string },
  to: string,
) {
  const { personKey: _k, ...holder } = await g.person(to);
  await g.record([
    {
      parcel: parcel.parcelCode,
      unit: parcel.landUnitCode,
      body: {
        kind: "right.create",
        right: {
          rightType: "3",
          nature: "102",
          use: "0701",
          area: 20000,
          termStart: "2020-01-01",
          termEnd: "2089-12-31",
          source: "首次登记",
          certificateNo: null,
          coOwnership: "0",
        },
        holders: [{ ...holder, share: null }],
        ends: [],
      },
    },
  ]);
}

/** A 楼盘表 of `count` flats (5 a floor) in building `building`, as CSV. */
export function buildingTable(parcelCode: string, count: number, building = "1"): string {
  const rows = [BUILDING_TABLE_COLUMNS.join(",")];
  for (let i = 0; i < count; i++) {
    const floor = Math.floor(i / 5) + 1;
    const room = `${floor}${String((i % 5) + 1).padStart(2, "0")}`;
    rows.push(
      [
        parcelCode,
        building,
        floor,
        room,
        "98.50",
        "80.20",
        "18.30",
        "11",
        "3",
        `佛山市南海区鱼鳞路1号${building}座${room}房`,
      ].join(","),
    );
  }
  return rows.join("\n");
}

/** A buyer's name and resident ID (valid checksum), distinct per index. */
export const buyer = (i: number) => ({
  name: `买受人${i}`,
  idNumber: generateResidentId({ county: "440605", birthDate: "1990-01-01", sequence: 100 + i }),
});

/** The housing bureau's filed 网签 contract for a unit (the simulator the connector reads). */
export async function contractFor(
  env: TestEnv,
  no: string,
  unitCode: string,
  buyers: Array<{ name: string; idNumber: string }>,
) {
  await giveSimulatedContract(env.services.integrations.simulatorStore, {
    contractNo: no,
    status: "filed",
    unitCode,
    address: "佛山市南海区鱼鳞路1号",
    areaSqm: 98.5,
    use: "residential",
    priceFen: 150_000_000,
    signedAt: "2026-06-01T10:00:00+08:00",
    buyers,
    sellers: [{ name: "佛山鱼鳞置业有限公司", idNumber: "91440605MA4UDE0200" }],
  });
}
