import type { BusinessType, CombinedType, FeeCategory } from "./business-type";
import { CHANGE_TYPES } from "./catalogue/change.catalogue";
import { COMBINED_TYPES } from "./catalogue/combined.catalogue";
import { FIRST_TYPES } from "./catalogue/first.catalogue";
import { MORTGAGE_TYPES, SERVITUDE_TYPES } from "./catalogue/mortgage.catalogue";
import { RESTRICTION_TYPES } from "./catalogue/restriction.catalogue";
import { TRANSFER_TYPES } from "./catalogue/transfer.catalogue";

export { COMBINED_TYPES };

/** 业务类型目录 — every registration type and sub-type the platform handles. */
export const BUSINESS_TYPES: readonly BusinessType[] = [
  ...FIRST_TYPES,
  ...TRANSFER_TYPES,
  ...CHANGE_TYPES,
  ...RESTRICTION_TYPES,
  ...MORTGAGE_TYPES,
  ...SERVITUDE_TYPES,
];

const byId = new Map(BUSINESS_TYPES.map((type) => [type.id, type]));
const combinedById = new Map(COMBINED_TYPES.map((type) => [type.id, type]));

export const findBusinessType = (id: string): BusinessType | undefined => byId.get(id);

/** For ids the caller has already validated against the catalogue: an unknown id is a programmer error. */
export const requireBusinessType = (id: string): BusinessType => {
  const type = byId.get(id);
  if (!type) throw new RangeError(`unknown business type: ${id}`);
  return type;
};

export const findCombinedType = (id: string): CombinedType | undefined => combinedById.get(id);

export const isInstantEligible = (type: BusinessType): boolean => type.instant !== undefined;

/** Resolves `by-use` against the unit: 80 yuan for housing and its land, 550 otherwise. */
export const feeCategoryFor = (
  type: BusinessType,
  unitUse: "residential" | "non-residential",
): FeeCategory => (type.fee === "by-use" ? unitUse : type.fee);

/** Per-office settings the rules and deadlines read; every `[?]` item of the reference lives here. */
export type OfficeSettings = {
  /** County code of the office. */
  code: string;
  /** R25: whether hard-to-get proofs may be replaced by a commitment (告知承诺). */
  allowsCommitments: boolean;
  /** R23: promised limits per business type id, overriding the catalogue default. */
  promisedDays?: Readonly<Record<string, number>>;
  /** R9 [?]: a promoted waiting seizure's period runs from its conversion or from its own notice. */
  waitingSeizurePeriodFrom?: "conversion" | "notice";
  /** R13: mortgages registered before this date need the mortgagee's consent to a transfer. */
  mortgageConsentBefore?: string;
  /** Cases within this many working days of their deadline are listed as due soon. */
  dueSoonWorkingDays?: number;
};

export const DEFAULT_OFFICE_SETTINGS: Required<Omit<OfficeSettings, "code" | "promisedDays">> = {
  allowsCommitments: false,
  waitingSeizurePeriodFrom: "notice",
  // 民法典 took effect on 2021-01-01; before it, 物权法 191 required consent (自然资发〔2021〕54号).
  mortgageConsentBefore: "2021-01-01",
  dueSoonWorkingDays: 2,
};

/** R23: the office's promised limit for a type, never beyond the statutory 30 working days. */
export const promisedDaysFor = (type: BusinessType, office?: OfficeSettings): number =>
  Math.min(office?.promisedDays?.[type.id] ?? type.promisedDays, type.statutoryDays);
