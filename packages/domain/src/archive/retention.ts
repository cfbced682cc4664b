/**
 * 电子档案 retention (保管期限) and appraisal (鉴定销毁), after 《不动产登记资料管理办法》 and
 * DA/T 22 ideas: what a registry keeps for ever and what it may destroy after its period.
 */
export const ARCHIVE_CATEGORIES = {
  /** A case that recorded entries in the register (登记簿): kept permanently, never destroyed. */
  register: { zh: "登记档案", en: "Registration file", retention: "permanent" },
  /** A case closed without registration (不予登记, 不予受理, 撤回): 30 years. */
  unregistered: { zh: "未登记案卷", en: "Case closed without registration", retention: "30y" },
  /** A legacy paper file (纸质档案数字化): as its catalogue says, permanent when it is register data. */
  legacy: { zh: "历史纸质档案", en: "Legacy paper file", retention: "permanent" },
  /** Working papers that record nothing in the register (e.g. a query's papers): 10 years. */
  working: { zh: "业务工作档案", en: "Working papers", retention: "10y" },
} as const;
export type ArchiveCategory = keyof typeof ARCHIVE_CATEGORIES;
export type Retention = "permanent" | "30y" | "10y";

export const RETENTION_YEARS: Record<Retention, number | null> = { permanent: null, "30y": 30, "10y": 10 };

/** The category of a case at archiving: anything that recorded register entries is register data. */
export function archiveCategoryOf(input: { recordedEntries: number }): ArchiveCategory {
  return input.recordedEntries > 0 ? "register" : "unregistered";
}

export type DestructionDecision =
  | { allowed: true }
  | { allowed: false; reason_zh: string; reason_en: string };

/**
 * 鉴定销毁: a record may be destroyed only after its retention period (counted from the year after
 * its year), never when permanent, and never when it holds register records whatever its label.
 */
export function mayDestroy(
  record: { category: string; retention: Retention; year: number },
  today: string,
): DestructionDecision {
  if (record.category === "register" || record.category === "legacy")
    return {
      allowed: false,
      reason_zh: "登记簿档案永久保存，不得销毁",
      reason_en: "Register records are kept permanently and are never destroyed",
    };
  const years = RETENTION_YEARS[record.retention];
  if (years === null)
    return {
      allowed: false,
      reason_zh: "永久保管的档案不得销毁",
      reason_en: "Permanent records are never destroyed",
    };
  const endsAfter = record.year + years;
  if (Number(today.slice(0, 4)) <= endsAfter)
    return {
      allowed: false,
      reason_zh: `保管期限至 ${endsAfter} 年底，未满`,
      reason_en: `The retention period runs to the end of ${endsAfter}`,
    };
  return { allowed: true };
}
