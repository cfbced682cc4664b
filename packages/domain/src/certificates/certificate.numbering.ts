/**
 * Which number series a registering office draws from (DOMAIN-REFERENCE §6): the 7-digit sequence
 * runs per registry (the 市县名 printed in the number) and per year. Two offices that print the same
 * name must share one series, or the same number would be issued twice.
 */
import { findCounty, provinceAbbreviation } from "../divisions/divisions";
import { type CertificateKind, formatCertificateNumber } from "../identifiers/certificate-number";

export type NumberingScope = {
  /** Division code keying the series: the county, or the city (`xxxx00`) for a city's districts. */
  scopeCode: string;
  provinceAbbreviation: string;
  /** 市县名 as printed, e.g. `佛山市`, `肇东市`, `朝阳区`, `东莞`. */
  registry: string;
};

/** Municipalities (直辖市) number per district: `京（2019）朝阳区不动产权第…号`. */
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

/** Registries known to print a shortened name (real example `粤（2019）东莞不动产权第0000906号`). */
const PRINTED_NAMES: Readonly<Record<string, string>> = { "441900": "东莞" };

/**
 * The series of a county-level office: a district (区) of a prefecture-level city prints and
 * numbers as its city (`粤（2025）佛山市不动产权第…号` for 禅城, 南海 and 顺德 alike); a county, a
 * county-level city, a banner or a municipality's district prints its own name. Undefined for a
 * code that is not a county in the current GB/T 2260 table.
 */
export const numberingScopeOf = (officeCode: string): NumberingScope | undefined => {
  const county = findCounty(officeCode);
  const abbreviation = provinceAbbreviation(officeCode);
  if (!county || !abbreviation) return undefined;
  const cityDistrict =
    county.name.endsWith("区") &&
    !MUNICIPALITIES.has(county.provinceCode) &&
    /市$|州$|盟$/.test(county.cityName) &&
    !officeCode.endsWith("00");
  const scopeCode = cityDistrict ? `${county.cityCode}00` : officeCode;
  const registry = PRINTED_NAMES[scopeCode] ?? (cityDistrict ? county.cityName : county.name);
  return { scopeCode, provinceAbbreviation: abbreviation, registry };
};

/** The printed number of the `sequence`-th certificate of `kind` in `scope` and `year`. */
export const certificateNumberIn = (
  scope: NumberingScope,
  kind: CertificateKind,
  year: number,
  sequence: number,
): string =>
  formatCertificateNumber({
    kind,
    province: scope.provinceAbbreviation,
    year,
    registry: scope.registry,
    sequence,
  });
