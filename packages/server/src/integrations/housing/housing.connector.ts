import { z } from "zod";
import { ConnectorError, type SignedClient } from "../shared/http-client";
import type { SimulatorStore } from "../shared/simulator-store.repository";

/** 网签合同 — the online-signed sale contract as the housing bureau (住建) holds it. */
export const ZHousingContract = z.object({
  contractNo: z.string(),
  status: z.enum(["signed", "filed", "cancelled"]),
  unitCode: z.string().nullable(),
  address: z.string(),
  areaSqm: z.number().positive(),
  use: z.enum(["residential", "non-residential"]),
  priceFen: z.number().int().nonnegative(),
  signedAt: z.string(),
  buyers: z.array(z.object({ name: z.string(), idNumber: z.string() })),
  sellers: z.array(z.object({ name: z.string(), idNumber: z.string() })),
});
export type HousingContract = z.infer<typeof ZHousingContract>;

/** 购房资格 — whether a buyer may buy in the city (purchase restrictions). */
export const ZEligibility = z.object({
  eligible: z.boolean(),
  reason_zh: z.string(),
  reason_en: z.string(),
  checkedAt: z.string(),
});
export type Eligibility = z.infer<typeof ZEligibility>;

export type HousingConnector = {
  mode: "simulator" | "http";
  fetchContract(contractNo: string): Promise<HousingContract | null>;
  checkEligibility(query: { name: string; idNumber: string; cityCode: string }): Promise<Eligibility>;
};

/** HTTP: GET {base}/contracts/{no} (404 = none); POST {base}/eligibility. */
export function createHttpHousingConnector(client: SignedClient): HousingConnector {
  return {
    mode: "http",
    async fetchContract(contractNo) {
      try {
        return ZHousingContract.parse(await client.get(`contracts/${encodeURIComponent(contractNo)}`));
      } catch (error) {
        if (error instanceof ConnectorError && error.status === 404) return null;
        throw error;
      }
    },
    async checkEligibility(query) {
      const key = `housing.eligibility:${query.cityCode}:${Date.now()}`;
      return ZEligibility.parse(await client.post("eligibility", query, key));
    },
  };
}

/**
 * Simulated housing bureau: contracts in `simulator_records` (housing/contract/<no>, parties
 * sealed); purchase restrictions per person key (housing/restricted/<city>:<person key>).
 */
export function createHousingSimulator(deps: {
  store: SimulatorStore;
  personKey: (idNumber: string) => string;
  now: () => Date;
}): HousingConnector {
  return {
    mode: "simulator",
    async fetchContract(contractNo) {
      const record = await deps.store.get<Omit<HousingContract, "buyers" | "sellers">>(
        "housing",
        "contract",
        contractNo,
      );
      if (!record) return null;
      const { _personal, ...rest } = record;
      return ZHousingContract.parse({ ...rest, ...(_personal ?? {}) });
    },
    async checkEligibility(query) {
      const restricted = await deps.store.get<{ reason_zh: string; reason_en: string }>(
        "housing",
        "restricted",
        `${query.cityCode}:${deps.personKey(query.idNumber)}`,
      );
      return restricted
        ? {
            eligible: false,
            reason_zh: restricted.reason_zh,
            reason_en: restricted.reason_en,
            checkedAt: deps.now().toISOString(),
          }
        : {
            eligible: true,
            reason_zh: "符合购房条件",
            reason_en: "Eligible to buy",
            checkedAt: deps.now().toISOString(),
          };
    },
  };
}

/** Records a contract in the simulated bureau (tests and the demo). */
export async function giveSimulatedContract(store: SimulatorStore, contract: HousingContract): Promise<void> {
  const { buyers, sellers, ...rest } = contract;
  await store.put("housing", "contract", contract.contractNo, rest, { personal: { buyers, sellers } });
}
