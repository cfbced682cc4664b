/** Mainland mobile numbers: 11 digits starting with 1. Landlines keep their area code. */
export const isMobilePhone = (value: string): boolean => /^1[3-9]\d{9}$/.test(value);

/** `138****5678`: the common masking of phone numbers on Chinese government sites. */
export function maskPhone(value: string): string {
  const v = value.replace(/\s+/g, "");
  if (v.length <= 7) return "*".repeat(v.length);
  return `${v.slice(0, 3)}${"*".repeat(v.length - 7)}${v.slice(-4)}`;
}
