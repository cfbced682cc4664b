import {
  cityJurisdictionPrefix,
  type HouseholdHousingCount,
} from "../integrations/tax/household-housing-count";
import { listCurrentHomesOf } from "./register.repository";

/**
 * 家庭住房套数 from the register: the distinct current residential units in the city whose current
 * right names one of the household's people as a holder. People are matched by the keyed SM3
 * lookup hash of the resident ID number (`right_holders.id_number_hash`, which is the tax side's
 * `personKey`), so the query starts from that index; a home held jointly by two members counts
 * once. The register holds the present as its current rows, so `asOf` is taken to be now.
 */
export function createRegisterHousingCount(): HouseholdHousingCount {
  return {
    async countHomes(db, query) {
      const keys = [...new Set(query.personKeys)];
      const unitCodes =
        keys.length === 0 ? [] : await listCurrentHomesOf(db, keys, cityJurisdictionPrefix(query.cityCode));
      return { count: unitCodes.length, unitCodes, source: "register" };
    },
  };
}
