import { listInstitutionsOfKind } from "../identity/institution.repository";
import type { CollateralEvent } from "../integrations/bank/bank.notifications";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Tx } from "../platform/db/database";

/**
 * Who to tell when a collateral changes (抵押物变动通知): the registering transaction and the
 * scheduler of time-driven effects both find the unit's mortgagee banks this way.
 */

/** Mortgagee banks by person key (the keyed hash of their credit code). */
export async function banksByKey(tx: Tx, pii: PiiCipher): Promise<Map<string, string>> {
  const banks = (await listInstitutionsOfKind(tx, "bank")).filter((b) => b.credit_code !== null);
  return new Map(banks.map((b) => [pii.lookupHash(b.credit_code!), b.id]));
}

/** The banks among the mortgagees (a mortgagee that is not a bank on the platform is not told). */
export function bankMortgagees(
  mortgageeKeys: readonly string[],
  banks: ReadonlyMap<string, string>,
): CollateralEvent["mortgagees"] {
  return [...new Set(mortgageeKeys)]
    .map((key) => banks.get(key))
    .filter((id): id is string => id !== undefined)
    .map((institutionId) => ({ institutionId, certificationNo: null }));
}
