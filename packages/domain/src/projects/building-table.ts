/**
 * 楼盘表 import: a surveyed building table (one row per house unit, CSV) read into the units the
 * register creates, with a finding per bad line and the rule it breaks. Pure: the server reads the
 * text, this decides; nothing is created unless no line blocks.
 */
import type { UnitFacts } from "../register/register.types";
import type { Finding } from "../result";

/** The columns of a building table, in the order of the template. */
export const BUILDING_TABLE_COLUMNS = [
  "parcel_code",
  "building",
  "floor",
  "room",
  "building_area",
  "inner_area",
  "shared_area",
  "use",
  "structure",
  "address",
] as const;

/** A finding on one line of the table (line 1 is the header), with the rule it breaks. */
export type LineFinding = Finding & { line: number; rule: string };

export type TableBuilding = { name: string; units: UnitFacts[]; lines: number[] };

export type BuildingTable = { buildings: TableBuilding[]; findings: LineFinding[] };

const FORMAT = "GB/T 17986.1-2000；楼盘表模板";

const finding = (line: number, rule: string, code: string, zh: string, en: string, basis: string) =>
  ({ line, rule, code, severity: "block", message_zh: zh, message_en: en, basis }) as LineFinding;

/** RFC 4180 records of a CSV text (quoted fields, "" escapes, CRLF or LF, a BOM), with line numbers. */
export function csvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === "")) records.push({ line: startLine, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line += 1;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n") {
      if (field.endsWith("\r")) field = field.slice(0, -1);
      end();
      line += 1;
      startLine = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) end();
  return records;
}

const number = (v: string | undefined): number | null => {
  const t = (v ?? "").trim();
  if (t === "" || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
};

/** One row as unit facts, or the line's format findings. */
function readRow(
  line: number,
  get: (column: (typeof BUILDING_TABLE_COLUMNS)[number]) => string,
): { building: string; unit: UnitFacts } | LineFinding[] {
  const bad: LineFinding[] = [];
  const malformed = (column: string, zh: string, en: string) =>
    bad.push(finding(line, "FORMAT", "TABLE.MALFORMED", `${column}：${zh}`, `${column}: ${en}`, FORMAT));
  const building = get("building").trim();
  const room = get("room").trim();
  const floor = number(get("floor"));
  const areas = (["building_area", "inner_area", "shared_area"] as const).map((c) => number(get(c)));
  const address = get("address").trim();
  if (!building) malformed("building", "幢号不能为空", "the building is required");
  if (!room) malformed("room", "房号不能为空", "the room is required");
  if (floor === null || !Number.isInteger(floor))
    malformed("floor", "所在层应为整数", "the floor is an integer");
  if (!address) malformed("address", "坐落不能为空", "the address is required");
  const [total = null, inner = null, shared = null] = areas;
  if (total === null || total <= 0) malformed("building_area", "建筑面积应为正数", "a positive area");
  if (inner === null || inner < 0 || shared === null || shared < 0)
    malformed("inner_area/shared_area", "套内及分摊面积应为非负数", "non-negative areas");
  else if (total !== null && Math.abs(inner + shared - total) > 0.011)
    malformed(
      "building_area",
      `套内面积与分摊面积之和（${(inner + shared).toFixed(2)}）不等于建筑面积（${total}）`,
      `inner plus shared area (${(inner + shared).toFixed(2)}) differs from the building area (${total})`,
    );
  const use = get("use").trim();
  if (!/^\d{2}$/.test(use)) malformed("use", "房屋用途应为两位代码（GB/T 17986.1）", "a two-digit use code");
  if (bad.length > 0) return bad;
  const unit: UnitFacts = {
    floor,
    roomLabel: room,
    buildingArea: total,
    innerArea: inner,
    sharedArea: shared,
    use,
    structure: get("structure").trim() || null,
    address,
  };
  return { building, unit };
}

/**
 * Reads a 楼盘表 for the project's parcel. Findings: a malformed line (FORMAT), a unit on another
 * parcel (R3: the building goes with the land right it stands on), a unit that overlaps another —
 * the same room of the same building twice, or one already surveyed (`existing`) (R2: one unit, one
 * first registration).
 */
export function readBuildingTable(
  text: string,
  parcelCode: string,
  existing: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): BuildingTable {
  const [header, ...rows] = csvRecords(text);
  const findings: LineFinding[] = [];
  const columns = (header?.fields ?? []).map((c) => c.trim().toLowerCase());
  const missing = BUILDING_TABLE_COLUMNS.filter((c) => !columns.includes(c));
  if (!header || missing.length > 0) {
    findings.push(
      finding(
        1,
        "FORMAT",
        "TABLE.COLUMNS",
        `缺少列：${missing.join("、")}`,
        `missing columns: ${missing.join(", ")}`,
        FORMAT,
      ),
    );
    return { buildings: [], findings };
  }
  const byName = new Map<string, TableBuilding>();
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const get = (c: (typeof BUILDING_TABLE_COLUMNS)[number]) => fields[columns.indexOf(c)] ?? "";
    const code = get("parcel_code").trim().toUpperCase();
    if (code !== parcelCode)
      findings.push(
        finding(
          line,
          "R3",
          "TABLE.OUTSIDE_PARCEL",
          `宗地代码 ${code || "（空）"} 不是本项目宗地 ${parcelCode}`,
          `parcel ${code || "(empty)"} is not the project's parcel ${parcelCode}`,
          "细则 第2条、第35条",
        ),
      );
    const read = readRow(line, get);
    if (Array.isArray(read)) {
      findings.push(...read);
      continue;
    }
    const key = `${read.building}\u0000${read.unit.roomLabel}`;
    const earlier = seen.get(key);
    const surveyed = existing.get(read.building)?.has(read.unit.roomLabel ?? "");
    if (earlier !== undefined || surveyed)
      findings.push(
        finding(
          line,
          "R2",
          "TABLE.OVERLAP",
          `${read.building}幢${read.unit.roomLabel}房与${surveyed ? "已入库的房屋" : `第${earlier}行`}重叠`,
          `building ${read.building} room ${read.unit.roomLabel} overlaps ${surveyed ? "a surveyed unit" : `line ${earlier}`}`,
          "条例 第8条；细则 第5条",
        ),
      );
    seen.set(key, earlier ?? line);
    const b = byName.get(read.building) ?? { name: read.building, units: [], lines: [] };
    b.units.push(read.unit);
    b.lines.push(line);
    byName.set(read.building, b);
  }
  if (rows.length === 0)
    findings.push(finding(1, "FORMAT", "TABLE.EMPTY", "楼盘表没有房屋", "the table has no units", FORMAT));
  return { buildings: [...byName.values()], findings };
}
