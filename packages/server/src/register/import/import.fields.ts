import {
  type CoOwnership,
  type EncumbranceKind,
  type Finding,
  isIsoDate,
  type ParsedUnitCode,
  type Polygon,
  parseUnitCode,
  type VerticalRange,
} from "@yulin/domain";
import type { Fields } from "./import.columns";

/**
 * Reading one CSV row's values: text, numbers, dates, GeoJSON and the enumerations (in English or
 * Chinese), each failure a finding on its column. A row parser runs inside `guarded`, so the
 * first bad value ends that row with its findings instead of the import.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; key: string; findings: Finding[] };

export class RowError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message_en).join("; "));
  }
}

export const field = (column: string, zh: string, en: string): Finding => ({
  code: "IMPORT.FIELD",
  severity: "block",
  message_zh: `${column}：${zh}`,
  message_en: `${column}: ${en}`,
});

export function reader(f: Fields) {
  const text = (c: string) => (f[c] ?? "").trim();
  const optional = (c: string) => text(c) || null;
  const required = (c: string) => {
    const v = text(c);
    if (!v) throw new RowError([field(c, "不能为空", "is required")]);
    return v;
  };
  const number = (c: string): number | null => {
    const v = text(c);
    if (!v) return null;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new RowError([field(c, `“${v}”不是数字`, `"${v}" is not a number`)]);
    return n;
  };
  const integer = (c: string): number | null => {
    const n = number(c);
    if (n !== null && !Number.isInteger(n))
      throw new RowError([field(c, "应为整数", "must be a whole number")]);
    return n;
  };
  const date = (c: string): string | null => {
    const v = text(c).replaceAll("/", "-");
    if (!v) return null;
    if (!isIsoDate(v))
      throw new RowError([field(c, `“${v}”不是 YYYY-MM-DD 日期`, `"${v}" is not a YYYY-MM-DD date`)]);
    return v;
  };
  const json = (c: string): Polygon | null => {
    const v = text(c);
    if (!v) return null;
    try {
      return JSON.parse(v) as Polygon;
    } catch {
      throw new RowError([field(c, "不是合法的 GeoJSON", "is not valid GeoJSON")]);
    }
  };
  const oneOf = <T extends string>(c: string, values: Record<string, T>, fallback?: T): T => {
    const v = text(c);
    if (!v && fallback !== undefined) return fallback;
    const hit = values[v] ?? values[v.toLowerCase()];
    if (hit === undefined)
      throw new RowError([
        field(c, `“${v}”不是允许的取值`, `"${v}" is not one of ${Object.keys(values).join(", ")}`),
      ]);
    return hit;
  };
  return { text, optional, required, number, integer, date, json, oneOf };
}

export const unitCode = (value: string): ParsedUnitCode => {
  const parsed = parseUnitCode(value);
  if (!parsed.ok) throw new RowError(parsed.error);
  return parsed.value;
};

export const VERTICAL: Record<string, VerticalRange["kind"]> = {
  surface: "surface",
  地表: "surface",
  above: "above",
  地上: "above",
  below: "below",
  地下: "below",
  between: "between",
  区间: "between",
};
export const CO_OWNERSHIP: Record<string, CoOwnership> = {
  "0": "0",
  "1": "1",
  "2": "2",
  "3": "3",
  单独所有: "0",
  共同共有: "1",
  按份共有: "2",
  其它共有: "3",
};
export const RIGHT_STATUS: Record<string, "current" | "historic"> = {
  current: "current",
  现势: "current",
  "1": "current",
  historic: "historic",
  历史: "historic",
  "2": "historic",
  终止: "historic",
  "3": "historic",
};
export const ENCUMBRANCE_STATUS: Record<string, "effective" | "historic"> = {
  effective: "effective",
  有效: "effective",
  现势: "effective",
  current: "effective",
  historic: "historic",
  历史: "historic",
  注销: "historic",
};
export const KINDS: Record<string, EncumbranceKind> = {
  mortgage: "mortgage",
  抵押: "mortgage",
  抵押权: "mortgage",
  "advance-notice": "advance-notice",
  预告: "advance-notice",
  预告登记: "advance-notice",
  seizure: "seizure",
  查封: "seizure",
  objection: "objection",
  异议: "objection",
  异议登记: "objection",
  habitation: "habitation",
  居住权: "habitation",
  easement: "easement",
  地役权: "easement",
};

export function guarded<T>(key: () => string, parse: () => T): Parsed<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, key: safeKey(key), findings: error.findings };
    throw error;
  }
}
const safeKey = (key: () => string) => {
  try {
    return key();
  } catch {
    return "";
  }
};
