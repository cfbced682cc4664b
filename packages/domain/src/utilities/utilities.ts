/**
 * 水电气网视联动过户 ("1+N"): with a registered transfer the buyer may have the property's
 * utility accounts moved into their name. Pure rules: which services exist, which cases may ask,
 * when the choice may change, and what an account number looks like.
 */
export const UTILITY_SERVICES = ["water", "power", "gas", "network", "tv"] as const;
export type UtilityService = (typeof UTILITY_SERVICES)[number];

export const UTILITY_NAMES: Record<UtilityService, { zh: string; en: string }> = {
  water: { zh: "供水", en: "Water" },
  power: { zh: "供电", en: "Power" },
  gas: { zh: "燃气", en: "Gas" },
  network: { zh: "宽带网络", en: "Network" },
  tv: { zh: "有线电视", en: "Cable TV" },
};

/** Where a transfer request stands: chosen, sent to the company, done, or refused by it. */
export const UTILITY_STATUSES = ["chosen", "requested", "done", "rejected"] as const;
export type UtilityStatus = (typeof UTILITY_STATUSES)[number];

/** Only a case with a transfer part (转移登记) moves utility accounts. */
export const isTransferCase = (partTypeIds: readonly string[]): boolean =>
  partTypeIds.some((t) => t.startsWith("transfer."));

/** The choice is the buyer's until 登簿: afterwards the requests are on their way. */
const OPEN_FOR_CHOICE = new Set([
  "draft",
  "submitted",
  "accepted",
  "reviewed",
  "correction",
  "announcing",
  "suspended",
]);
export const utilityChoiceOpen = (stage: string): boolean => OPEN_FOR_CHOICE.has(stage);

/** A company account number (户号): 4–32 letters, digits or hyphens. */
export const isUtilityAccountNo = (value: string): boolean => /^[A-Za-z0-9-]{4,32}$/.test(value);

/** One chosen transfer per service; a service named twice is an error the caller reports. */
export function duplicateServices(choices: ReadonlyArray<{ service: UtilityService }>): UtilityService[] {
  const seen = new Set<UtilityService>();
  const dup = new Set<UtilityService>();
  for (const c of choices) (seen.has(c.service) ? dup : seen).add(c.service);
  return [...dup];
}
