/**
 * 不动产权证书号 and 不动产登记证明号 — certificate (of title) and certification numbers
 * (DOMAIN-REFERENCE §6): `粤（2025）佛山市不动产权第0001234号`, `粤（2025）佛山市不动产证明第0000567号`.
 * The 7-digit sequence is gapless per registry and year; allocating it is the server's job.
 */
import { provinceAbbreviation, provinceCodeOfAbbreviation } from "../divisions/divisions";
import type { Finding, Result } from "../result";
import { finding, settle } from "./findings";

const BASIS = "不动产登记暂行条例实施细则 第20条";
/** Unified certificates exist since the 条例 took effect on 2015-03-01. */
const FIRST_YEAR = 2015;
/** Mainland province abbreviations, with the alternatives 贵/黔 and 云/滇. */
const MAINLAND = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵黔云滇藏陕甘青宁新";
const PATTERN = new RegExp(`^([${MAINLAND}])（(\\d{4})）(.+?)不动产(权|证明)第(\\d{7})号$`);

/** `certificate` = 不动产权证书 (title); `certification` = 不动产登记证明 (mortgage, easement, 预告, 异议 …). */
export type CertificateKind = "certificate" | "certification";

export type ParsedCertificateNumber = {
  /** Normalised form: full-width brackets, no spaces. */
  number: string;
  kind: CertificateKind;
  provinceAbbreviation: string;
  provinceCode: string;
  year: number;
  /** 市县名 as printed, e.g. `佛山市` or `东莞` (some places drop 市). */
  registry: string;
  sequence: number;
  findings: Finding[];
};

export type CertificateNumberOptions = {
  /** The kind the caller expects; a mismatch blocks (a 证明 number on a title transfer, say). */
  kind?: CertificateKind;
  /** This year; without it the "not in the future" check is skipped (the domain has no clock). */
  currentYear?: number;
};

/**
 * Half-width brackets, spaces and the ideographic space are normalised away before matching, since both
 * bracket styles occur on issued certificates; the parsed `number` always uses full-width brackets.
 */
const normalise = (input: string): string =>
  input
    .replace(/[\s\u3000]+/g, "")
    .replaceAll("(", "（")
    .replaceAll(")", "）");

const block = (code: string, zh: string, en: string): Finding => finding(code, "block", zh, en, BASIS);

export const parseCertificateNumber = (
  input: string,
  options: CertificateNumberOptions = {},
): Result<ParsedCertificateNumber, Finding[]> => {
  const number = normalise(input);
  const match = PATTERN.exec(number);
  if (!match) {
    return {
      ok: false,
      error: [
        block(
          "CERT.FORMAT",
          "证书号应形如 粤（2025）佛山市不动产权第0001234号 或 粤（2025）佛山市不动产证明第0000567号",
          "A certificate number looks like 粤（2025）佛山市不动产权第0001234号 or 粤（2025）佛山市不动产证明第0000567号",
        ),
      ],
    };
  }
  const [, abbreviation, yearText, registry, kindText, sequenceText] = match as unknown as string[];
  const kind: CertificateKind = kindText === "权" ? "certificate" : "certification";
  const year = Number(yearText);
  const sequence = Number(sequenceText);
  const findings: Finding[] = [];
  if (year < FIRST_YEAR || (options.currentYear !== undefined && year > options.currentYear)) {
    findings.push(
      block(
        "CERT.YEAR",
        `年份 ${year} 无效：不动产统一登记证书自 ${FIRST_YEAR} 年起颁发，且不能晚于当年`,
        `Year ${year} is not valid: unified certificates date from ${FIRST_YEAR} and cannot be in the future`,
      ),
    );
  }
  if (sequence === 0) {
    findings.push(block("CERT.SEQUENCE", "证书编号从 0000001 开始", "The sequence starts at 0000001"));
  }
  if (/[（）\d]/.test(registry!)) {
    findings.push(
      block("CERT.REGISTRY", `登记机构名称 ${registry} 无效`, `Registry name ${registry} is not valid`),
    );
  }
  if (options.kind && options.kind !== kind) {
    findings.push(
      block(
        "CERT.KIND",
        options.kind === "certificate"
          ? "此处应为不动产权证书号，而非不动产登记证明号"
          : "此处应为不动产登记证明号，而非不动产权证书号",
        options.kind === "certificate"
          ? "A certificate of title number is expected here, not a certification number"
          : "A certification number is expected here, not a certificate of title number",
      ),
    );
  }
  return settle(findings, () => ({
    number,
    kind,
    provinceAbbreviation: abbreviation!,
    provinceCode: provinceCodeOfAbbreviation(abbreviation!)!,
    year,
    registry: registry!,
    sequence,
  }));
};

/**
 * Builds a number from the registry's province (code or abbreviation), year, printed 市县名 and sequence.
 * Throws on impossible input (a programmer error).
 */
export const formatCertificateNumber = (input: {
  kind: CertificateKind;
  province: string;
  year: number;
  registry: string;
  sequence: number;
}): string => {
  const { kind, province, year, registry, sequence } = input;
  const abbreviation = /^\d/.test(province) ? provinceAbbreviation(province) : province;
  if (abbreviation?.length !== 1 || !MAINLAND.includes(abbreviation))
    throw new RangeError(`unknown province ${province}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) {
    throw new RangeError(`sequence must be 1–9999999, got ${sequence}`);
  }
  if (registry.length === 0) throw new RangeError("registry name is required");
  const label = kind === "certificate" ? "不动产权" : "不动产证明";
  return `${abbreviation}（${year}）${registry}${label}第${String(sequence).padStart(7, "0")}号`;
};
