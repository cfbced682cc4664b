import { isMobilePhone } from "../identifiers/phone";

/** Working days the office has to answer a complaint (信访条例 32: within 60 days; offices promise 15). */
export const COMPLAINT_ANSWER_WORKING_DAYS = 15;

/** A complaint is answered only if it can be: a contact name and a mainland mobile number. */
export function hasContact(contact: { name?: string | null; phone?: string | null } | undefined): boolean {
  const name = contact?.name?.trim() ?? "";
  const phone = contact?.phone?.replace(/\s+/g, "") ?? "";
  return name.length > 0 && isMobilePhone(phone);
}

/**
 * The published text of a complaint or answer (匿名公开): digit runs of 6 or more (ID, phone, account
 * and certificate numbers) become asterisks, and the complainant's name is replaced by 投诉人.
 */
export function anonymise(text: string, contactName: string): string {
  let out = text.replace(/\d{6,}[\dXx]?/g, (run) => "*".repeat(run.length));
  const name = contactName.trim();
  if (name.length > 0) out = out.split(name).join("投诉人");
  return out;
}

/** A tracking number the complainant keeps: office, China day and 8 random base-32 characters. */
export function complaintTrackingNo(office: string, day: string, random: Uint8Array): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const tail = Array.from(random.slice(0, 8), (b) => alphabet[b % 32]).join("");
  return `TS${office}${day.replaceAll("-", "")}${tail}`;
}
