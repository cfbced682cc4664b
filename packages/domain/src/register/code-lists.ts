/** Code lists of the register database standard (TD/T 1066, 2015 dictionary; DOMAIN-REFERENCE §4). */
import type { CoOwnership, EncumbranceKind } from "./register.types";

/** 权利类型 (QLLX), the canonical list 1–22 and 99. */
export const RIGHT_TYPES: Readonly<Record<string, string>> = {
  "1": "集体土地所有权",
  "2": "国家土地所有权",
  "3": "国有建设用地使用权",
  "4": "国有建设用地使用权/房屋（构筑物）所有权",
  "5": "宅基地使用权",
  "6": "宅基地使用权/房屋（构筑物）所有权",
  "7": "集体建设用地使用权",
  "8": "集体建设用地使用权/房屋（构筑物）所有权",
  "9": "土地承包经营权",
  "10": "土地承包经营权/森林、林木所有权",
  "11": "林地使用权",
  "12": "林地使用权/森林、林木使用权",
  "13": "草原使用权",
  "14": "水域滩涂养殖权",
  "15": "海域使用权",
  "16": "海域使用权/构（建）筑物所有权",
  "17": "无居民海岛使用权",
  "18": "无居民海岛使用权/构（建）筑物所有权",
  "19": "地役权",
  "20": "取水权",
  "21": "探矿权",
  "22": "采矿权",
  "99": "其它权利",
};

/** 权利性质 (QLXZ). */
export const RIGHT_NATURES: Readonly<Record<string, string>> = {
  "100": "国有土地",
  "101": "划拨",
  "102": "出让",
  "103": "作价出资（入股）",
  "104": "国有土地租赁",
  "105": "授权经营",
  "106": "家庭承包",
  "107": "其它方式承包",
  "200": "集体土地",
  "201": "家庭承包",
  "202": "其它方式承包",
  "203": "批准拨用",
  "204": "入股",
  "205": "联营",
};

export const CO_OWNERSHIP_NAMES: Readonly<Record<CoOwnership, string>> = {
  "0": "单独所有",
  "1": "共同共有",
  "2": "按份共有",
  "3": "其它共有",
};

export const ENCUMBRANCE_NAMES: Readonly<Record<EncumbranceKind, { zh: string; en: string }>> = {
  mortgage: { zh: "抵押权", en: "mortgage" },
  "advance-notice": { zh: "预告登记", en: "advance notice" },
  seizure: { zh: "查封", en: "seizure" },
  objection: { zh: "异议登记", en: "objection" },
  habitation: { zh: "居住权", en: "habitation right" },
  easement: { zh: "地役权", en: "easement" },
};

/** 房屋结构. */
export const STRUCTURES: Readonly<Record<string, string>> = {
  "1": "钢",
  "2": "钢和钢筋混凝土",
  "3": "钢筋混凝土",
  "4": "混合",
  "5": "砖木",
  "6": "其它",
};

/** 证件种类 (2015 dictionary, with 8 统一社会信用代码 as vendors add it). */
export const ID_TYPES: Readonly<Record<string, string>> = {
  "1": "身份证",
  "2": "港澳台身份证",
  "3": "护照",
  "4": "户口簿",
  "5": "军官证（士兵证）",
  "6": "组织机构代码",
  "7": "营业执照",
  "8": "统一社会信用代码",
  "99": "其它",
};

/** 权利人类型. */
export const HOLDER_TYPES: Readonly<Record<string, string>> = {
  "1": "个人",
  "2": "企业",
  "3": "事业单位",
  "4": "国家机关",
  "99": "其它",
};

/** Right types a house unit (F) may carry as its main right; land units carry the land types. */
export const isKnownRightType = (code: string): boolean => code in RIGHT_TYPES;
