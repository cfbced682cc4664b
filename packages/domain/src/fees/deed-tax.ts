import type { IsoDate } from "../calendar/iso-date";
import { compareIsoDates, isIsoDate } from "../calendar/iso-date";
import { err, type Finding, ok, type Result } from "../result";
import { applyBasisPoints, type Fen, isFen } from "./money";

/**
 * 契税 — deed tax on the buyer (契税法; 财政部 税务总局 住房城乡建设部公告2024年第16号, from
 * 2024-12-01). Rates are basis points; the local statutory rate (3–5 %) is configurable.
 */
export type DeedTaxRules = {
  /** The province's statutory rate (契税法 3), usually 300 bp. */
  localRateBp: number;
  /** 家庭唯一住房: ≤ threshold / above. */
  onlyHomeRateBp: { upTo: number; above: number };
  /** 家庭第二套住房: ≤ threshold / above. */
  secondHomeRateBp: { upTo: number; above: number };
  /** Area threshold in hundredths of a square metre (140 m² = 14 000). */
  thresholdCentiSqm: number;
  /** First day these rules apply. */
  effectiveFrom: IsoDate;
};

export const DEED_TAX_RULES_2024: Readonly<DeedTaxRules> = Object.freeze({
  localRateBp: 300,
  onlyHomeRateBp: { upTo: 100, above: 150 },
  secondHomeRateBp: { upTo: 100, above: 200 },
  thresholdCentiSqm: 14_000,
  effectiveFrom: "2024-12-01",
});

export const DEED_TAX_TRANSFERS = [
  "sale", // 买卖
  "gift", // 赠与
  "inheritance", // 继承 (by statutory heirs: exempt)
  "bequest", // 遗赠 (to someone who is not a statutory heir: taxable)
  "between-spouses", // 夫妻之间变更 (exempt)
] as const;
export type DeedTaxTransfer = (typeof DEED_TAX_TRANSFERS)[number];

export type DeedTaxInput = {
  /** The tax base: transaction price excluding VAT (or the assessed value for gifts), in fen. */
  baseFen: Fen;
  /** Floor area in square metres (two decimals are kept, never used for money). */
  areaSqm: number;
  use: "residential" | "non-residential";
  buyer: "individual" | "organisation";
  transfer: DeedTaxTransfer;
  /** Inheritance: the heir is a statutory heir (法定继承人). */
  statutoryHeir?: boolean;
  /** Homes the buyer's household already owns in this city, before this purchase. */
  householdHomesBefore: number;
  /** Date the tax obligation arises (contract date). */
  onDate: IsoDate;
};

export type DeedTaxCategory = "only-home" | "second-home" | "standard" | "exempt";

export type DeedTaxAssessment = {
  category: DeedTaxCategory;
  rateBp: number;
  baseFen: Fen;
  amountFen: Fen;
  /** Whether the area exceeded the threshold (only meaningful for only/second home). */
  aboveThreshold: boolean;
  reason_zh: string;
  reason_en: string;
  basis: string;
};

const BASIS_2024 = "财政部 税务总局 住房城乡建设部公告2024年第16号";
const BASIS_LAW = "中华人民共和国契税法 第三条";

const block = (code: string, zh: string, en: string): Finding => ({
  code,
  severity: "block",
  message_zh: zh,
  message_en: en,
  basis: BASIS_LAW,
});

export function calculateDeedTax(
  input: DeedTaxInput,
  rules: DeedTaxRules = DEED_TAX_RULES_2024,
): Result<DeedTaxAssessment, Finding[]> {
  const findings: Finding[] = [];
  if (!isFen(input.baseFen)) findings.push(block("TAX.BAD_BASE", "计税依据无效", "The tax base is invalid"));
  if (!(Number.isFinite(input.areaSqm) && input.areaSqm > 0))
    findings.push(block("TAX.BAD_AREA", "面积无效", "The area is invalid"));
  if (!Number.isSafeInteger(input.householdHomesBefore) || input.householdHomesBefore < 0)
    findings.push(block("TAX.BAD_HOME_COUNT", "家庭住房套数无效", "The household home count is invalid"));
  if (!isIsoDate(input.onDate)) findings.push(block("TAX.BAD_DATE", "日期无效", "The date is invalid"));
  else if (compareIsoDates(input.onDate, rules.effectiveFrom) < 0)
    findings.push(
      block(
        "TAX.RULES_NOT_COVERED",
        `${rules.effectiveFrom} 之前的契税按原政策计征，本系统不计算`,
        `Deed tax before ${rules.effectiveFrom} follows the previous rules, which this calculator does not cover`,
      ),
    );
  if (findings.length > 0) return err(findings);

  const done = (
    category: DeedTaxCategory,
    rateBp: number,
    aboveThreshold: boolean,
    zh: string,
    en: string,
    basis: string,
  ) =>
    ok({
      category,
      rateBp,
      baseFen: input.baseFen,
      amountFen: applyBasisPoints(input.baseFen, rateBp),
      aboveThreshold,
      reason_zh: zh,
      reason_en: en,
      basis,
    });

  if (input.transfer === "between-spouses") {
    return done(
      "exempt",
      0,
      false,
      "夫妻之间变更权属免征契税",
      "Exempt: transfer between spouses",
      "财政部 税务总局公告2021年第29号",
    );
  }
  if (input.transfer === "inheritance" && input.statutoryHeir !== false) {
    return done(
      "exempt",
      0,
      false,
      "法定继承人继承免征契税",
      "Exempt: inheritance by a statutory heir",
      "财政部 税务总局公告2021年第29号",
    );
  }
  const above = Math.round(input.areaSqm * 100) > rules.thresholdCentiSqm;
  const preferential =
    input.transfer === "sale" && input.buyer === "individual" && input.use === "residential";
  if (preferential && input.householdHomesBefore === 0) {
    return done(
      "only-home",
      above ? rules.onlyHomeRateBp.above : rules.onlyHomeRateBp.upTo,
      above,
      above ? "家庭唯一住房，面积140平方米以上" : "家庭唯一住房，面积140平方米及以下",
      above ? "Household's only home, above 140 m²" : "Household's only home, 140 m² or less",
      BASIS_2024,
    );
  }
  if (preferential && input.householdHomesBefore === 1) {
    return done(
      "second-home",
      above ? rules.secondHomeRateBp.above : rules.secondHomeRateBp.upTo,
      above,
      above ? "家庭第二套住房，面积140平方米以上" : "家庭第二套住房，面积140平方米及以下",
      above ? "Household's second home, above 140 m²" : "Household's second home, 140 m² or less",
      BASIS_2024,
    );
  }
  return done(
    "standard",
    rules.localRateBp,
    above,
    "按当地适用税率计征",
    "Charged at the local statutory rate",
    BASIS_LAW,
  );
}
