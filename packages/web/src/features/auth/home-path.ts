import type { Account, AccountKind } from "../../api/types";

export type Area = "hall" | "portal" | "workbench";

const areaOfKind: Readonly<Record<AccountKind, Area>> = {
  citizen: "hall",
  company: "hall",
  institution: "portal",
  staff: "workbench",
};

export function areaOf(account: Pick<Account, "kind">): Area {
  return areaOfKind[account.kind];
}

/** Where an account lands after logging in or opening `/`. */
export function homePathFor(account: Pick<Account, "kind">): string {
  return `/${areaOf(account)}`;
}

/**
 * The page to open after login: the `next` the user was sent away from when it lies in their own
 * area (never another origin or another area), otherwise their home.
 */
export function pathAfterLogin(account: Pick<Account, "kind">, next: string | null): string {
  const home = homePathFor(account);
  if (next && (next === home || next.startsWith(`${home}/`)) && !next.includes("//")) return next;
  return home;
}
