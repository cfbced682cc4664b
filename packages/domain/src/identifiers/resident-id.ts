/**
 * 公民身份号码 — resident identity number (GB 11643-1999): 6-digit address code (GB/T 2260),
 * birth date YYYYMMDD, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 */
import { compareIsoDates, type IsoDate, isIsoDate } from "../calendar/iso-date";
import { type County, findCounty, isKnownProvinceCode } from "../divisions/divisions";
import type { Finding, Result } from "../result";
import { finding, settle } from "./findings";

const BASIS = "GB 11643-1999";
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = "10X98765432";
/** 港澳台居民居住证 — residence permits for Hong Kong, Macau and Taiwan residents use these address codes. */
const RESIDENCE_PERMIT_CODES = new Set(["810000", "820000", "830000"]);

export type ParsedResidentId = {
  /** The normalised 18-character number: uppercase `X`, 15-digit legacy numbers upgraded. */
  id: string;
  addressCode: string;
  provinceCode: string;
  /** The county of the address code, if it is still in the current division table. */
  county: County | undefined;
  birthDate: IsoDate;
  sequence: string;
  sex: "male" | "female";
  /** `hk-mo-tw-resident`: a 港澳台居民居住证 (address code 810000 / 820000 / 830000). */
  holder: "resident" | "hk-mo-tw-resident";
  /** True when the input was a 15-digit first-generation number. */
  legacy15: boolean;
  /** Non-blocking findings (unknown county, legacy number, unusual birth year). */
  findings: Finding[];
};

export type ResidentIdOptions = {
  /** Today's date; without it the "not in the future" check is skipped (the domain has no clock). */
  today?: IsoDate;
};

/** The MOD 11-2 check character for the first 17 digits. */
export const residentIdCheckCharacter = (first17: string): string => {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
};

const formatError = finding(
  "ID.FORMAT",
  "block",
  "身份证号码应为18位（前17位为数字，末位为数字或X）或15位数字",
  "A resident ID has 18 characters (17 digits and a digit or X) or, for old cards, 15 digits",
  BASIS,
);

/**
 * Validates and parses a resident ID. Lowercase `x` and 15-digit legacy numbers are normalised.
 * The address code need not be current (old codes stay valid on issued cards), so an unknown county
 * is only a warning; an unknown province blocks.
 */
export const parseResidentId = (
  input: string,
  options: ResidentIdOptions = {},
): Result<ParsedResidentId, Finding[]> => {
  const raw = input.trim().toUpperCase();
  const findings: Finding[] = [];
  let id: string;
  const legacy15 = /^\d{15}$/.test(raw);
  if (legacy15) {
    // First-generation cards have a 2-digit year (all 19xx) and no check character.
    const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
    id = first17 + residentIdCheckCharacter(first17);
    findings.push(
      finding(
        "ID.LEGACY_15",
        "info",
        `15位旧身份证号码已升级为 ${id}`,
        `15-digit legacy number upgraded to ${id}`,
        BASIS,
      ),
    );
  } else if (/^\d{17}[\dX]$/.test(raw)) {
    id = raw;
    if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) {
      findings.push(
        finding(
          "ID.CHECKSUM",
          "block",
          "身份证号码校验码不正确，请核对是否输错",
          "The check character does not match; the number was probably mistyped",
          `${BASIS} §5 (ISO 7064 MOD 11-2)`,
        ),
      );
    }
  } else {
    return { ok: false, error: [formatError] };
  }

  const addressCode = id.slice(0, 6);
  const provinceCode = id.slice(0, 2);
  const holder = RESIDENCE_PERMIT_CODES.has(addressCode) ? "hk-mo-tw-resident" : "resident";
  const county = findCounty(addressCode);
  if (holder === "resident" && !isKnownProvinceCode(provinceCode)) {
    findings.push(
      finding(
        "ID.PROVINCE",
        "block",
        `身份证号码前两位 ${provinceCode} 不是有效的省级行政区划代码`,
        `The first two digits ${provinceCode} are not a province code`,
        "GB/T 2260",
      ),
    );
  } else if (holder === "resident" && !county) {
    findings.push(
      finding(
        "ID.COUNTY_UNKNOWN",
        "warn",
        `地址码 ${addressCode} 不在现行行政区划表中（可能是已撤销的旧代码），请核对证件`,
        `Address code ${addressCode} is not in the current division table (possibly a retired code); check the card`,
        "GB/T 2260",
      ),
    );
  }

  const digits = id.slice(6, 14);
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (!isIsoDate(birthDate)) {
    findings.push(
      finding(
        "ID.BIRTH_DATE",
        "block",
        `出生日期 ${digits} 不是有效日期`,
        `Birth date ${digits} is not a real date`,
        BASIS,
      ),
    );
  } else if (options.today && compareIsoDates(birthDate, options.today) > 0) {
    findings.push(
      finding(
        "ID.BIRTH_DATE_FUTURE",
        "block",
        `出生日期 ${birthDate} 晚于今天`,
        `Birth date ${birthDate} is in the future`,
        BASIS,
      ),
    );
  } else if (birthDate < "1900-01-01") {
    // A warning, not a block: the standard's own test numbers (e.g. 440524188001010014) use 1880.
    findings.push(
      finding(
        "ID.BIRTH_DATE_EARLY",
        "warn",
        `出生日期 ${birthDate} 早于1900年，请核对`,
        `Birth date ${birthDate} is before 1900; check the card`,
        BASIS,
      ),
    );
  }

  const sequence = id.slice(14, 17);
  return settle(findings, () => ({
    id,
    addressCode,
    provinceCode,
    county,
    birthDate,
    sequence,
    sex: Number(sequence) % 2 === 1 ? ("male" as const) : ("female" as const),
    holder,
    legacy15,
  }));
};

/** A valid ID for demo and test data. Throws on impossible input (a programmer error). */
export const generateResidentId = (input: {
  county: string;
  birthDate: IsoDate;
  sequence: number;
}): string => {
  const { county, birthDate, sequence } = input;
  if (!/^\d{6}$/.test(county)) throw new RangeError(`county must be 6 digits, got ${county}`);
  if (!isIsoDate(birthDate))
    throw new RangeError(`birthDate must be a real YYYY-MM-DD date, got ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be 0–999, got ${sequence}`);
  }
  const first17 = county + birthDate.replaceAll("-", "") + String(sequence).padStart(3, "0");
  return first17 + residentIdCheckCharacter(first17);
};

/**
 * Masks an ID for display: the first 3 and last 4 characters stay (`440***********123X`).
 * Hiding the rest removes the county and the birth date, which with a name identify a person
 * (个人信息保护法 treats ID numbers as sensitive), while the holder can still recognise their own number.
 */
export const maskResidentId = (id: string): string => {
  const value = id.trim().toUpperCase();
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
};
