import { z } from "zod";
import { ConnectorError, type SignedClient } from "../shared/http-client";
import type { SimulatorStore } from "../shared/simulator-store.repository";

/** 电子证照库: the licences an applicant need not upload (零材料). */
export const LICENCE_TYPES = [
  "id-card",
  "household-register",
  "marriage-certificate",
  "business-licence",
] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

export const ZLicence = z.object({
  type: z.enum(LICENCE_TYPES),
  licenceNo: z.string(),
  holderName: z.string(),
  /** Resident ID number, or the credit code for a business licence. */
  holderNumber: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  /** The licence's own fields (address, spouse, members …), as the library returns them. */
  fields: z.record(z.string(), z.unknown()),
});
export type Licence = z.infer<typeof ZLicence>;

export type ElicenceConnector = {
  mode: "simulator" | "http";
  fetchLicence(query: {
    type: LicenceType;
    holderNumber: string;
    purpose: string;
    consentRef: string;
  }): Promise<Licence | null>;
};

/** HTTP: POST {base}/licences/query {type, holderNumber, purpose, consentRef} → licence | 404. */
export function createHttpElicenceConnector(client: SignedClient): ElicenceConnector {
  return {
    mode: "http",
    async fetchLicence(query) {
      try {
        return ZLicence.parse(
          await client.post("licences/query", query, `elicence:${query.consentRef}:${query.type}`),
        );
      } catch (error) {
        if (error instanceof ConnectorError && error.status === 404) return null;
        throw error;
      }
    },
  };
}

/** Simulated library: licences in `simulator_records` (elicence/<type>/<holder key>, sealed). */
export function createElicenceSimulator(deps: {
  store: SimulatorStore;
  personKey: (holderNumber: string) => string;
}): ElicenceConnector {
  return {
    mode: "simulator",
    async fetchLicence(query) {
      const record = await deps.store.get("elicence", query.type, deps.personKey(query.holderNumber));
      return record?._personal ? ZLicence.parse(record._personal) : null;
    },
  };
}

export async function giveSimulatedLicence(
  store: SimulatorStore,
  personKey: (holderNumber: string) => string,
  licence: Licence,
): Promise<void> {
  await store.put(
    "elicence",
    licence.type,
    personKey(licence.holderNumber),
    { type: licence.type },
    { personal: licence },
  );
}
