import type { Account } from "../../../api/types";
import { type Translate, useT } from "../../../i18n";

/** What the header says about who is logged in: their kind, institution or posts. */
export function describeAccount(account: Account, t: Translate): string {
  switch (account.kind) {
    case "citizen":
    case "company":
      return t(`kind.${account.kind}`);
    case "institution": {
      const kind = account.institutionKind
        ? t(`institutionKind.${account.institutionKind}`)
        : t("kind.institution");
      return account.institutionName ? `${account.institutionName} · ${kind}` : kind;
    }
    case "staff":
      if (account.roles.length === 0) return t("kind.staff");
      return account.roles
        .map((r) =>
          t("role.withJurisdiction", { role: t(`role.${r.role}`), jurisdiction: r.jurisdictionName }),
        )
        .join(t("common.listSeparator"));
  }
}

export function useAccountSummary(account: Account): string {
  return describeAccount(account, useT());
}
