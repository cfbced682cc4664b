/**
 * 公证机构代办: a notary files the registration that its deed supports, together with the deed,
 * in one step. Which registrations, and which material the deed is.
 */
export const NOTARY_FILING_TYPES = ["transfer.inheritance", "transfer.gift"] as const;
export type NotaryFilingType = (typeof NOTARY_FILING_TYPES)[number];

export const NOTARIAL_DEED_MATERIAL = "notarial-deed" as const;

/** A notarial deed number as Chinese notaries print it, e.g. （2026）粤佛禅城证字第1234号. */
export const isNotarialDeedNo = (value: string): boolean =>
  /^[（(]\d{4}[）)].{1,20}证字第\d{1,8}号$/.test(value.trim());
