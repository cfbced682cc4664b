import type { Finding } from "../result";
import { err, ok, type Result } from "../result";
import { type Fen, requireFen } from "./money";

/**
 * 不动产登记费 — registration fee (发改价格规〔2016〕2559号, 财税〔2016〕79号; DOMAIN-REFERENCE §7).
 * The table is a value: each province passes its own (some waive all change fees [?]).
 */
export type FeeTable = {
  /** 住宅 per case (also garages, parking spaces and storerooms with their own certificate). */
  residential: Fen;
  /** 非住宅 per case. */
  nonResidential: Fen;
  /** 工本费 for each certificate after the first; certifications (登记证明) carry none. */
  extraCertificate: Fen;
  /** 小微企业 and 个体工商户 pay nothing (财税〔2019〕; which notice is unconfirmed [?]). */
  smallMicroEnterpriseExempt: boolean;
  /** Local rule waiving every 变更 registration fee (e.g. 重庆, 云南) [?]. */
  waiveChanges: boolean;
};

export const NATIONAL_FEE_TABLE: Readonly<FeeTable> = Object.freeze({
  residential: 8_000,
  nonResidential: 55_000,
  extraCertificate: 1_000,
  smallMicroEnterpriseExempt: true,
  waiveChanges: false,
});

/** The national table with a province's overrides, keyed by its `xx0000` code. */
export type FeeTables = { national: FeeTable; provinces: Readonly<Record<string, Partial<FeeTable>>> };

export function feeTableFor(tables: FeeTables, provinceCode: string): FeeTable {
  return { ...tables.national, ...(tables.provinces[provinceCode] ?? {}) };
}

export const REGISTRATION_KINDS = [
  "first", // 首次
  "transfer", // 转移
  "change", // 变更
  "mortgage", // 抵押
  "easement", // 地役权
  "habitation", // 居住权
  "correction", // 更正
  "objection", // 异议
  "seizure", // 查封
  "cancellation", // 注销
  "advance-notice", // 预告
  "replacement", // 补证/换证
] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

export const PROPERTY_CLASSES = [
  "residential", // 住宅
  "non-residential", // 非住宅 (incl. bare construction land)
  "parking", // 车库/车位/储藏室
  "homestead", // 宅基地 (with or without the house)
  "contracted-land", // 农村承包土地
  "forest", // 林地
  "affordable-housing", // 廉租/公租/经适/棚改安置
] as const;
export type PropertyClass = (typeof PROPERTY_CLASSES)[number];

export type RegistrationFeeInput = {
  kind: RegistrationKind;
  property: PropertyClass;
  /** 不动产权证书 issued by this case (one per co-owner who asks); 0 when only a 登记证明 is issued. */
  certificates: number;
  /** Correction: at a party's request, or fixing the registry's own error (free). */
  initiatedBy?: "party" | "registry";
  /** What a change registration changes. */
  change?: "holder-name-or-id" | "split-or-merge" | "between-spouses" | "address-by-boundary" | "other";
  /** The fee payer is a 小微企业 or 个体工商户. */
  smallMicroEnterprise?: boolean;
  /** 农村集体产权制度改革. */
  collectiveReform?: boolean;
};

export type FeeLine = {
  code: "REGISTRATION_FEE" | "CERTIFICATE_COST";
  label_zh: string;
  label_en: string;
  quantity: number;
  unitAmount: Fen;
  amount: Fen;
};

export type FeeRule = "standard" | "half" | "certificate-only" | "free" | "no-fee" | "local-waiver";

export type RegistrationFee = {
  total: Fen;
  lines: FeeLine[];
  rule: FeeRule;
  reason_zh: string;
  reason_en: string;
  basis: string;
};

const BASIS = "发改价格规〔2016〕2559号；财税〔2016〕79号";

/** Computes the fee shown to the applicant before applying, and charged on the payment order. */
export function calculateRegistrationFee(
  input: RegistrationFeeInput,
  table: FeeTable,
): Result<RegistrationFee, Finding[]> {
  if (!Number.isSafeInteger(input.certificates) || input.certificates < 0 || input.certificates > 1000) {
    return err([
      {
        code: "FEE.BAD_CERTIFICATE_COUNT",
        severity: "block",
        message_zh: "证书份数无效",
        message_en: "The number of certificates is invalid",
      },
    ]);
  }
  for (const [name, value] of Object.entries(table)) {
    if (typeof value === "number") requireFen(value, `fee table ${name}`);
  }
  const certs = input.certificates;
  const result = (rule: FeeRule, zh: string, en: string, lines: FeeLine[]) =>
    ok({
      total: lines.reduce((s, l) => s + l.amount, 0),
      lines,
      rule,
      reason_zh: zh,
      reason_en: en,
      basis: BASIS,
    });
  const fee = (amount: Fen): FeeLine => ({
    code: "REGISTRATION_FEE",
    label_zh: "不动产登记费",
    label_en: "Registration fee",
    quantity: 1,
    unitAmount: amount,
    amount,
  });
  const certificateCost = (quantity: number): FeeLine[] =>
    quantity > 0
      ? [
          {
            code: "CERTIFICATE_COST",
            label_zh: "证书工本费",
            label_en: "Certificate cost",
            quantity,
            unitAmount: table.extraCertificate,
            amount: quantity * table.extraCertificate,
          },
        ]
      : [];
  const extra = Math.max(0, certs - 1);

  // No fee at all.
  if (
    input.kind === "seizure" ||
    input.kind === "cancellation" ||
    input.kind === "advance-notice" ||
    (input.kind === "correction" && input.initiatedBy === "registry")
  ) {
    return result(
      "no-fee",
      "查封、注销、预告登记及登记机构错误导致的更正登记不收费",
      "No fee for seizure, cancellation, advance notice, or correcting the registry's own error",
      [],
    );
  }
  // Free, certificate included.
  const free =
    (input.smallMicroEnterprise === true && table.smallMicroEnterpriseExempt) ||
    (input.property === "parking" && certs === 0) ||
    input.change === "address-by-boundary" ||
    input.property === "contracted-land" ||
    input.property === "forest" ||
    input.property === "affordable-housing" ||
    input.collectiveReform === true;
  if (free) {
    return result(
      "free",
      "免收登记费（含证书工本费）",
      "Exempt from the registration fee and certificate cost",
      [],
    );
  }
  // Certificate cost only.
  if (input.property === "homestead" || input.change === "between-spouses" || input.kind === "replacement") {
    return result(
      "certificate-only",
      "只收取证书工本费",
      "Only the certificate cost is charged",
      certificateCost(Math.max(1, certs)),
    );
  }
  const base =
    input.property === "residential" || input.property === "parking"
      ? table.residential
      : table.nonResidential;
  if (input.kind === "change" && table.waiveChanges) {
    return result(
      "local-waiver",
      "本省免收变更登记费",
      "This province waives change registration fees",
      certificateCost(extra),
    );
  }
  const half =
    ((input.kind === "correction" || input.kind === "objection") && input.initiatedBy !== "registry") ||
    input.change === "holder-name-or-id" ||
    input.change === "split-or-merge";
  if (half) {
    return result(
      "half",
      "减半收取登记费，免收第一本证书工本费",
      "Half fee; the first certificate is included",
      [fee(Math.floor(base / 2)), ...certificateCost(extra)],
    );
  }
  return result(
    "standard",
    input.property === "residential" || input.property === "parking" ? "住宅类登记费" : "非住宅类登记费",
    input.property === "residential" || input.property === "parking"
      ? "Residential registration fee"
      : "Non-residential registration fee",
    [fee(base), ...certificateCost(extra)],
  );
}
