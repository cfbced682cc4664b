import {
  type CoOwnership,
  type EncumbranceFacts,
  type EncumbranceKind,
  type EntryDraft,
  type Finding,
  type HolderFacts,
  isIsoDate,
  type MigrationSource,
  type ParcelFacts,
  type ParsedUnitCode,
  type Polygon,
  parseUnitCode,
  type RightFacts,
  type VerticalRange,
} from "@yulin/domain";
import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import { SCOPES } from "../code-allocation.repository";
import { sealIdentity } from "../identity";

/**
 * The CSV files of a data migration (数据整合) and how each row becomes a ledger entry of kind
 * `migrated`. Columns are documented in docs/register.md; values are checked here (codes,
 * checksums, numbers, dates) and by `applyEntry` (references, duplicates, shares).
 */
export const IMPORT_FILES = ["parcels", "buildings", "units", "holders", "rights", "restrictions"] as const;
export type ImportFile = (typeof IMPORT_FILES)[number];

export const COLUMNS: Record<ImportFile, { required: string[]; optional: string[] }> = {
  parcels: {
    required: ["parcel_code", "area", "address"],
    optional: [
      "zone_name",
      "land_use",
      "land_use_standard",
      "land_grade",
      "vertical_kind",
      "z_min",
      "z_max",
      "geometry",
    ],
  },
  buildings: {
    required: ["parcel_code", "building_no", "address"],
    optional: ["name", "floors_above", "floors_below", "structure", "completed_year", "area", "geometry"],
  },
  units: {
    required: ["unit_code", "address"],
    optional: ["floor", "room_label", "building_area", "inner_area", "shared_area", "use", "structure"],
  },
  holders: {
    required: ["right_ref", "name"],
    optional: ["holder_type", "id_type", "id_number", "share"],
  },
  rights: {
    required: ["right_ref", "unit_code", "right_type", "source"],
    optional: [
      "nature",
      "use",
      "area",
      "term_start",
      "term_end",
      "certificate_no",
      "co_ownership",
      "status",
      "end_reason",
    ],
  },
  restrictions: {
    required: ["unit_code", "kind", "holder_name"],
    optional: [
      "holder_type",
      "holder_id_type",
      "holder_id_number",
      "obligor_name",
      "document_no",
      "starts_on",
      "ends_on",
      "amount",
      "mortgage_type",
      "court",
      "notice_kind",
      "rank",
      "related_unit_code",
      "status",
      "end_reason",
    ],
  },
};

export type Fields = Record<string, string>;

/** A code whose number the import uses: the sequence moves past it so it is never assigned again. */
export type ReservedNumber = { jurisdiction: string; scope: string; value: number };

export type ParsedRow = {
  key: string;
  draft: EntryDraft;
  reserve: ReservedNumber[];
  zone?: { jurisdiction: string; zone: string; subzone: string; name: string | null };
};

/** A holders.csv row, staged until its right is read from rights.csv. */
export type StagedHolder = { rightRef: string; row: number; holder: HolderFacts };

type Parsed<T> = { ok: true; value: T } | { ok: false; key: string; findings: Finding[] };

class RowError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message_en).join("; "));
  }
}

const field = (column: string, zh: string, en: string): Finding => ({
  code: "IMPORT.FIELD",
  severity: "block",
  message_zh: `${column}：${zh}`,
  message_en: `${column}: ${en}`,
});

function reader(f: Fields) {
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

const unitCode = (value: string): ParsedUnitCode => {
  const parsed = parseUnitCode(value);
  if (!parsed.ok) throw new RowError(parsed.error);
  return parsed.value;
};

const VERTICAL: Record<string, VerticalRange["kind"]> = {
  surface: "surface",
  地表: "surface",
  above: "above",
  地上: "above",
  below: "below",
  地下: "below",
  between: "between",
  区间: "between",
};
const CO_OWNERSHIP: Record<string, CoOwnership> = {
  "0": "0",
  "1": "1",
  "2": "2",
  "3": "3",
  单独所有: "0",
  共同共有: "1",
  按份共有: "2",
  其它共有: "3",
};
const RIGHT_STATUS: Record<string, "current" | "historic"> = {
  current: "current",
  现势: "current",
  "1": "current",
  historic: "historic",
  历史: "historic",
  "2": "historic",
  终止: "historic",
  "3": "historic",
};
const ENCUMBRANCE_STATUS: Record<string, "effective" | "historic"> = {
  effective: "effective",
  有效: "effective",
  现势: "effective",
  current: "effective",
  historic: "historic",
  历史: "historic",
  注销: "historic",
};
const KINDS: Record<string, EncumbranceKind> = {
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

export type RowContext = { pii: PiiCipher; source: (row: number) => MigrationSource };

function guarded<T>(key: () => string, parse: () => T): Parsed<T> {
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

export function parseParcelRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("parcel_code"),
    () => {
      const parcelCode = r.required("parcel_code").toUpperCase();
      if (parcelCode.length !== 19)
        throw new RowError([field("parcel_code", "宗地代码应为19位", "a parcel code has 19 characters")]);
      const code = unitCode(`${parcelCode}W00000000`);
      const kind = r.oneOf("vertical_kind", VERTICAL, "surface");
      const parcel: ParcelFacts = {
        area: r.number("area") ?? 0,
        landUse: r.optional("land_use"),
        landUseStandard: r.optional("land_use_standard"),
        landGrade: r.optional("land_grade"),
        address: r.required("address"),
        vertical: { kind, min: r.number("z_min"), max: r.number("z_max") },
        geometry: r.json("geometry"),
      };
      return {
        key: parcelCode,
        draft: {
          parcel: parcelCode,
          unit: null,
          body: { kind: "migrated", source: ctx.source(row), record: "parcel", parcel },
        },
        reserve: [
          {
            jurisdiction: code.county,
            scope: SCOPES.parcel(code.cadastralZone, code.cadastralSubzone, code.ownership + code.useRight),
            value: Number(code.parcelSequence),
          },
        ],
        zone: {
          jurisdiction: code.county,
          zone: code.cadastralZone,
          subzone: code.cadastralSubzone,
          name: r.optional("zone_name"),
        },
      };
    },
  );
}

export function parseBuildingRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => `${r.text("parcel_code")}F${r.text("building_no")}`,
    () => {
      const parcelCode = r.required("parcel_code").toUpperCase();
      const buildingNo = r.required("building_no").padStart(4, "0");
      const code = unitCode(`${parcelCode}F${buildingNo}0001`);
      return {
        key: `${parcelCode}F${buildingNo}`,
        draft: {
          parcel: parcelCode,
          unit: null,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "building",
            buildingNo,
            building: {
              name: r.optional("name"),
              address: r.required("address"),
              floorsAbove: r.integer("floors_above") ?? 1,
              floorsBelow: r.integer("floors_below") ?? 0,
              structure: r.optional("structure"),
              completedYear: r.integer("completed_year"),
              area: r.number("area"),
              geometry: r.json("geometry"),
            },
          },
        },
        reserve: [
          { jurisdiction: code.county, scope: SCOPES.building(parcelCode), value: Number(buildingNo) },
        ],
      };
    },
  );
}

export function parseUnitRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("unit_code"),
    () => {
      const code = unitCode(r.required("unit_code"));
      const reserve: ReservedNumber[] = [];
      if (code.fixture === "F")
        reserve.push({
          jurisdiction: code.county,
          scope: SCOPES.room(code.parcelCode, code.building!),
          value: Number(code.room),
        });
      if (code.fixture === "L" || code.fixture === "Q")
        reserve.push({
          jurisdiction: code.county,
          scope: SCOPES.fixture(code.parcelCode, code.fixture),
          value: Number(code.fixtureNumber),
        });
      return {
        key: code.code,
        draft: {
          parcel: code.parcelCode,
          unit: code.code,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "unit",
            unit: {
              floor: r.integer("floor"),
              roomLabel: r.optional("room_label"),
              buildingArea: r.number("building_area"),
              innerArea: r.number("inner_area"),
              sharedArea: r.number("shared_area"),
              use: r.optional("use"),
              structure: r.optional("structure"),
              address: r.required("address"),
            },
          },
        },
        reserve,
      };
    },
  );
}

export function parseHolderRow(f: Fields, row: number, ctx: RowContext): Parsed<StagedHolder> {
  const r = reader(f);
  return guarded(
    () => r.text("right_ref"),
    () => {
      const sealed = sealIdentity(ctx.pii, {
        name: r.required("name"),
        holderType: r.text("holder_type") || "1",
        idType: r.text("id_type") || "1",
        idNumber: r.optional("id_number"),
      });
      if (!sealed.ok) throw new RowError(sealed.error);
      return {
        rightRef: r.required("right_ref"),
        row,
        holder: { ...sealed.value, share: r.optional("share") },
      };
    },
  );
}

/** A rights.csv row; its holders are attached from the staged holders.csv rows with the same right_ref. */
export function parseRightRow(
  f: Fields,
  row: number,
  ctx: RowContext,
  holders: HolderFacts[],
): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("right_ref"),
    () => {
      const ref = r.required("right_ref");
      const code = unitCode(r.required("unit_code"));
      if (holders.length === 0)
        throw new RowError([
          {
            code: "IMPORT.NO_HOLDERS",
            severity: "block",
            message_zh: `权利 ${ref} 在 holders.csv 中没有（有效的）权利人`,
            message_en: `Right ${ref} has no (valid) holder in holders.csv`,
          },
        ]);
      const right: RightFacts = {
        rightType: r.required("right_type"),
        nature: r.optional("nature"),
        use: r.optional("use"),
        area: r.number("area"),
        termStart: r.date("term_start"),
        termEnd: r.date("term_end"),
        source: r.required("source"),
        certificateNo: r.optional("certificate_no"),
        coOwnership: r.oneOf("co_ownership", CO_OWNERSHIP, holders.length > 1 ? "1" : "0"),
      };
      return {
        key: ref,
        draft: {
          parcel: code.parcelCode,
          unit: code.code,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "right",
            right,
            holders,
            status: r.oneOf("status", RIGHT_STATUS, "current"),
            endReason: r.optional("end_reason"),
          },
        },
        reserve: [],
      };
    },
  );
}

export function parseRestrictionRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("unit_code"),
    () => {
      const code = unitCode(r.required("unit_code"));
      const kind = r.oneOf("kind", KINDS);
      const holder = sealIdentity(ctx.pii, {
        name: r.required("holder_name"),
        holderType: r.text("holder_type") || (kind === "mortgage" || kind === "seizure" ? "2" : "1"),
        idType: r.text("holder_id_type") || "1",
        idNumber: r.optional("holder_id_number"),
      });
      if (!holder.ok) throw new RowError(holder.error);
      const particulars: EncumbranceFacts["particulars"] = {};
      for (const c of ["mortgage_type", "court", "notice_kind"]) if (r.text(c)) particulars[c] = r.text(c);
      const related = r.optional("related_unit_code");
      const encumbrance: EncumbranceFacts = {
        kind,
        holder: holder.value,
        obligorName: r.optional("obligor_name"),
        documentNo: r.optional("document_no"),
        startsOn: r.date("starts_on"),
        endsOn: r.date("ends_on"),
        amount: r.number("amount"),
        relatedUnitCode: related ? unitCode(related).code : null,
        particulars,
      };
      return {
        key: `${code.code}:${kind}`,
        draft: {
          parcel: code.parcelCode,
          unit: code.code,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "encumbrance",
            encumbrance,
            status: r.oneOf("status", ENCUMBRANCE_STATUS, "effective"),
            rank: r.integer("rank"),
            endReason: r.optional("end_reason"),
          },
        },
        reserve: [],
      };
    },
  );
}
