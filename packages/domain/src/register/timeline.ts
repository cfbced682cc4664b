/** A property's life as people read it: one line per ledger entry, in Chinese and English. */
import { ENCUMBRANCE_NAMES, RIGHT_TYPES } from "./code-lists";
import type { EncumbranceKind, EntryBody, EntryContent } from "./register.types";

export type TimelineLine = { title_zh: string; title_en: string };

const MIGRATED: Record<string, [string, string]> = {
  parcel: ["宗地", "parcel"],
  building: ["幢", "building"],
  unit: ["不动产单元", "unit"],
  right: ["权利", "right"],
  encumbrance: ["限制", "restriction"],
};

const REPLACEMENT_EN: Record<string, string> = {
  补发: "reissued after loss (补发)",
  换发: "exchanged (换发)",
};

export function describeEntry(entry: Pick<EntryContent, "body">): TimelineLine {
  const body: EntryBody = entry.body;
  switch (body.kind) {
    case "parcel.create":
      return { title_zh: "宗地设立（地籍调查成果入库）", title_en: "Parcel recorded (cadastral survey)" };
    case "building.create":
      return { title_zh: `幢 ${body.buildingNo} 设立`, title_en: `Building ${body.buildingNo} recorded` };
    case "unit.create":
      return { title_zh: "不动产单元设立", title_en: "Unit recorded" };
    case "unit.update":
      return { title_zh: "自然状况变更", title_en: "Natural state changed" };
    case "right.create": {
      const type = RIGHT_TYPES[body.right.rightType] ?? body.right.rightType;
      return {
        title_zh: `${body.right.source}：${type}`,
        title_en: `Right registered (${body.right.source}): type ${body.right.rightType}`,
      };
    }
    case "right.end":
      return { title_zh: `权利注销（${body.reason}）`, title_en: `Right ended (${body.reason})` };
    case "right.certificate": {
      const en = REPLACEMENT_EN[body.reason] ?? `replaced (${body.reason})`;
      return {
        title_zh: `${body.reason}证书：${body.certificateNo}${body.replaces ? `（原证书 ${body.replaces} 作废）` : ""}`,
        title_en: `Certificate ${en}: ${body.certificateNo}${body.replaces ? ` (${body.replaces} void)` : ""}`,
      };
    }
    case "migrated": {
      const [zh, en] = MIGRATED[body.record] ?? ["记录", "record"];
      const detail =
        body.record === "right"
          ? `：${RIGHT_TYPES[body.right.rightType] ?? body.right.rightType}${body.status === "historic" ? "（历史）" : ""}`
          : body.record === "encumbrance"
            ? `：${ENCUMBRANCE_NAMES[body.encumbrance.kind].zh}${body.status === "historic" ? "（历史）" : ""}`
            : "";
      return { title_zh: `数据整合：${zh}${detail}`, title_en: `Migrated from the previous register: ${en}` };
    }
  }
  const [kind, verb] = body.kind.split(".") as [EncumbranceKind, "create" | "cancel" | "update"];
  const name = ENCUMBRANCE_NAMES[kind];
  if (verb === "create") return { title_zh: `${name.zh}登记`, title_en: `${name.en} registered` };
  if (verb === "update" && "reason" in body)
    return { title_zh: `${name.zh}变更（${body.reason}）`, title_en: `${name.en} changed (${body.reason})` };
  return {
    title_zh: kind === "seizure" ? "解除查封" : `${name.zh}注销`,
    title_en: `${name.en} ${kind === "seizure" ? "released" : "cancelled"}`,
  };
}
