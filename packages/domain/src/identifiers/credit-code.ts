/**
 * 统一社会信用代码 — unified social credit code (GB 32100-2015): registration authority (登记管理部门),
 * organisation type (机构类别), 6-digit division code of the registering office, 9-character
 * organisation code (主体标识码, GB 11714) and a MOD 31 check character. Credit codes are public, so
 * there is no masking function.
 */
import { findCounty, findProvince } from "../divisions/divisions";
import type { Finding, Result } from "../result";
import { finding, settle } from "./findings";

const BASIS = "GB 32100-2015";
/** The 31 characters of GB 32100: digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * 登记管理部门 → 机构类别 (GB 32100-2015 附录 A). DOMAIN-REFERENCE §2.2 verifies 1, 5, 9 and Y;
 * the remaining authorities are from the standard's table as generally published [K].
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<
  Record<string, { name: string; types: Record<string, string> }>
> = {
  "1": {
    name: "机构编制",
    types: { "1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他" },
  },
  "2": { name: "外交", types: { "1": "外国常驻新闻机构", "9": "其他" } },
  "3": {
    name: "司法行政",
    types: {
      "1": "律师执业机构",
      "2": "公证处",
      "3": "基层法律服务所",
      "4": "司法鉴定机构",
      "5": "仲裁委员会",
      "9": "其他",
    },
  },
  "4": { name: "文化", types: { "1": "外国在华文化中心", "9": "其他" } },
  "5": { name: "民政", types: { "1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他" } },
  "6": {
    name: "旅游",
    types: {
      "1": "外国旅游部门常驻代表机构",
      "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
      "9": "其他",
    },
  },
  "7": { name: "宗教", types: { "1": "宗教活动场所", "2": "宗教院校", "9": "其他" } },
  "8": { name: "工会", types: { "1": "基层工会", "9": "其他" } },
  "9": { name: "工商（市场监管）", types: { "1": "企业", "2": "个体工商户", "3": "农民专业合作社" } },
  A: { name: "中央军委改革和编制办公室", types: { "1": "军队事业单位", "9": "其他" } },
  N: {
    name: "农业",
    types: { "1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他" },
  },
  Y: { name: "其他", types: { "1": "其他" } },
};

export type ParsedCreditCode = {
  code: string;
  authority: string;
  authorityName: string;
  type: string;
  typeName: string;
  /** 登记管理机关行政区划码 — where the body was registered. */
  divisionCode: string;
  /** 主体标识码 (组织机构代码, GB 11714), 9 characters including its own check. */
  organisationCode: string;
  findings: Finding[];
};

export type CreditCodeOptions = {
  /** Block (instead of warn) when the inner GB 11714 check of the organisation code fails. */
  strictOrganisationCode?: boolean;
};

const alphabetIndex = (c: string): number => CREDIT_CODE_ALPHABET.indexOf(c);

/** The MOD 31 check character for the first 17 characters. */
export const creditCodeCheckCharacter = (first17: string): string => {
  if (!/^[0-9A-HJ-NP-RT-UW-Y]{17}$/.test(first17))
    throw new RangeError(`expected 17 credit-code characters: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabetIndex(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
};

/** The GB 11714 check character for the 8-character body of an organisation code (A = 10 … Z = 35). */
export const organisationCodeCheckCharacter = (body8: string): string => {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`expected 8 organisation-code characters: ${body8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
};

const isKnownDivision = (code: string): boolean => {
  // 100000 is the code for offices registering at national level (e.g. 中央编办, 国家市场监管总局).
  if (code === "100000") return true;
  if (code.endsWith("0000")) return findProvince(code) !== undefined;
  return findCounty(code) !== undefined || (code.endsWith("00") && findProvince(code) !== undefined);
};

/** Validates and parses a credit code; lowercase input is normalised to capitals. */
export const parseCreditCode = (
  input: string,
  options: CreditCodeOptions = {},
): Result<ParsedCreditCode, Finding[]> => {
  const code = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RT-UW-Y]{18}$/.test(code)) {
    return {
      ok: false,
      error: [
        finding(
          "CREDIT.FORMAT",
          "block",
          "统一社会信用代码应为18位，由数字和大写字母组成（不含 I、O、S、V、Z）",
          "A credit code has 18 digits and capital letters (I, O, S, V and Z are not used)",
          BASIS,
        ),
      ],
    };
  }
  const findings: Finding[] = [];
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) {
    findings.push(
      finding(
        "CREDIT.CHECKSUM",
        "block",
        "统一社会信用代码校验码不正确，请核对是否输错",
        "The check character does not match; the code was probably mistyped",
        `${BASIS} §4 (MOD 31)`,
      ),
    );
  }
  const authority = code[0]!;
  const type = code[1]!;
  const authorityEntry = CREDIT_CODE_AUTHORITIES[authority];
  const typeName = authorityEntry?.types[type];
  if (!authorityEntry || !typeName) {
    findings.push(
      finding(
        "CREDIT.TYPE",
        "block",
        `登记管理部门代码 ${authority} 与机构类别代码 ${type} 的组合无效`,
        `Registration authority ${authority} with organisation type ${type} is not a valid combination`,
        `${BASIS} 附录 A`,
      ),
    );
  }
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) {
    findings.push(
      finding(
        "CREDIT.DIVISION",
        "block",
        `第3–8位 ${divisionCode} 应为6位数字的行政区划代码`,
        `Characters 3–8 (${divisionCode}) must be a 6-digit division code`,
        BASIS,
      ),
    );
  } else if (!isKnownDivision(divisionCode)) {
    // Registering offices keep their code after a division is merged or renamed.
    findings.push(
      finding(
        "CREDIT.DIVISION_UNKNOWN",
        "warn",
        `登记管理机关行政区划码 ${divisionCode} 不在现行行政区划表中`,
        `Division code ${divisionCode} of the registering office is not in the current table`,
        "GB/T 2260",
      ),
    );
  }
  const organisationCode = code.slice(8, 17);
  if (organisationCodeCheckCharacter(organisationCode.slice(0, 8)) !== organisationCode[8]) {
    findings.push(
      finding(
        "CREDIT.ORGANISATION_CODE",
        options.strictOrganisationCode ? "block" : "warn",
        `主体标识码 ${organisationCode} 的校验位不符合 GB 11714`,
        `The organisation code ${organisationCode} fails its GB 11714 check`,
        "GB 11714-1997",
      ),
    );
  }
  return settle(findings, () => ({
    code,
    authority,
    authorityName: authorityEntry?.name ?? "",
    type,
    typeName: typeName ?? "",
    divisionCode,
    organisationCode,
  }));
};

/**
 * A valid credit code for demo and test data. `organisation` is the 8-character body of the
 * organisation code; its GB 11714 check and the outer MOD 31 check are computed. Throws on impossible input.
 */
export const generateCreditCode = (input: {
  authority: string;
  type: string;
  division: string;
  organisation: string;
}): string => {
  const { authority, type, division, organisation } = input;
  if (!CREDIT_CODE_AUTHORITIES[authority]?.types[type]) {
    throw new RangeError(`unknown authority/type ${authority}${type}`);
  }
  if (!/^\d{6}$/.test(division)) throw new RangeError(`division must be 6 digits, got ${division}`);
  if (!/^[0-9A-HJ-NP-RT-UW-Y]{8}$/.test(organisation)) {
    throw new RangeError(`organisation must be 8 credit-code characters, got ${organisation}`);
  }
  const first17 = authority + type + division + organisation + organisationCodeCheckCharacter(organisation);
  return first17 + creditCodeCheckCharacter(first17);
};
