/**
 * 不动产单元代码 — real estate unit code (GB/T 37346-2019), 28 characters with no check digit:
 * county (6) · 地籍区 (3) · 地籍子区 (3) · 宗地/宗海特征码 (2) · 宗地顺序号 (5) · 定着物特征码 (1) ·
 * 定着物单元编号 (8). Positions 1–19 are the 宗地代码, 20–28 the 定着物代码.
 */
import { findCounty, findStatisticalZone } from "../divisions/divisions";
import type { Finding, Result } from "../result";
import { finding, settle } from "./findings";

const BASIS = "GB/T 37346-2019";
const STRUCTURE = /^(\d{6})(\d{3})(\d{3})([GJZ])([A-Z])(\d{5})([FLQW])(\d{8})$/;

/** 宗地特征码 char 1 — G 国家所有, J 集体所有, Z 所有权未确定或有争议. */
export type UnitOwnership = "G" | "J" | "Z";
/** 定着物特征码 — F 房屋等建筑物、构筑物, L 森林或林木, Q 其他定着物, W 无定着物. */
export type UnitFixture = "F" | "L" | "Q" | "W";

/**
 * 宗地特征码 char 2 and the ownership characters it may follow (DOMAIN-REFERENCE §1.2).
 * GA is left out on purpose: it is configurable (`allowStateOwnershipParcel`).
 */
const USE_RIGHTS: Readonly<Record<string, { name: string; ownerships: readonly UnitOwnership[] }>> = {
  A: { name: "集体土地所有权宗地", ownerships: ["J"] },
  B: { name: "建设用地使用权宗地（地表）", ownerships: ["G", "J"] },
  S: { name: "建设用地使用权宗地（地上）", ownerships: ["G", "J"] },
  X: { name: "建设用地使用权宗地（地下）", ownerships: ["G", "J"] },
  C: { name: "宅基地使用权宗地", ownerships: ["J"] },
  D: { name: "土地承包经营权宗地（耕地）", ownerships: ["G", "J"] },
  E: { name: "土地承包经营权宗地（林地）", ownerships: ["G", "J"] },
  F: { name: "土地承包经营权宗地（草地）", ownerships: ["G", "J"] },
  L: { name: "林地使用权宗地（承包经营以外的）", ownerships: ["G", "J"] },
  N: { name: "农用地使用权宗地（承包经营以外的、非林地）", ownerships: ["G", "J"] },
  W: { name: "使用权未确定或有争议的土地", ownerships: ["G", "J", "Z"] },
  Y: { name: "其他使用权土地", ownerships: ["G", "J"] },
  H: { name: "海域使用权宗海", ownerships: ["G"] },
  G: { name: "无居民海岛使用权", ownerships: ["G"] },
};
const SEA_USE_RIGHTS = new Set(["H", "G"]);

export type UnitCodeSegments = {
  county: string;
  /** 地籍区, 001–999 (000 only for sea units). */
  cadastralZone: string;
  /** 地籍子区, 001–999 (000 only for sea units). */
  cadastralSubzone: string;
  ownership: UnitOwnership;
  /** 宗地特征码 char 2, e.g. `B` 建设用地使用权（地表）. */
  useRight: string;
  /** 宗地/宗海顺序号, 00001–99999. */
  parcelSequence: string;
  fixture: UnitFixture;
  /** 定着物单元编号: F → 幢号 + 户号; L/Q → sequence; W → `00000000`. */
  fixtureNumber: string;
};

export type ParsedUnitCode = UnitCodeSegments & {
  code: string;
  /** 宗地代码 — positions 1–19. */
  parcelCode: string;
  /** 定着物代码 — positions 20–28. */
  fixtureCode: string;
  /** 宗海 — a sea area or uninhabited island (GH / GG with 地籍区+子区 000000). */
  isSea: boolean;
  /** 幢号 and 户号 of an F fixture. */
  building: string | undefined;
  room: string | undefined;
  useRightName: string;
  findings: Finding[];
};

export type UnitCodeOptions = {
  /**
   * GA (state-ownership parcel under 自然资源统一确权) is uncertain [?]: rejected by default, accepted
   * with a warning when true.
   */
  allowStateOwnershipParcel?: boolean;
  /** Local pseudo-county codes accepted in addition to GB/T 2260 (e.g. 东莞's per-town 4419xx codes). */
  extraCountyCodes?: ReadonlySet<string>;
};

const block = (code: string, zh: string, en: string): Finding => finding(code, "block", zh, en, BASIS);

const checkCounty = (county: string, options: UnitCodeOptions): Finding[] => {
  if (findCounty(county) || options.extraCountyCodes?.has(county)) return [];
  const zone = findStatisticalZone(county);
  return [
    block(
      "UNIT.COUNTY",
      zone
        ? `${county}（${zone.name}）是统计用功能区代码，不是 GB/T 2260 县级行政区划代码`
        : `县级行政区划代码 ${county} 不存在`,
      zone
        ? `${county} (${zone.name}) is a statistical functional-zone code, not a GB/T 2260 county`
        : `County code ${county} does not exist`,
    ),
  ];
};

const checkParcel = (s: UnitCodeSegments, options: UnitCodeOptions): Finding[] => {
  const found: Finding[] = [];
  const feature = s.ownership + s.useRight;
  const rule = USE_RIGHTS[s.useRight];
  if (feature === "GA") {
    if (options.allowStateOwnershipParcel) {
      found.push(
        finding(
          "UNIT.FEATURE_UNCERTAIN",
          "warn",
          "宗地特征码 GA（国家土地所有权宗地）尚无确定依据，请确认当地做法",
          "Parcel feature GA (state land-ownership parcel) is not settled; confirm local practice",
          BASIS,
        ),
      );
    } else {
      found.push(
        block(
          "UNIT.FEATURE",
          "宗地特征码 GA 未启用（国家土地所有权宗地做法未确定）",
          "Parcel feature GA is not enabled (state land-ownership parcels are not settled)",
        ),
      );
    }
  } else if (!rule?.ownerships.includes(s.ownership)) {
    found.push(
      block(
        "UNIT.FEATURE",
        `宗地特征码 ${feature} 无效${rule ? `：${rule.name}只能用 ${rule.ownerships.join("/")}` : ""}`,
        `Parcel feature ${feature} is not valid${rule ? `: ${s.useRight} only follows ${rule.ownerships.join("/")}` : ""}`,
      ),
    );
  }

  const zone = s.cadastralZone + s.cadastralSubzone;
  const isSea = SEA_USE_RIGHTS.has(s.useRight);
  if (isSea && zone !== "000000") {
    found.push(
      block(
        "UNIT.SEA_ZONE",
        "宗海的地籍区和地籍子区应为 000000",
        "A sea unit (GH/GG) has 地籍区 and 地籍子区 000000",
      ),
    );
  } else if (!isSea && (s.cadastralZone === "000" || s.cadastralSubzone === "000")) {
    // Some vendors mark "virtual" land units with 000000; the standard does not allow it.
    found.push(
      block(
        "UNIT.CADASTRAL_ZONE",
        "地籍区和地籍子区应为 001–999（000000 仅用于宗海）",
        "地籍区 and 地籍子区 run 001–999 (000000 is only for sea units)",
      ),
    );
  }
  if (s.parcelSequence === "00000") {
    found.push(
      block("UNIT.PARCEL_SEQUENCE", "宗地顺序号应为 00001–99999", "The parcel sequence runs 00001–99999"),
    );
  }
  return found;
};

const checkFixture = (s: UnitCodeSegments): Finding[] => {
  if (s.fixture === "W" && s.fixtureNumber !== "00000000") {
    return [
      block(
        "UNIT.FIXTURE",
        "无定着物（W）时定着物单元编号应为 00000000",
        "A W (no fixture) unit is numbered 00000000",
      ),
    ];
  }
  if (s.fixture === "F" && s.fixtureNumber.startsWith("0000")) {
    // 户号 0000 for a whole building varies by locality [?] and is allowed; 幢号 0000 never is.
    return [block("UNIT.FIXTURE", "幢号应为 0001–9999", "The building number runs 0001–9999")];
  }
  if ((s.fixture === "L" || s.fixture === "Q") && s.fixtureNumber === "00000000") {
    return [
      block(
        "UNIT.FIXTURE",
        "定着物单元编号应为 00000001–99999999",
        "The fixture number runs 00000001–99999999",
      ),
    ];
  }
  return [];
};

/** Splits a stored or displayed code (spaces allowed) into its segments; no rules are checked. */
const splitUnitCode = (input: string): UnitCodeSegments | undefined => {
  const match = STRUCTURE.exec(input.replace(/\s+/g, "").toUpperCase());
  if (!match) return undefined;
  const [
    ,
    county,
    cadastralZone,
    cadastralSubzone,
    ownership,
    useRight,
    parcelSequence,
    fixture,
    fixtureNumber,
  ] = match as unknown as [
    string,
    string,
    string,
    string,
    UnitOwnership,
    string,
    string,
    UnitFixture,
    string,
  ];
  return {
    county,
    cadastralZone,
    cadastralSubzone,
    ownership,
    useRight,
    parcelSequence,
    fixture,
    fixtureNumber,
  };
};

/** Validates a unit code by structure and the combination rules of GB/T 37346, and parses it. */
export const parseUnitCode = (
  input: string,
  options: UnitCodeOptions = {},
): Result<ParsedUnitCode, Finding[]> => {
  const s = splitUnitCode(input);
  if (!s) {
    return {
      ok: false,
      error: [
        block(
          "UNIT.FORMAT",
          "不动产单元代码应为28位：6位县级代码、6位地籍区/子区、2位宗地特征码、5位顺序号、1位定着物特征码、8位编号",
          "A unit code has 28 characters: 6-digit county, 6-digit cadastral zone, 2-letter parcel feature, 5-digit sequence, fixture letter, 8-digit number",
        ),
      ],
    };
  }
  const findings = [...checkCounty(s.county, options), ...checkParcel(s, options), ...checkFixture(s)];
  const code = buildUnitCode(s);
  return settle(findings, () => ({
    ...s,
    code,
    parcelCode: code.slice(0, 19),
    fixtureCode: code.slice(19),
    isSea: SEA_USE_RIGHTS.has(s.useRight),
    building: s.fixture === "F" ? s.fixtureNumber.slice(0, 4) : undefined,
    room: s.fixture === "F" ? s.fixtureNumber.slice(4) : undefined,
    useRightName: USE_RIGHTS[s.useRight]?.name ?? "国家土地所有权宗地",
  }));
};

const pad = (value: string | number, width: number, what: string): string => {
  const text = String(value).padStart(width, "0");
  if (text.length !== width || !/^\d+$/.test(text))
    throw new RangeError(`${what} must fit ${width} digits: ${value}`);
  return text;
};

/**
 * Assembles a code from segments, zero-padding numbers. Only the shape is checked (throws on a segment
 * that cannot fit); the combination rules are `parseUnitCode`'s job.
 */
export const buildUnitCode = (
  segments: Omit<
    UnitCodeSegments,
    "cadastralZone" | "cadastralSubzone" | "parcelSequence" | "fixtureNumber"
  > & {
    cadastralZone: string | number;
    cadastralSubzone: string | number;
    parcelSequence: string | number;
    fixtureNumber?: string | number;
    building?: string | number;
    room?: string | number;
  },
): string => {
  const { county, ownership, useRight, fixture } = segments;
  if (!/^\d{6}$/.test(county)) throw new RangeError(`county must be 6 digits: ${county}`);
  if (!/^[GJZ]$/.test(ownership) || !/^[A-Z]$/.test(useRight) || !/^[FLQW]$/.test(fixture)) {
    throw new RangeError(`bad feature characters: ${ownership}${useRight} ${fixture}`);
  }
  const fixtureNumber =
    segments.fixtureNumber !== undefined
      ? pad(segments.fixtureNumber, 8, "fixtureNumber")
      : fixture === "W"
        ? "00000000"
        : fixture === "F" && segments.building !== undefined
          ? pad(segments.building, 4, "building") + pad(segments.room ?? 0, 4, "room")
          : undefined;
  if (fixtureNumber === undefined)
    throw new RangeError(`fixtureNumber (or building and room) is required for ${fixture}`);
  return (
    county +
    pad(segments.cadastralZone, 3, "cadastralZone") +
    pad(segments.cadastralSubzone, 3, "cadastralSubzone") +
    ownership +
    useRight +
    pad(segments.parcelSequence, 5, "parcelSequence") +
    fixture +
    fixtureNumber
  );
};

/** Display form grouping the segments, e.g. `320583 001002 GB00012 F00180302`; input is returned unchanged if malformed. */
export const formatUnitCode = (code: string): string => {
  const compact = code.replace(/\s+/g, "").toUpperCase();
  if (!STRUCTURE.test(compact)) return code;
  return `${compact.slice(0, 6)} ${compact.slice(6, 12)} ${compact.slice(12, 19)} ${compact.slice(19)}`;
};
