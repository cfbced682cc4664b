import type { Database, Tx } from "../../platform/db/database";
import type { SimulatorStore } from "../shared/simulator-store";

/**
 * 家庭住房套数 — the port through which the tax declaration learns how many homes the buyer's
 * household (buyer, spouse, minor children) already holds in the city. The register implements
 * it from its current holders once it exists (people are matched by the same SM3 lookup hash of
 * the resident ID number that accounts use); until then the simulated provider below answers.
 */
export type HouseholdHousingCount = {
  countHomes(
    db: Database | Tx,
    query: { personKeys: readonly string[]; cityCode: string; asOf: Date },
  ): Promise<{ count: number; unitCodes: string[]; source: string }>;
};

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
