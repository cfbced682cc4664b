import type { Database, Tx } from "../../platform/db/database";
import type { SimulatorStore } from "../shared/simulator-store.repository";

/**
 * 家庭住房套数 — the port through which the tax declaration learns how many homes the buyer's
 * household (buyer, spouse, minor children) already holds in the city. The register implements
 * it from its current holders (register/household-housing-count.ts; people are matched by the
 * same keyed SM3 lookup hash of the resident ID number that accounts and holders carry); the
 * simulated provider below stays for tests about the port itself.
 */
export type HouseholdHousingCount = {
  countHomes(
    db: Database | Tx,
    query: { personKeys: readonly string[]; cityCode: string; asOf: Date },
  ): Promise<{ count: number; unitCodes: string[]; source: string }>;
};

/** 直辖市 — a municipality is one city although GB/T 2260 splits it into 市辖区 (01) and 县 (02). */
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

/**
 * The city whose homes count for a purchase in county `countyCode` (GB/T 2260), as the 6-digit code
 * the port is asked with: the prefecture (`440604` → `440600`), the municipality (`500229` →
 * `500000`), or the county itself where the province administers it directly (省直辖县级市, prefecture
 * digits 90: `429004` 仙桃 is a city of its own).
 */
export function housingCityOf(countyCode: string): string {
  const province = countyCode.slice(0, 2);
  if (MUNICIPALITIES.has(province)) return `${province}0000`;
  if (countyCode.slice(2, 4) === "90") return countyCode;
  return `${countyCode.slice(0, 4)}00`;
}

/** The jurisdiction-code prefix of the units in a city given as `housingCityOf` returns it. */
export function cityJurisdictionPrefix(cityCode: string): string {
  if (!/^\d{6}$/.test(cityCode)) throw new Error(`not a 6-digit city code: ${cityCode}`);
  if (cityCode.endsWith("0000")) return cityCode.slice(0, 2);
  if (cityCode.endsWith("00")) return cityCode.slice(0, 4);
  return cityCode;
}

/**
 * Simulated register: `simulator_records` of department `register`, kind `homes`, key
 * `<city>:<person key>`, data `{unitCodes: [...]}`. A home held jointly by two members counts once.
 */
export function createSimulatedHousingCount(store: SimulatorStore): HouseholdHousingCount {
  return {
    async countHomes(db, query) {
      const units = new Set<string>();
      for (const key of query.personKeys) {
        const record = await store.get<{ unitCodes?: string[] }>(
          "register",
          "homes",
          `${query.cityCode}:${key}`,
          db,
        );
        for (const u of record?.unitCodes ?? []) units.add(u);
      }
      return { count: units.size, unitCodes: [...units].sort(), source: "simulated-register" };
    },
  };
}

/** Records homes for the simulated register (tests and the demo). */
export async function giveSimulatedHomes(
  store: SimulatorStore,
  cityCode: string,
  personKey: string,
  unitCodes: string[],
): Promise<void> {
  await store.put("register", "homes", `${cityCode}:${personKey}`, { unitCodes });
}
