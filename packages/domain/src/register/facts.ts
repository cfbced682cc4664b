/**
 * Checks of the facts an entry records (natural state, rights, restrictions). The import, the
 * services and `applyEntry` use the same checks, so nothing invalid reaches the ledger.
 */
import { compareIsoDates, isIsoDate } from "../calendar/iso-date";
import type { Finding } from "../result";
import { RIGHT_TYPES, STRUCTURES } from "./code-lists";
import { validatePolygon, validateVertical } from "./geometry";
import type {
  BuildingFacts,
  EncumbranceFacts,
  HolderFacts,
  ParcelFacts,
  RightFacts,
  SealedIdentity,
  UnitFacts,
} from "./register.types";
import { ENCUMBRANCE_KINDS } from "./register.types";
import { checkCoOwnership } from "./shares";

export const registerFinding = (code: string, zh: string, en: string, basis?: string): Finding =>
  basis
    ? { code, severity: "block", message_zh: zh, message_en: en, basis }
    : { code, severity: "block", message_zh: zh, message_en: en };

const text = (value: unknown, max = 500) =>
  typeof value === "string" && value.trim() !== "" && value.length <= max;
const area = (value: unknown, required: boolean) =>
  value === null
    ? !required
    : typeof value === "number" && Number.isFinite(value) && value >= 0 && value < 1e12;
const dateOrNull = (value: unknown) => value === null || (typeof value === "string" && isIsoDate(value));

function checkPeriod(start: string | null, end: string | null, what: { zh: string; en: string }): Finding[] {
  if (!dateOrNull(start) || !dateOrNull(end))
    return [
      registerFinding("REGISTER.DATE", `${what.zh}日期应为 YYYY-MM-DD`, `${what.en} dates are YYYY-MM-DD`),
    ];
  if (start && end && compareIsoDates(start, end) > 0)
    return [
      registerFinding("REGISTER.DATE", `${what.zh}起始日期晚于终止日期`, `${what.en} starts after it ends`),
    ];
  return [];
}

export function checkParcelFacts(useRight: string, p: ParcelFacts): Finding[] {
  const found: Finding[] = [];
  if (!area(p.area, true) || p.area === 0)
    found.push(
      registerFinding(
        "REGISTER.AREA",
        "宗地面积应为正数（平方米）",
        "The parcel area is a positive number of m²",
      ),
    );
  if (!text(p.address))
    found.push(registerFinding("REGISTER.ADDRESS", "坐落不能为空", "The address (坐落) is required"));
  found.push(...validateVertical(useRight, p.vertical));
  if (p.geometry !== null) found.push(...validatePolygon(p.geometry));
  return found;
}

export function checkBuildingFacts(b: BuildingFacts): Finding[] {
  const found: Finding[] = [];
  if (!text(b.address))
    found.push(registerFinding("REGISTER.ADDRESS", "坐落不能为空", "The address (坐落) is required"));
  const floors = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < 300;
  if (!floors(b.floorsAbove) || !floors(b.floorsBelow))
    found.push(
      registerFinding("REGISTER.FLOORS", "层数应为 0–299 的整数", "Floor counts are integers 0–299"),
    );
  if (b.structure !== null && !(b.structure in STRUCTURES))
    found.push(
      registerFinding("REGISTER.STRUCTURE", "房屋结构代码无效（1–6）", "Unknown structure code (1–6)"),
    );
  if (!area(b.area, false))
    found.push(
      registerFinding("REGISTER.AREA", "建筑面积应为非负数", "The floor area is a non-negative number"),
    );
  if (b.geometry !== null) found.push(...validatePolygon(b.geometry));
  return found;
}

export function checkUnitFacts(u: UnitFacts): Finding[] {
  const found: Finding[] = [];
  if (!text(u.address))
    found.push(registerFinding("REGISTER.ADDRESS", "坐落不能为空", "The address (坐落) is required"));
  if (![u.buildingArea, u.innerArea, u.sharedArea].every((a) => area(a, false)))
    found.push(registerFinding("REGISTER.AREA", "面积应为非负数", "Areas are non-negative numbers"));
  if (u.floor !== null && !(Number.isInteger(u.floor) && Math.abs(u.floor) < 300))
    found.push(registerFinding("REGISTER.FLOORS", "所在层应为整数", "The floor is an integer"));
  if (u.structure !== null && !(u.structure in STRUCTURES))
    found.push(
      registerFinding("REGISTER.STRUCTURE", "房屋结构代码无效（1–6）", "Unknown structure code (1–6)"),
    );
  return found;
}

function checkIdentity(who: SealedIdentity, role: { zh: string; en: string }): Finding[] {
  if (!text(who.name, 200))
    return [
      registerFinding("REGISTER.HOLDER", `${role.zh}名称不能为空`, `The ${role.en}'s name is required`),
    ];
  if ((who.idNumberEnc === null) !== (who.idNumberHash === null))
    return [
      registerFinding(
        "REGISTER.HOLDER",
        `${role.zh}证件号码不完整`,
        `The ${role.en}'s ID number is incomplete`,
      ),
    ];
  return [];
}

export function checkRightFacts(r: RightFacts, holders: readonly HolderFacts[]): Finding[] {
  const found: Finding[] = [];
  if (!(r.rightType in RIGHT_TYPES))
    found.push(
      registerFinding(
        "REGISTER.RIGHT_TYPE",
        `权利类型代码 ${r.rightType} 无效`,
        `Unknown right type ${r.rightType}`,
      ),
    );
  if (!area(r.area, false))
    found.push(registerFinding("REGISTER.AREA", "面积应为非负数", "Areas are non-negative numbers"));
  if (!text(r.source, 100))
    found.push(
      registerFinding("REGISTER.SOURCE", "登记原因不能为空", "The reason for registration is required"),
    );
  found.push(...checkPeriod(r.termStart, r.termEnd, { zh: "使用期限", en: "The term" }));
  for (const h of holders) found.push(...checkIdentity(h, { zh: "权利人", en: "holder" }));
  found.push(...checkCoOwnership(r.coOwnership, holders));
  return found;
}

export function checkEncumbranceFacts(e: EncumbranceFacts): Finding[] {
  const found: Finding[] = [];
  if (!ENCUMBRANCE_KINDS.includes(e.kind))
    return [registerFinding("REGISTER.ENCUMBRANCE_KIND", "限制类型无效", "Unknown restriction kind")];
  found.push(...checkIdentity(e.holder, { zh: "权利人/机关", en: "holder or authority" }));
  if (!area(e.amount, e.kind === "mortgage"))
    found.push(
      registerFinding(
        "REGISTER.AMOUNT",
        "抵押须登记债权数额（元，非负数）",
        "A mortgage records the secured amount (yuan, ≥ 0)",
      ),
    );
  if (e.kind === "seizure" && !text(e.documentNo, 100))
    found.push(
      registerFinding(
        "REGISTER.DOCUMENT",
        "查封须登记查封文书号",
        "A seizure records the court's document number",
      ),
    );
  found.push(...checkPeriod(e.startsOn, e.endsOn, { zh: "期限", en: "The period" }));
  return found;
}
