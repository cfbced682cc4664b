import type { StaffRole } from "../../api/types";
import type { StaffRow } from "./api/admin.api";

export const STAFF_ROLE_ORDER: readonly StaffRole[] = [
  "acceptor",
  "reviewer",
  "registrar",
  "issuer",
  "archivist",
  "supervisor",
  "admin",
];

export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  disabled: boolean;
};

/** The server lists one row per role held; the page shows one row per account. */
export function groupStaff(rows: readonly StaffRow[]): StaffAccount[] {
  const byId = new Map<string, StaffAccount>();
  for (const r of rows) {
    const account = byId.get(r.id) ?? {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      roles: [],
      disabled: r.disabled,
    };
    account.roles.push(r.role);
    byId.set(r.id, account);
  }
  for (const a of byId.values())
    a.roles.sort((x, y) => STAFF_ROLE_ORDER.indexOf(x) - STAFF_ROLE_ORDER.indexOf(y));
  return [...byId.values()];
}

/** Which file format an imported schedule has, by its name or its first character. */
export const scheduleFormatOf = (fileName: string, text: string): "csv" | "json" =>
  fileName.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(text) ? "json" : "csv";
