/**
 * Quotas on intent-only queries (查询办法 第21条 queries without proof; Xiaogan's per-account daily
 * limits): each account level has a daily number; the query that exceeds it is refused and the
 * account is blocked for the day and reported to the supervisors.
 */
export const ACCOUNT_LEVELS = ["unverified", "verified", "company", "institution"] as const;
export type AccountLevel = (typeof ACCOUNT_LEVELS)[number];

export const ACCOUNT_LEVEL_NAMES: Record<AccountLevel, { zh: string; en: string }> = {
  unverified: { zh: "未实名账户", en: "Account without real-name check" },
  verified: { zh: "实名个人", en: "Real-name citizen" },
  company: { zh: "企业", en: "Company" },
  institution: { zh: "机构", en: "Institution" },
};

/** Intent-only queries a day, per level (configurable; [?] no national figure). */
export const DEFAULT_INTENT_QUOTAS: Record<AccountLevel, number> = {
  unverified: 0,
  verified: 10,
  company: 30,
  institution: 200,
};

/** The level of an account: citizens with a checked resident ID are "verified". */
export function accountLevel(account: {
  kind: "citizen" | "company" | "institution" | "staff";
  hasIdNumber: boolean;
}): AccountLevel {
  if (account.kind === "institution" || account.kind === "staff") return "institution";
  if (account.kind === "company") return "company";
  return account.hasIdNumber ? "verified" : "unverified";
}

export type QuotaVerdict = { ok: true; remaining: number } | { ok: false; block: boolean; limit: number };

/**
 * Whether one more intent-only query is allowed today. `used` counts today's answered intent-only
 * queries; an account already blocked stays blocked; exceeding the quota blocks it.
 */
export function checkIntentQuota(input: {
  level: AccountLevel;
  used: number;
  blocked: boolean;
  quotas?: Record<AccountLevel, number>;
}): QuotaVerdict {
  const limit = (input.quotas ?? DEFAULT_INTENT_QUOTAS)[input.level];
  if (input.blocked) return { ok: false, block: false, limit };
  if (input.used >= limit) return { ok: false, block: input.level !== "unverified", limit };
  return { ok: true, remaining: limit - input.used - 1 };
}
